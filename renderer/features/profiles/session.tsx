import { useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import { ApiCallError, request, setActiveProfileId } from '../../api/client';
import { homePath } from '../../app/shortcuts';
import { PassphraseDialog, type PassphraseMode } from './PassphraseDialog';

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
  // The window's profile is held by the main process (or the server): a remembered one is chosen again there
  // (profiles:select) before anything is shown as that person.
  const [profile, setProfile] = useState<Profile | null>(null);
  const [restoring, setRestoring] = useState(initial !== null);
  const client = useQueryClient();
  const [asking, setAsking] = useState<{ profile: Profile; mode: PassphraseMode; resolve: (done: boolean) => void } | null>(null);

  const use = useCallback(
    (next: Profile) => {
      setActiveProfileId(next.id);
      rememberTabProfile(next.id);
      client.clear();
      // A new person starts at their own home page (a supervisor at 待审阅), never on a page of the previous one.
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${homePath(next.role)}`);
      setProfile(next);
    },
    [client],
  );

  /** Choose `next` in the main process; false when the person cancelled the passphrase. */
  const choose = useCallback(async (next: Profile): Promise<boolean> => {
    try {
      await request('profiles:select', { id: next.id });
      return true;
    } catch (failure) {
      // A supervisor's key must be unlocked (or, the first time, protected) with their passphrase.
      const details = failure instanceof ApiCallError ? (failure.error.details as { reason?: string; mode?: PassphraseMode } | undefined) : undefined;
      if (details?.reason !== 'passphrase-required') throw failure;
      const unlocked = await new Promise<boolean>((resolve) => setAsking({ profile: next, mode: details.mode ?? 'unlock', resolve }));
      setAsking(null);
      return unlocked;
    }
  }, []);

  const activate = useCallback(
    async (next: Profile) => {
      if (!(await choose(next))) return;
      use(next);
    },
    [choose, use],
  );

  // The profile remembered from before (a reload, a new start, a new tab) is chosen again in the main process;
  // the page stays where it is. A supervisor's key may be locked in this process: the passphrase is asked.
  useEffect(() => {
    if (!initial) return;
    void choose(initial)
      .catch(() => false)
      .then((chosen) => {
        if (chosen) {
          setActiveProfileId(initial.id);
          rememberTabProfile(initial.id);
          setProfile(initial);
        } else {
          rememberTabProfile(null);
        }
        setRestoring(false);
      });
    // Only once, for the profile the window started with.
  }, []);

  const signOut = useCallback(() => {
    void request('profiles:sign-out', {}).catch(() => undefined);
    setActiveProfileId(null);
    rememberTabProfile(null);
    client.clear();
    setProfile(null);
  }, [client]);

  const value = useMemo(() => ({ profile, activate, signOut }), [profile, activate, signOut]);
  return (
    <SessionContext.Provider value={value}>
      {restoring ? <Spin fullscreen /> : children}
      {asking && (
        <PassphraseDialog
          profile={asking.profile}
          mode={asking.mode}
          onDone={() => asking.resolve(true)}
          onCancel={() => {
            asking.resolve(false);
          }}
        />
      )}
    </SessionContext.Provider>
  );
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
