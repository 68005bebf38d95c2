/**
 * The `.rdpkg` file: a zip holding `manifest.json` (format version, sender, recipients, the people whose
 * records it carries with their public keys, and the sha256 of every other entry), `signature.json` (the
 * sender's Ed25519 signature over the manifest's bytes), and per document its frozen revisions
 * (`revisions/<docId>/r<n>.json`) and review records (`records/<docId>.json`), plus the template versions those
 * revisions use (`templates/<id>/v<n>.json`).
 *
 * `decodePackage` checks everything that can be checked without this machine's data, in a fixed order, and
 * refuses with a reason and a Chinese message at the first problem.
 */
import type { z } from 'zod';
import { reportSchema, type Report } from '../common/schemas/report';
import { reviewRecordSchema, type ReviewRecord } from '../common/schemas/review';
import { orderRecords } from '../common/review-fold';
import { brokenRecordRule } from '../review/record-rules';
import { recordSigningText } from '../review/signature';
import { templateSchema, type Template } from '../common/schemas/template';
import { DomainError } from '../common/errors';
import type { Hasher } from '../common/ports';
import { refuse } from './errors';
import {
  exchangeFormat,
  exchangeFormatVersion,
  manifestSchema,
  packageSignatureSchema,
  safeIdPattern,
  type Manifest,
  type PackageKind,
  type Person,
  type Recipient,
} from './schema';
import { readZip, writeZip, ZipError, type ZipEntry } from './zip';

export const manifestPath = 'manifest.json';
export const signaturePath = 'signature.json';

export interface PackageDocument {
  docId: string;
  /** Frozen submitted revisions, by number. */
  revisions: Report[];
  records: ReviewRecord[];
}

export interface PackageContents {
  packageId: string;
  kind: PackageKind;
  createdAt: string;
  app: string;
  sender: Person;
  recipients: Recipient[];
  people: Person[];
  documents: PackageDocument[];
  templates: Template[];
}

/** A package that passed every check that needs only the package itself. */
export interface DecodedPackage {
  manifest: Manifest;
  /** sha256 of the whole file. */
  sha256: string;
  documents: Map<string, { revisions: Map<number, Report>; records: ReviewRecord[] }>;
  templates: Template[];
  people: Map<string, Person>;
}

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
}

/** Build and sign a package file. `sign` signs the manifest text with the sender's key; `hasher` hashes the entries. */
export async function encodePackage(contents: PackageContents, sign: (text: string) => Promise<string>, hasher: Hasher): Promise<Uint8Array> {
  const files: ZipEntry[] = [];
  for (const template of [...contents.templates].sort((a, b) => (a.id === b.id ? a.version - b.version : a.id < b.id ? -1 : 1))) {
    files.push({ name: `templates/${template.id}/v${template.version}.json`, data: jsonBytes(template) });
  }
  for (const document of [...contents.documents].sort((a, b) => (a.docId < b.docId ? -1 : 1))) {
    for (const revision of [...document.revisions].sort((a, b) => a.revision - b.revision)) {
      files.push({ name: `revisions/${document.docId}/r${revision.revision}.json`, data: jsonBytes(revision) });
    }
    files.push({ name: `records/${document.docId}.json`, data: jsonBytes(orderRecords(document.records)) });
  }
  const manifest: Manifest = {
    format: exchangeFormat,
    formatVersion: exchangeFormatVersion,
    packageId: contents.packageId,
    kind: contents.kind,
    createdAt: contents.createdAt,
    app: contents.app,
    sender: contents.sender,
    recipients: contents.recipients,
    people: contents.people,
    entries: files.map((file) => ({ path: file.name, size: file.data.length, sha256: hasher.sha256Bytes(file.data) })),
  };
  const manifestText = `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
  const signature = { algorithm: 'ed25519' as const, signer: contents.sender.profileId, signature: await sign(manifestText) };
  return writeZip(
    [
      { name: manifestPath, data: new TextEncoder().encode(manifestText) },
      { name: signaturePath, data: jsonBytes(packageSignatureSchema.parse(signature)) },
      ...files,
    ],
    new Date(contents.createdAt),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.map(String).join('.') || '(根)'} ${first?.message ?? ''}`.trim();
}

function parseJson(name: string, data: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(data));
  } catch {
    throw refuse('entry-not-json', 'exchangePackage.entryNotJson', { name });
  }
}

function checkId(id: string, file: string): void {
  if (!safeIdPattern.test(id)) throw refuse('bad-id', 'exchangePackage.badId', { file, id: id.slice(0, 100) });
}

