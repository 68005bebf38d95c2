import type { Clock, Hasher, IdGenerator, Locks } from './ports';
import type { Profile } from './schemas/profile';

/** What every capability may use: time, ids, content hashing and the per-document locks. */
export interface CommonServices {
  clock: Clock;
  ids: IdGenerator;
  hash: Hasher;
  /** One act per document at a time: permission and state checks, then the writes, without interleaving. */
  locks: Locks;
}

/**
 * Who is calling (the active profile, or null before one is chosen) and the services a capability sees. Each
 * capability names the narrow services it uses in its own `ports.ts` (`Context<ReviewServices>`, …); the whole
 * bag is assembled in core/services.ts, above every capability.
 */
export interface Context<S> {
  profile: Profile | null;
  services: S;
}
