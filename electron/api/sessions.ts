import { formatMessage } from '../core/common/messages';
import type { Dispatcher } from './dispatcher';
import { fail, type Result } from './result';

/** Channels that make a profile the session's active one when they succeed (their value is that profile). */
const choosingChannels: ReadonlySet<string> = new Set(['profiles:select', 'profiles:create']);
/** The channel that ends a session's profile (back to the profile chooser). */
export const signOutChannel = 'profiles:sign-out';

/** At most this many sessions are remembered; the least recently used is forgotten first. */
export const maximumSessions = 500;

interface ActiveProfile {
  id: string;
  name: string;
}

/**
 * The active profile of each window (an Electron webContents) or browser tab, held by the transport side: a call
 * acts as its session's profile, never as one it names. The profile changes only when `profiles:select` (which
 * asks a supervisor's passphrase when their key is locked) or `profiles:create` succeeds in that session, and
 * `profiles:sign-out` ends it. A call naming another profile than its session's is refused (`forbidden`), so a
 * page cannot act as someone else by putting another id into a request.
 */
export class ProfileSessions {
  private readonly active = new Map<string, ActiveProfile>();

  constructor(private readonly dispatcher: Dispatcher) {}

  /** The profile id a session acts as (null before a profile is chosen). */
  profileOf(session: string): string | null {
    return this.active.get(session)?.id ?? null;
  }

  /**
   * One call in a session. `claimed` is the profile the page believes is active (or null): when given, it must
   * be the session's; the call then runs as the session's profile.
   */
  async dispatch(session: string, channel: string, claimed: string | null, input: unknown): Promise<Result<unknown>> {
    const current = this.active.get(session) ?? null;
    if (current) this.touch(session, current);
    if (channel === signOutChannel) {
      this.active.delete(session);
      return this.dispatcher.dispatch(channel, null, input);
    }
    if (choosingChannels.has(channel)) {
      const result = await this.dispatcher.dispatch(channel, current?.id ?? null, input);
      if (result.ok) {
        const profile = result.value as ActiveProfile;
        this.touch(session, { id: profile.id, name: profile.name });
      }
      return result;
    }
    if (claimed !== null && claimed !== (current?.id ?? null)) {
      const key = current ? 'session.notActive' : 'session.noneActive';
      const params: Record<string, string> = current ? { active: current.name } : {};
      return fail('forbidden', formatMessage(key, params), { key, params, details: { reason: 'profile-not-active' } });
    }
    return this.dispatcher.dispatch(channel, current?.id ?? null, input);
  }

  /** Forget a session (its window was closed). */
  end(session: string): void {
    this.active.delete(session);
  }

  private touch(session: string, profile: ActiveProfile): void {
    this.active.delete(session);
    this.active.set(session, profile);
    while (this.active.size > maximumSessions) {
      const oldest = this.active.keys().next().value as string;
      this.active.delete(oldest);
    }
  }
}