const recordsSchema = reviewRecordSchema.array().max(100_000);

type Verify = (publicKey: string, text: string, signature: string) => boolean;
type DecodedDocument = { revisions: Map<number, Report>; records: ReviewRecord[] };

function isControlEntry(name: string): boolean {
  return name === manifestPath || name === signaturePath;
}

/** The zip's entries; the zip reader's own refusals become domain errors. */
function readEntries(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZip(bytes);
  } catch (error) {
    // The zip reader's own texts (zip.ts, ZipError) are not in the catalogue yet: zh-CN only.
    if (error instanceof ZipError) throw new DomainError('invalid-input', error.message, { details: { reason: error.problem } });
    throw error;
  }
}

/** The manifest: is this a package at all, and of a version this program reads? */
function readManifest(byName: Map<string, Uint8Array>): { manifest: Manifest; manifestText: string } {
  const manifestBytes = byName.get(manifestPath);
  if (!manifestBytes) throw refuse('no-manifest', 'exchangePackage.noManifest');
  let manifestText: string;
  let raw: unknown;
  try {
    manifestText = utf8.decode(manifestBytes);
    raw = JSON.parse(manifestText);
  } catch {
    throw refuse('manifest-not-json', 'exchangePackage.manifestNotJson');
  }
  const header = (raw ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || header.format !== exchangeFormat) {
    throw refuse('not-exchange', 'exchangePackage.notExchange');
  }
  if (header.formatVersion !== exchangeFormatVersion) {
    const version = typeof header.formatVersion === 'number' ? header.formatVersion : String(header.formatVersion);
    throw refuse(
      'format-version',
      typeof header.formatVersion === 'number' && header.formatVersion > exchangeFormatVersion
        ? 'exchangePackage.formatTooNew'
        : 'exchangePackage.formatUnsupported',
      { version, supported: exchangeFormatVersion },
    );
  }
  const parsedManifest = manifestSchema.safeParse(raw);
  if (!parsedManifest.success) throw refuse('manifest-invalid', 'exchangePackage.manifestInvalid', { details: issueText(parsedManifest.error) });
  return { manifest: parsedManifest.data, manifestText };
}

/** The sender's signature over the manifest: after this, every hash in it is the sender's word. */
function checkManifestSignature(byName: Map<string, Uint8Array>, manifest: Manifest, manifestText: string, verify: Verify): void {
  const signatureBytes = byName.get(signaturePath);
  if (!signatureBytes) throw refuse('no-signature', 'exchangePackage.noSignature');
  let signatureRaw: unknown;
  try {
    signatureRaw = JSON.parse(utf8.decode(signatureBytes));
  } catch {
    signatureRaw = null;
  }
  const signature = packageSignatureSchema.safeParse(signatureRaw);
  if (!signature.success || signature.data.signer !== manifest.sender.profileId) {
    throw refuse('signature-invalid', 'exchangePackage.signatureInvalid');
  }
  if (!verify(manifest.sender.publicKey, manifestText, signature.data.signature)) {
    throw refuse('bad-signature', 'exchangePackage.badSignature', { sender: manifest.sender.name });
  }
}

/** Every entry listed, every listing present, every hash right. */
function checkListing(entries: ZipEntry[], byName: Map<string, Uint8Array>, manifest: Manifest, hasher: Hasher): void {
  const listed = new Map<string, Manifest['entries'][number]>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.path) || isControlEntry(entry.path)) {
      throw refuse('duplicate-listing', 'exchangePackage.duplicateListing', { path: entry.path });
    }
    listed.set(entry.path, entry);
  }
  for (const entry of manifest.entries) {
    if (!byName.has(entry.path)) throw refuse('missing-entry', 'exchangePackage.missingEntry', { path: entry.path });
  }
  for (const entry of entries) {
    if (isControlEntry(entry.name)) continue;
    const listing = listed.get(entry.name);
    if (!listing) throw refuse('unlisted-entry', 'exchangePackage.unlistedEntry', { name: entry.name });
    if (listing.size !== entry.data.length) {
      throw refuse('size-mismatch-listed', 'exchangePackage.sizeMismatch', { name: entry.name, size: entry.data.length, listed: listing.size });
    }
    if (hasher.sha256Bytes(entry.data) !== listing.sha256) {
      throw refuse('hash-mismatch', 'exchangePackage.hashMismatch', { name: entry.name });
    }
  }
}

