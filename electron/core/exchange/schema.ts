import { z } from 'zod';
import { roleSchema } from '../profiles/schema';

/** What the manifest's `format` says; anything else is not an exchange package. */
export const exchangeFormat = 'reportdesk-exchange';
/** The package format this program writes and reads. */
export const exchangeFormatVersion = 1;
/** The file name extension of a package. */
export const packageExtension = '.rdpkg';

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

/** submissions: a manager's submitted revisions for a supervisor; reviews: a supervisor's reviews for managers. */
export const packageKindSchema = z.enum(['submissions', 'reviews']);
export type PackageKind = z.infer<typeof packageKindSchema>;

export const manifestEntrySchema = z
  .object({
    path: z.string().min(1).max(255),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '校验值格式不正确'),
  })
  .strict();

export const recipientSchema = z.object({ profileId: safeIdSchema, name: z.string().max(40), role: roleSchema }).strict();
export type Recipient = z.infer<typeof recipientSchema>;

/** `manifest.json`: who sent the package, to whom, and the sha256 of every other entry. */
export const manifestSchema = z
  .object({
    format: z.literal(exchangeFormat),
    formatVersion: z.literal(exchangeFormatVersion),
    packageId: safeIdSchema,
    kind: packageKindSchema,
    createdAt: z.string().min(1).max(40),
    app: z.string().max(80),
    sender: personSchema,
    /** Submissions: the supervisor it is meant for (may be empty). Reviews: the managers it is for. */
    recipients: z.array(recipientSchema).max(1000),
    /** Every author of a record in the package, with their public key (the sender vouches for them). */
    people: z.array(personSchema).max(1000),
    entries: z.array(manifestEntrySchema).max(10_000),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** `signature.json`: the sender's Ed25519 signature over the exact bytes of `manifest.json`. */
export const packageSignatureSchema = z
  .object({ algorithm: z.literal('ed25519'), signer: safeIdSchema, signature: signatureSchema })
  .strict();
export type PackageSignature = z.infer<typeof packageSignatureSchema>;

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

export const trustFileSchema = z.object({ entries: z.array(trustEntrySchema) }).strict();

/** What was last exported from one sender to one recipient, per document: "everything new since" starts here. */
export const exportMarkerSchema = z
  .object({
    at: z.string(),
    packageId: z.string(),
    /** Per document: the sender's own records and the revisions sent (what the recipient has from them). */
    documents: z.record(z.string(), z.object({ ownRecords: z.array(z.string()), revisions: z.array(z.number().int()) }).strict()),
  })
  .strict();
export type ExportMarker = z.infer<typeof exportMarkerSchema>;

export const exportMarkersFileSchema = z.object({ markers: z.record(z.string(), exportMarkerSchema) }).strict();

export const conflictSchema = z
  .object({
    docId: z.string(),
    title: z.string(),
    kind: z.enum(['status', 'decisions', 'template']),
    message: z.string(),
  })
  .strict();
export type ExchangeConflict = z.infer<typeof conflictSchema>;

/** One line of `exchange/imports.ndjson`: every import, with what it changed. */
export const importLogEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    by: z.object({ profileId: z.string(), name: z.string() }).strict(),
    fileName: z.string(),
    packageId: z.string(),
    kind: packageKindSchema,
    sender: z.object({ profileId: z.string(), name: z.string(), fingerprint: z.string() }).strict(),
    sha256: z.string(),
    newDocuments: z.number().int(),
    updatedDocuments: z.number().int(),
    newRevisions: z.number().int(),
    newRecords: z.number().int(),
    duplicateRecords: z.number().int(),
    newTemplates: z.number().int(),
    trusted: z.array(z.string()),
    documents: z.array(z.object({ id: z.string(), title: z.string(), newRecords: z.number().int(), effect: z.string() }).strict()),
    conflicts: z.array(conflictSchema),
  })
  .strict();
export type ImportLogEntry = z.infer<typeof importLogEntrySchema>;

/** Written before an import starts writing and removed when it has finished: a leftover means "import again". */
export const pendingImportSchema = z
  .object({ packageId: z.string(), fileName: z.string(), at: z.string(), by: z.string() })
  .strict();
export type PendingImport = z.infer<typeof pendingImportSchema>;
