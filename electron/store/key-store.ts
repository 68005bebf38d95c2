import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
  KeyObject,
} from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { publicKeySchema } from '../core/exchange/schema';
import { DomainError } from '../core/common/errors';
import type { Clock } from '../core/common/ports';
import type { Signer, UnlockedKeys } from '../core/services';
import { KeyedQueue } from './keyed-queue';
import { assertSafeId } from './safe-id';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';
import { coded, formatMessage } from '../core/common/messages';

/** A private key encrypted with a key derived from the person's passphrase (scrypt → AES-256-GCM). */
const passphraseProtectionSchema = z
  .object({
    method: z.literal('passphrase'),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(16384).max(1 << 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(16),
    iv: z.string().min(16),
    tag: z.string().min(16),
    ciphertext: z.string().min(1),
  })
  .strict();

/** A private key sealed by the operating system (Electron safeStorage: DPAPI, Keychain, libsecret). */
const osProtectionSchema = z.object({ method: z.literal('os'), ciphertext: z.string().min(1) }).strict();

/**
 * `keys/<profileId>.json`: the profile's Ed25519 key pair. The public key is in clear; the private key is PKCS#8
 * PEM either in clear (`privateKey`, managers' keys in browser mode and the CLI, and keys made before protection
 * existed) or protected (`protection`): by a passphrase, or by the operating system.
 */
const keyFileSchema = z
  .object({
    profileId: z.string().min(1),
    algorithm: z.literal('ed25519'),
    publicKey: publicKeySchema,
    privateKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----').optional(),
    protection: z.discriminatedUnion('method', [passphraseProtectionSchema, osProtectionSchema]).optional(),
    createdAt: z.string(),
  })
  .strict()
  .refine((file) => (file.privateKey === undefined) !== (file.protection === undefined), '密钥文件必须恰好含有一种私钥形式');
type KeyFile = z.infer<typeof keyFileSchema>;

/** How a profile's private key is kept, as far as signing is concerned. */
export type KeyState = 'none' | 'plain' | 'locked' | 'unlocked' | 'os';

/** The operating system's secret store (Electron safeStorage in the desktop app); absent elsewhere. */
export interface OsKeySealer {
  available(): boolean;
  seal(plain: string): Buffer;
  unseal(sealed: Buffer): string;
}

/** scrypt cost: 2^15 × 8 × 128 bytes = 32 MB and ~0.1 s per try, so guessing a passphrase is slow. */
const scryptCost = { N: 1 << 15, r: 8, p: 1 };
const minimumPassphrase = 8;

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r });
}

