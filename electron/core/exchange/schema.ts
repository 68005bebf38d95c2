import { z } from 'zod';
import { roleSchema } from '../common/schemas/profile';
import { reportStatusSchema } from '../common/schemas/report';
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

// What the exchange channels return. The types are inferred from these schemas, and the API validates its output
// with these same objects.

/** The caller's key pair (made on first use): public key and fingerprint, to read out to the other side. */
export const identityViewSchema = z
  .object({
    profileId: z.string(),
    name: z.string(),
    role: roleSchema,
    unit: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    createdAt: z.string(),
  })
  .strict();
export type IdentityView = z.infer<typeof identityViewSchema>;

/** What an exported package holds. */
export const exportSummarySchema = z
  .object({
    kind: packageKindSchema,
    packageId: z.string(),
    recipients: z.array(z.string()),
    documents: z.array(z.object({ id: z.string(), title: z.string(), revisions: z.array(z.number().int()), records: z.number().int() }).strict()),
    templates: z.number().int(),
    records: z.number().int(),
  })
  .strict();
export type ExportSummary = z.infer<typeof exportSummarySchema>;

export const exportedPackageSchema = z.object({ fileName: z.string(), dataBase64: z.string(), summary: exportSummarySchema }).strict();
export type ExportedPackage = z.infer<typeof exportedPackageSchema>;

/** Whose key a package names: a local profile's, one trusted before, or one met for the first time. */
export const keyStatusSchema = z.enum(['local', 'trusted', 'new']);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const personViewSchema = z
  .object({
    profileId: z.string(),
    name: z.string(),
    role: roleSchema,
    unit: z.string(),
    fingerprint: z.string(),
    known: keyStatusSchema,
    /** When this machine first saw the key (trusted keys). */
    firstSeen: z.string().optional(),
  })
  .strict();
export type PersonView = z.infer<typeof personViewSchema>;

/**
 * What happens to the document file: created (first time here), its workflow status changes, only its review
 * summary is refreshed, nothing, or a conflict (the local document is kept as it is).
 */
export const documentEffectSchema = z.enum(['create', 'status', 'refresh', 'none', 'conflict']);
export type DocumentEffect = z.infer<typeof documentEffectSchema>;

export const documentPreviewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    authorName: z.string(),
    period: z.string(),
    revisions: z.array(z.object({ revision: z.number().int(), isNew: z.boolean() }).strict()),
    newRecords: z.number().int(),
    duplicateRecords: z.number().int(),
    newRecordTypes: z.record(z.string(), z.number().int()),
    effect: documentEffectSchema,
    statusBefore: reportStatusSchema.nullable(),
    statusAfter: reportStatusSchema,
    revisionAfter: z.number().int(),
  })
  .strict();
export type DocumentPreview = z.infer<typeof documentPreviewSchema>;

/** What a package holds and what importing it would change here. */
export const packagePreviewSchema = z
  .object({
    fileName: z.string(),
    packageId: z.string(),
    kind: packageKindSchema,
    createdAt: z.string(),
    sha256: z.string(),
    sender: personViewSchema,
    recipients: z.array(z.object({ profileId: z.string(), name: z.string() }).strict()),
    people: z.array(personViewSchema),
    /** Keys met for the first time: the import needs `trustSender` (after comparing fingerprints). */
    needsTrust: z.boolean(),
    documents: z.array(documentPreviewSchema),
    ignoredDocuments: z.number().int(),
    templates: z.array(z.object({ id: z.string(), version: z.number().int(), name: z.string(), status: z.enum(['new', 'known', 'builtin-differs']) }).strict()),
    conflicts: z.array(conflictSchema),
    totals: z
      .object({
        documents: z.number().int(),
        newDocuments: z.number().int(),
        newRevisions: z.number().int(),
        duplicateRevisions: z.number().int(),
        newRecords: z.number().int(),
        duplicateRecords: z.number().int(),
        newTemplates: z.number().int(),
      })
      .strict(),
    /** Everything in the package is here already: importing it changes nothing. */
    nothingNew: z.boolean(),
  })
  .strict();
export type PackagePreview = z.infer<typeof packagePreviewSchema>;

export const applyResultSchema = z
  .object({
    importId: z.string(),
    preview: packagePreviewSchema,
    applied: z
      .object({
        newDocuments: z.number().int(),
        updatedDocuments: z.number().int(),
        newRevisions: z.number().int(),
        newRecords: z.number().int(),
        newTemplates: z.number().int(),
        trusted: z.array(z.string()),
      })
      .strict(),
    conflicts: z.array(conflictSchema),
  })
  .strict();
export type ApplyResult = z.infer<typeof applyResultSchema>;

/** The caller's imports, newest first, and an unfinished import if any. */
export const importLogSchema = z.object({ entries: z.array(importLogEntrySchema), pending: pendingImportSchema.nullable() }).strict();
export type ImportLog = z.infer<typeof importLogSchema>;
