/** Services the core needs from the outside world; implemented by the store (Node) or by tests. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = {
  newId: () => globalThis.crypto.randomUUID(),
};

/** Content hashing (sha256, hex), provided by the platform (Node's crypto in the store). */
export interface Hasher {
  /** Of the text's UTF-8 bytes. */
  sha256(text: string): string;
  sha256Bytes(bytes: Uint8Array): string;
}

/** Serialises work per key (a document id) so a check and the write that depends on it never interleave. */
export interface Locks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The app settings as one capability reads and writes them: each capability names the fields it uses. The
 * whole shape (core/settings/schema.ts) sits at the top, since it gathers the settings of every capability.
 */
export interface SettingsPort<S> {
  get(): Promise<S>;
  save(settings: S): Promise<void>;
}