/** People: one key each; the sender among them. */
function readPeople(manifest: Manifest): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const person of manifest.people) {
    if (people.has(person.profileId)) throw refuse('duplicate-person', 'exchangePackage.duplicatePerson', { name: person.name, profileId: person.profileId });
    people.set(person.profileId, person);
  }
  const senderListed = people.get(manifest.sender.profileId);
  if (!senderListed || senderListed.publicKey !== manifest.sender.publicKey || senderListed.role !== manifest.sender.role) {
    throw refuse('manifest-invalid', 'exchangePackage.senderNotListed');
  }
  return people;
}

function readTemplateEntry(entry: ZipEntry, match: RegExpExecArray): Template {
  checkId(match[1], entry.name);
  const parsed = templateSchema.safeParse(parseJson(entry.name, entry.data));
  if (!parsed.success) throw refuse('entry-invalid', 'exchangePackage.templateInvalid', { name: entry.name, details: issueText(parsed.error) });
  if (parsed.data.id !== match[1] || parsed.data.version !== Number(match[2])) {
    throw refuse('entry-mismatch', 'exchangePackage.templateMismatch', { name: entry.name, templateId: parsed.data.id, version: parsed.data.version });
  }
  return parsed.data;
}

function readRevisionEntry(entry: ZipEntry, match: RegExpExecArray): Report {
  checkId(match[1], entry.name);
  const parsed = reportSchema.safeParse(parseJson(entry.name, entry.data));
  if (!parsed.success) throw refuse('entry-invalid', 'exchangePackage.reportInvalid', { name: entry.name, details: issueText(parsed.error) });
  const report = parsed.data;
  if (report.id !== match[1] || report.revision !== Number(match[2])) {
    throw refuse('entry-mismatch', 'exchangePackage.reportMismatch', { name: entry.name, docId: report.id, revision: report.revision });
  }
  checkId(report.templateId, entry.name);
  checkId(report.authorId, entry.name);
  return report;
}

function readRecordsEntry(entry: ZipEntry, match: RegExpExecArray, seenRecords: Set<string>): ReviewRecord[] {
  checkId(match[1], entry.name);
  const parsed = recordsSchema.safeParse(parseJson(entry.name, entry.data));
  if (!parsed.success) throw refuse('entry-invalid', 'exchangePackage.recordsInvalid', { name: entry.name, details: issueText(parsed.error) });
  for (const record of parsed.data) {
    checkId(record.id, entry.name);
    checkId(record.authorId, entry.name);
    if ('commentId' in record.body) checkId(record.body.commentId, entry.name);
    if (record.docId !== match[1]) throw refuse('entry-mismatch', 'exchangePackage.recordElsewhere', { name: entry.name, id: record.id, docId: record.docId });
    if (seenRecords.has(record.id)) throw refuse('duplicate-id', 'exchangePackage.duplicateRecord', { id: record.id });
    seenRecords.add(record.id);
  }
  return parsed.data;
}

/** Entries: known kinds only, each valid and named after what it holds; documents whole, one author each. */
function readContents(entries: ZipEntry[]): { templates: Template[]; documents: Map<string, DecodedDocument> } {
  const templates: Template[] = [];
  const documents = new Map<string, DecodedDocument>();
  const documentFor = (docId: string) => {
    let document = documents.get(docId);
    if (!document) {
      document = { revisions: new Map(), records: [] };
      documents.set(docId, document);
    }
    return document;
  };
  const seenRecords = new Set<string>();
  const recordsFiles = new Set<string>();
  for (const entry of entries) {
    if (isControlEntry(entry.name)) continue;
    const template = /^templates\/([^/]+)\/v(\d{1,6})\.json$/.exec(entry.name);
    const revision = /^revisions\/([^/]+)\/r(\d{1,6})\.json$/.exec(entry.name);
    const records = /^records\/([^/]+)\.json$/.exec(entry.name);
    if (template) {
      templates.push(readTemplateEntry(entry, template));
    } else if (revision) {
      const report = readRevisionEntry(entry, revision);
      documentFor(report.id).revisions.set(report.revision, report);
    } else if (records) {
      const list = readRecordsEntry(entry, records, seenRecords);
      recordsFiles.add(records[1]);
      documentFor(records[1]).records.push(...list);
    } else {
      throw refuse('unknown-entry', 'exchangePackage.unknownEntry', { name: entry.name });
    }
  }

  // Documents: whole (revisions and records), one author each.
  for (const [docId, document] of documents) {
    if (!recordsFiles.has(docId)) throw refuse('incomplete-document', 'exchangePackage.noRecordsFile', { docId });
    if (!document.revisions.size) throw refuse('incomplete-document', 'exchangePackage.noRevisions', { docId });
    const authors = new Set([...document.revisions.values()].map((report) => report.authorId));
    if (authors.size !== 1) throw refuse('entry-mismatch', 'exchangePackage.authorsDiffer', { docId });
  }
  return { templates, documents };
}

