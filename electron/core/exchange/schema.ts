import { z } from 'zod';
import { roleSchema } from '../common/schemas/profile';
import { personSchema, safeIdSchema, signatureSchema, trustEntrySchema } from '../common/schemas/trust';

/** What the manifest's `format` says; anything else is not an exchange package. */
export const exchangeFormat = 'reportdesk-exchange';
/** The package format this program writes and reads. */
export const exchangeFormatVersion = 1;
/** The file name extension of a package. */
export const packageExtension = '.rdpkg';

// The people and keys this machine knows live in core/common (profiles, calendar and review read them too).
export {
  personSchema,
  publicKeySchema,
  safeIdPattern,
  safeIdSchema,
  signatureSchema,
  trustEntrySchema,
  trustSource,
  trustedAsSupervisor,
  type Person,
  type TrustEntry,
  type TrustSource,
} from '../common/schemas/trust';

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