/** Encrypt a PEM private key under a passphrase; the public key is bound in as associated data. */
export function encryptPrivateKey(pem: string, passphrase: string, publicKey: string): z.infer<typeof passphraseProtectionSchema> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, scryptCost), iv);
  cipher.setAAD(Buffer.from(publicKey, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return {
    method: 'passphrase',
    kdf: 'scrypt',
    ...scryptCost,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The PEM private key, or null when the passphrase is wrong (or the file was altered: GCM authenticates it). */
export function decryptPrivateKey(protection: z.infer<typeof passphraseProtectionSchema>, passphrase: string, publicKey: string): string | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      deriveKey(passphrase, Buffer.from(protection.salt, 'base64'), protection),
      Buffer.from(protection.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(publicKey, 'utf8'));
    decipher.setAuthTag(Buffer.from(protection.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(protection.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < minimumPassphrase) {
    throw coded('invalid-input', 'key.passphraseShort', { minimum: minimumPassphrase }, { issues: [{ path: 'passphrase', message: formatMessage('key.passphraseShort', { minimum: minimumPassphrase }) }] });
  }
}

interface LoadedKey {
  publicKey: string;
  /** Null while a passphrase-protected key is locked. */
  privateKey: KeyObject | null;
  createdAt: string;
  file: KeyFile;
}

function base64UrlToBase64(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}

/** The raw public key (base64) of a private key. */
function rawPublicKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return base64UrlToBase64(String(jwk.x));
}

/** A public key object from its raw base64 form; null when it is not a 32-byte key. */
function publicKeyObject(publicKey: string): KeyObject | null {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== publicKey) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** First 16 bytes of sha256 of the raw key, as eight groups of four hex digits. */
export function keyFingerprint(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
  return digest.match(/.{4}/g)!.join(' ');
}

/** Ed25519 over UTF-8 text with node:crypto; base64 signature. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

export function verifyText(publicKey: string, text: string, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, bytes);
  } catch {
    return false;
  }
}

/**
 * One key pair per local profile under `keys/`, made on first use (existing profiles get theirs lazily).
 * A damaged key file is reported, never replaced: a new key would make every receiver refuse this person.
 * A passphrase-protected key is unlocked in memory for the life of the process (`unlock`, `setPassphrase`);
 * with an OS sealer (the desktop app), keys kept in clear are sealed by it the first time they are loaded.
 */
export class FileKeyStore implements Signer {
  private readonly folder: string;
  private readonly clock: Clock;
  private readonly sealer: OsKeySealer | null;
  private readonly cache = new Map<string, LoadedKey>();
  private readonly queue = new KeyedQueue();

  constructor(dataDir: string, clock: Clock, options: { sealer?: OsKeySealer | null } = {}) {
    this.folder = path.join(dataDir, 'keys');
    this.clock = clock;
    this.sealer = options.sealer && options.sealer.available() ? options.sealer : null;
  }

  private file(profileId: string): string {
    return path.join(this.folder, `${assertSafeId(profileId)}.json`);
  }

  private checkPair(profileId: string, file: KeyFile, privateKey: KeyObject): void {
    if (rawPublicKey(privateKey) !== file.publicKey || file.profileId !== profileId) {
      throw coded('internal', 'key.pairMismatch', { profileId });
    }
  }

  private async write(profileId: string, file: KeyFile): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeDocument(this.file(profileId), keyFileSchema, file);
  }

  private async read(profileId: string): Promise<LoadedKey | null> {
    const cached = this.cache.get(profileId);
    if (cached) return cached;
    let stored: KeyFile | null;
    try {
      stored = await readDocument(this.file(profileId), keyFileSchema);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      throw coded('internal', 'key.damaged', { profileId, reason: error.message });
    }
    if (!stored) return null;
    let privateKey: KeyObject | null = null;
    if (stored.privateKey) {
      privateKey = createPrivateKey(stored.privateKey);
      this.checkPair(profileId, stored, privateKey);
      if (this.sealer) {
        // The desktop app keeps clear keys sealed by the operating system from now on.
        const sealed: KeyFile = { ...stored, privateKey: undefined, protection: { method: 'os', ciphertext: this.sealer.seal(stored.privateKey).toString('base64') } };
        delete sealed.privateKey;
        await this.write(profileId, sealed);
        stored = sealed;
      }
    } else if (stored.protection?.method === 'os') {
      if (!this.sealer) {
        throw coded('locked', 'key.sealedByOs', { profileId }, { details: { reason: 'key-sealed-by-os' } });
      }
      let pem: string;
      try {
        pem = this.sealer.unseal(Buffer.from(stored.protection.ciphertext, 'base64'));
      } catch {
        throw coded('locked', 'key.unsealFailed', { profileId }, { details: { reason: 'key-sealed-by-os' } });
      }
      privateKey = createPrivateKey(pem);
      this.checkPair(profileId, stored, privateKey);
    }
    const loaded: LoadedKey = { publicKey: stored.publicKey, privateKey, createdAt: stored.createdAt, file: stored };
    this.cache.set(profileId, loaded);
    return loaded;
  }

  private load(profileId: string): Promise<LoadedKey> {
    return this.queue.run(profileId, async () => {
      const existing = await this.read(profileId);
      if (existing) return existing;
      const { privateKey } = generateKeyPairSync('ed25519');
      const createdAt = this.clock.now().toISOString();
      const publicKey = rawPublicKey(privateKey);
      const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      const file: KeyFile = this.sealer
        ? { profileId, algorithm: 'ed25519', publicKey, protection: { method: 'os', ciphertext: this.sealer.seal(pem).toString('base64') }, createdAt }
        : { profileId, algorithm: 'ed25519', publicKey, privateKey: pem, createdAt };
      await this.write(profileId, file);
      const loaded = { publicKey, privateKey, createdAt, file };
      this.cache.set(profileId, loaded);
      return loaded;
    });
  }

  async identity(profileId: string): Promise<{ publicKey: string; fingerprint: string; createdAt: string }> {
    const key = await this.load(profileId);
    return { publicKey: key.publicKey, fingerprint: keyFingerprint(key.publicKey), createdAt: key.createdAt };
  }

  async existingKey(profileId: string): Promise<string | null> {
    try {
      return (await this.queue.run(profileId, () => this.read(profileId)))?.publicKey ?? null;
    } catch (error) {
      // A key sealed by another machine's OS still has its public key in clear.
      if (error instanceof DomainError && error.code === 'locked') {
        const stored = await readDocument(this.file(profileId), keyFileSchema);
        return stored?.publicKey ?? null;
      }
      throw error;
    }
  }

  async keyState(profileId: string): Promise<KeyState> {
    const stored = await this.queue.run(profileId, async () => {
      const cached = this.cache.get(profileId);
      if (cached) return cached;
      try {
        return await this.read(profileId);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'locked') return null;
        throw error;
      }
    });
    if (!stored) return (await readDocument(this.file(profileId), keyFileSchema).catch(() => null)) ? 'locked' : 'none';
    if (stored.file.protection?.method === 'passphrase') return stored.privateKey ? 'unlocked' : 'locked';
    if (stored.file.protection?.method === 'os') return 'os';
    return 'plain';
  }

  async unlock(profileId: string, passphrase: string): Promise<void> {
    await this.queue.run(profileId, async () => {
      const key = await this.read(profileId);
      if (!key) throw coded('not-found', 'key.none');
      const protection = key.file.protection;
      if (protection?.method !== 'passphrase') throw coded('conflict', 'key.notProtected');
      const pem = decryptPrivateKey(protection, passphrase, key.publicKey);
      if (!pem) throw coded('forbidden', 'key.wrongPassphrase', undefined, { issues: [{ path: 'passphrase', message: formatMessage('key.wrongPassphrase') }], details: { reason: 'wrong-passphrase' } });
      const privateKey = createPrivateKey(pem);
      this.checkPair(profileId, key.file, privateKey);
      key.privateKey = privateKey;
    });
  }

  async setPassphrase(profileId: string, passphrase: string, current?: string): Promise<void> {
    checkPassphrase(passphrase);
    await this.queue.run(profileId, async () => {
      let key = await this.read(profileId);
      if (key?.file.protection?.method === 'passphrase') {
        // Changing a passphrase needs the current one.
        const pem = current === undefined ? null : decryptPrivateKey(key.file.protection, current, key.publicKey);
        if (!pem) throw coded('forbidden', 'key.wrongCurrent', undefined, { issues: [{ path: 'current', message: formatMessage('key.wrongCurrent') }], details: { reason: 'wrong-passphrase' } });
        key.privateKey = createPrivateKey(pem);
      }
      if (!key) {
        const { privateKey } = generateKeyPairSync('ed25519');
        const created = this.clock.now().toISOString();
        key = { publicKey: rawPublicKey(privateKey), privateKey, createdAt: created, file: { profileId, algorithm: 'ed25519', publicKey: rawPublicKey(privateKey), createdAt: created } };
      }
      const pem = key.privateKey!.export({ format: 'pem', type: 'pkcs8' }).toString();
      const file: KeyFile = { profileId, algorithm: 'ed25519', publicKey: key.publicKey, protection: encryptPrivateKey(pem, passphrase, key.publicKey), createdAt: key.createdAt };
      await this.write(profileId, file);
      this.cache.set(profileId, { ...key, file });
    });
  }

  lock(profileId: string): void {
    const key = this.cache.get(profileId);
    if (key?.file.protection?.method === 'passphrase') key.privateKey = null;
  }

  unlockedKeys(): UnlockedKeys {
    const keys = new Map<string, { publicKey: string; privateKey: KeyObject }>();
    for (const [profileId, key] of this.cache) {
      if (key.file.protection?.method === 'passphrase' && key.privateKey) keys.set(profileId, { publicKey: key.publicKey, privateKey: key.privateKey });
    }
    return keys;
  }

  async adoptUnlocked(keys: UnlockedKeys): Promise<void> {
    for (const [profileId, carried] of keys) {
      if (!(carried.privateKey instanceof KeyObject)) continue;
      const privateKey = carried.privateKey;
      await this.queue.run(profileId, async () => {
        const key = await this.read(profileId).catch(() => null);
        // Only the same key pair: a restored folder may hold another key for this person.
        if (!key || key.file.protection?.method !== 'passphrase' || key.publicKey !== carried.publicKey) return;
        this.checkPair(profileId, key.file, privateKey);
        key.privateKey = privateKey;
      });
    }
  }

  async sign(profileId: string, text: string): Promise<string> {
    const key = await this.load(profileId);
    if (!key.privateKey) {
      throw coded('locked', 'key.locked', undefined, { details: { reason: 'key-locked' } });
    }
    return signText(key.privateKey, text);
  }

  verify(publicKey: string, text: string, signature: string): boolean {
    return verifyText(publicKey, text, signature);
  }

  fingerprint(publicKey: string): string {
    return keyFingerprint(publicKey);
  }
}
