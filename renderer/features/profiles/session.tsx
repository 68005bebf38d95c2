import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Profile } from '../../../electron/core/profiles/schema';
import { request, setActiveProfileId } from '../../api/client';
import { homePath } from '../../app/shortcuts';

interface SessionValue {
  profile: Profile | null;
  /** Make a profile active: remembered on this machine, carried by every call; the window goes to its home page. */
  activate(profile: Profile): Promise<void>;
  /** Back to the profile chooser. */
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

const tabProfileKey = 'reportdesk.activeProfile';

/**
 * The profile this window (browser tab) was using: a reload keeps it, even if another window has since
 * switched the machine's remembered profile.
 */
export function tabProfileId(): string | null {
  try {
    return window.sessionStorage.getItem(tabProfileKey);
  } catch {
    return null;
  }
}

function rememberTabProfile(id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(tabProfileKey, id);
    else window.sessionStorage.removeItem(tabProfileKey);
  } catch {
    // Storage can be unavailable (privacy settings); the machine-wide choice still applies.
  }
}

export function SessionProvider({ initial, children }: { initial: Profile | null; children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null>(() => {
    setActiveProfileId(initial?.id ?? null);
    rememberTabProfile(initial?.id ?? null);
    return initial;
  });
  const client = useQueryClient();

  const activate = useCallback(
    async (next: Profile) => {
      await request('profiles:select', { id: next.id });
      setActiveProfileId(next.id);
      rememberTabProfile(next.id);
      client.clear();
      // A new person starts at their own home page (a supervisor at 待审阅), never on a page of the previous one.
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${homePath(next.role)}`);
      setProfile(next);
    },
    [client],
  );

  const signOut = useCallback(() => {
    setActiveProfileId(null);
    rememberTabProfile(null);
    client.clear();
    setProfile(null);
  }, [client]);

  const value = useMemo(() => ({ profile, activate, signOut }), [profile, activate, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The active profile; only for screens behind the profile gate. */
export function useProfile(): Profile {
  const { profile } = useSession();
  if (!profile) throw new Error('no active profile');
  return profile;
}
