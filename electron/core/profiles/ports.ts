/** The ports the profiles capability owns (implemented by the store), and the services its use cases see. */
import type { Context, CommonServices } from '../common/context';
import type { SettingsPort } from '../common/ports';
import type { Profile } from '../common/schemas/profile';
import type { TrustEntry } from '../common/schemas/trust';

/** Profiles stored on this machine. */
export interface ProfileRepository {
  list(): Promise<Profile[]>;
  get(id: string): Promise<Profile | null>;
  save(profile: Profile): Promise<void>;
}


/**
 * This machine's signing keys: one Ed25519 key pair per local profile, made on first use (the private key never
 * leaves the data folder), and signature checks against any public key.
 */
/** Unlocked private keys carried from one open store to the next (never written anywhere). */
export type UnlockedKeys = ReadonlyMap<string, { publicKey: string; privateKey: unknown }>;

export interface Signer {
  /** The profile's public key (raw, base64) and fingerprint; creates the key pair the first time. */
  identity(profileId: string): Promise<{ publicKey: string; fingerprint: string; createdAt: string }>;
  /** The profile's public key if it already has one on this machine; never creates one. */
  existingKey(profileId: string): Promise<string | null>;
  /**
   * How the profile's private key is kept: 'none' (not made yet), 'plain' (in clear), 'locked' / 'unlocked'
   * (passphrase-protected; unlocked in memory for this process), 'os' (sealed by the operating system).
   */
  keyState(profileId: string): Promise<'none' | 'plain' | 'locked' | 'unlocked' | 'os'>;
  /** Unlock a passphrase-protected key for this process; `forbidden` (reason wrong-passphrase) when wrong. */
  unlock(profileId: string, passphrase: string): Promise<void>;
  /**
   * Protect the key with a passphrase (made now if there is none; a key in clear is migrated, keeping the same
   * key pair); changing an existing passphrase needs the current one. Leaves the key unlocked.
   */
  setPassphrase(profileId: string, passphrase: string, current?: string): Promise<void>;
  /** Forget the unlocked private key (it stays protected on disk). */
  lock(profileId: string): void;
  /**
   * The passphrase-protected keys unlocked in this process, opaque: handed to the signer of the same person's
   * data folder after a move or a restore (`adoptUnlocked`), so the app does not ask for the passphrase again.
   */
  unlockedKeys(): UnlockedKeys;
  /** Take over keys unlocked by another signer; a key is used only where its public key matches the stored one. */
  adoptUnlocked(keys: UnlockedKeys): Promise<void>;
  /** Sign UTF-8 text with the profile's private key (creating the key pair the first time); base64. */
  sign(profileId: string, text: string): Promise<string>;
  /** Does `signature` (base64) sign `text` under `publicKey` (raw, base64)? False for malformed input. */
  verify(publicKey: string, text: string, signature: string): boolean;
  /** First 16 bytes of sha256 of the raw public key, as grouped hex (`a1b2 c3d4 …`). */
  fingerprint(publicKey: string): string;
}


/** The people this machine met through exchange (the trust list core/exchange keeps), as the layers below read it. */
export interface TrustedPeople {
  trusted(): Promise<TrustEntry[]>;
}

/** The settings the profiles capability reads and writes. */
export interface ProfileSettings {
  lastProfileId: string | null;
}

export interface ProfilesServices extends CommonServices {
  profiles: ProfileRepository;
  signer: Signer;
  exchange: TrustedPeople;
  settings: SettingsPort<ProfileSettings>;
}

export type CallContext = Context<ProfilesServices>;