/** Records: each signed by its author's key, and of a kind its author may write. */
function checkRecords(documents: Map<string, DecodedDocument>, people: Map<string, Person>, verify: Verify): void {
  for (const document of documents.values()) {
    const docAuthor = [...document.revisions.values()][0].authorId;
    const commentAuthors = new Map(document.records.filter((record) => record.body.type === 'comment').map((record) => [record.id, record.authorId]));
    for (const record of document.records) {
      const author = people.get(record.authorId);
      if (!author) throw refuse('unknown-author', 'exchangePackage.unknownAuthor', { id: record.id, name: record.authorName, profileId: record.authorId });
      if (author.role !== record.role) {
        throw refuse('role-mismatch', 'exchangePackage.roleMismatch', { id: record.id, name: record.authorName, role: record.role });
      }
      if (!record.signature) throw refuse('unsigned-record', 'exchangePackage.unsignedRecord', { id: record.id, name: record.authorName, type: record.body.type });
      if (!verify(author.publicKey, recordSigningText(record), record.signature)) {
        throw refuse('bad-record-signature', 'exchangePackage.badRecordSignature', { id: record.id, name: record.authorName });
      }
      const type = record.body.type;
      const commentAuthor = 'commentId' in record.body ? commentAuthors.get(record.body.commentId) : null;
      const broken = brokenRecordRule(record, { authorId: record.authorId, role: author.role }, docAuthor, commentAuthor);
      if (broken) {
        throw refuse(
          'forbidden-record',
          'exchangePackage.forbiddenRecord',
          { id: record.id, name: record.authorName, type, rule: broken },
        );
      }
    }
  }
}

/** What the sender may send, to whom. */
function checkSenderScope(manifest: Manifest, documents: Map<string, DecodedDocument>): void {
  if (manifest.kind === 'submissions') {
    if (manifest.sender.role !== 'manager') throw refuse('sender-role', 'exchangePackage.submissionsSender', { sender: manifest.sender.name });
    for (const [docId, document] of documents) {
      const report = [...document.revisions.values()][0];
      if (report.authorId !== manifest.sender.profileId) {
        throw refuse('foreign-document', 'exchangePackage.submissionsForeign', { title: report.title || docId, sender: manifest.sender.name });
      }
    }
  } else {
    if (manifest.sender.role !== 'supervisor') throw refuse('sender-role', 'exchangePackage.reviewsSender', { sender: manifest.sender.name });
    // No recipients: a package of the office's templates only, for every manager.
    if ((!manifest.recipients.length && documents.size) || manifest.recipients.some((recipient) => recipient.role !== 'manager')) {
      throw refuse('manifest-invalid', 'exchangePackage.reviewsRecipients');
    }
    const recipients = new Set(manifest.recipients.map((recipient) => recipient.profileId));
    for (const [docId, document] of documents) {
      const report = [...document.revisions.values()][0];
      if (!recipients.has(report.authorId)) {
        throw refuse('foreign-document', 'exchangePackage.reviewsForeign', { title: report.title || docId });
      }
    }
  }
}

/**
 * Read and check a package file: zip structure and limits, manifest, the sender's signature, the sha256 of
 * every entry, the schema of every entry, ids, record signatures and who may write which record.
 * `verify` checks an Ed25519 signature; `hasher` gives the sha256 of the file and its entries. Throws a refusal (DomainError with `details.reason`).
 */
export function decodePackage(bytes: Uint8Array, verify: Verify, hasher: Hasher): DecodedPackage {
  const entries = readEntries(bytes);
  const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
  const { manifest, manifestText } = readManifest(byName);
  checkManifestSignature(byName, manifest, manifestText, verify);
  checkListing(entries, byName, manifest, hasher);
  const people = readPeople(manifest);
  const { templates, documents } = readContents(entries);
  checkRecords(documents, people, verify);
  checkSenderScope(manifest, documents);
  return { manifest, sha256: hasher.sha256Bytes(bytes), documents, templates, people };
}
