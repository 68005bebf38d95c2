import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { publicKeySchema } from '../core/exchange/schema';
import { DomainError } from '../core/shared/errors';
import type { Clock } from '../core/shared/ports';
import type { Signer } from '../core/shared/services';
import { KeyedQueue } from './keyed-queue';
import { assertSafeId } from './safe-id';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';

/** `keys/<profileId>.json`: the profile's Ed25519 key pair. The private key is PKCS#8 PEM, not encrypted at rest. */
const keyFileSchema = z
  .object({
    profileId: z.string().min(1),
    algorithm: z.literal('ed25519'),
    publicKey: publicKeySchema,
    privateKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
    createdAt: z.string(),
  })
  .strict();

interface LoadedKey {
  publicKey: string;
  privateKey: KeyObject;
  createdAt: string;
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
 */
export class FileKeyStore implements Signer {
  private readonly folder: string;
  private readonly clock: Clock;
  private readonly cache = new Map<string, LoadedKey>();
  private readonly queue = new KeyedQueue();

  constructor(dataDir: string, clock: Clock) {
    this.folder = path.join(dataDir, 'keys');
    this.clock = clock;
  }

  private file(profileId: string): string {
    return path.join(this.folder, `${assertSafeId(profileId)}.json`);
  }

  private async read(profileId: string): Promise<LoadedKey | null> {
    const cached = this.cache.get(profileId);
    if (cached) return cached;
    let stored;
    try {
      stored = await readDocument(this.file(profileId), keyFileSchema);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      throw new DomainError('internal', `密钥文件已损坏：keys/${profileId}.json（${error.message}）。请从备份中恢复该文件；不要删除它，否则别人将无法验证你的文件。`);
    }
    if (!stored) return null;
    const privateKey = createPrivateKey(stored.privateKey);
    if (rawPublicKey(privateKey) !== stored.publicKey || stored.profileId !== profileId) {
      throw new DomainError('internal', `密钥文件 keys/${profileId}.json 中的公钥与私钥不匹配，文件被改动过`);
    }
    const loaded = { publicKey: stored.publicKey, privateKey, createdAt: stored.createdAt };
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
      await mkdir(this.folder, { recursive: true });
      await writeDocument(this.file(profileId), keyFileSchema, {
        profileId,
        algorithm: 'ed25519',
        publicKey,
        privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        createdAt,
      });
      const loaded = { publicKey, privateKey, createdAt };
      this.cache.set(profileId, loaded);
      return loaded;
    });
  }

  async identity(profileId: string): Promise<{ publicKey: string; fingerprint: string; createdAt: string }> {
    const key = await this.load(profileId);
    return { publicKey: key.publicKey, fingerprint: keyFingerprint(key.publicKey), createdAt: key.createdAt };
  }

  async existingKey(profileId: string): Promise<string | null> {
    return (await this.queue.run(profileId, () => this.read(profileId)))?.publicKey ?? null;
  }

  async sign(profileId: string, text: string): Promise<string> {
    return signText((await this.load(profileId)).privateKey, text);
  }

  verify(publicKey: string, text: string, signature: string): boolean {
    return verifyText(publicKey, text, signature);
  }

  fingerprint(publicKey: string): string {
    return keyFingerprint(publicKey);
  }
}
