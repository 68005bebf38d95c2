/**
 * The people this machine knows and the keys that sign their work: safe ids, keys, and the trust list (trust on
 * first use) that exchange writes and profiles, calendar and review read. Moved here from core/exchange/schema.ts
 * so the layers below exchange read it without importing exchange.
 */
import { z } from 'zod';
import { roleSchema } from './profile';

/** Ids that become file names (documents, templates, profiles, records): the store's safe-id rule. */
export const safeIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
export const safeIdSchema = z.string().regex(safeIdPattern, '编号格式不正确');

/** A raw Ed25519 public key (32 bytes), base64. */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '公钥格式不正确');
/** An Ed25519 signature (64 bytes), base64. */
export const signatureSchema = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, '签名格式不正确');

/** Someone whose records or documents a package carries, with the key that signs them. */
export const personSchema = z
  .object({
    profileId: safeIdSchema,
    name: z.string().min(1).max(40),
    role: roleSchema,
    unit: z.string().max(60),
    publicKey: publicKeySchema,
  })
  .strict();
export type Person = z.infer<typeof personSchema>;

/** Someone this machine has received a package from (trust on first use), or who was vouched for in one. */
export const trustEntrySchema = personSchema
  .extend({
    fingerprint: z.string(),
    firstSeen: z.string(),
    /** The package that introduced the key, and who sent it (the person themselves, or someone vouching). */
    introducedBy: z.object({ packageId: z.string(), senderId: z.string(), senderName: z.string() }).strict(),
    /**
     * Where the trust comes from: `package` — the person's own package, confirmed at first contact with its
     * fingerprint; `fingerprint` — an explicit fingerprint check on this machine; `vouched` — listed in someone
     * else's package (enough to check a manager's signatures, never to accept a supervisor's decisions).
     * Entries written before this field existed are read by `trustSource`.
     */
    source: z.enum(['package', 'fingerprint', 'vouched']).optional(),
  })
  .strict();
export type TrustEntry = z.infer<typeof trustEntrySchema>;
export type TrustSource = NonNullable<TrustEntry['source']>;

/** Where a trust entry's trust comes from (older entries: their own package, or vouched by its sender). */
export function trustSource(entry: TrustEntry): TrustSource {
  return entry.source ?? (entry.introducedBy.senderId === entry.profileId ? 'package' : 'vouched');
}

/** Trusted as a supervisor: role supervisor, from their own package or a fingerprint check — never vouched for. */
export function trustedAsSupervisor(entry: TrustEntry): boolean {
  return entry.role === 'supervisor' && trustSource(entry) !== 'vouched';
}
