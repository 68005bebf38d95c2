/**
 * Exchange without a server: managers send their submitted revisions to a supervisor as a signed package
 * file, supervisors send their reviews back the same way, and each side merges what it lacks. See
 * docs/exchange.md for the format, the checks and the merge rules.
 */
import { checkSubmissionSafely } from '../insight/copy-check';
import { rosterManagers } from '../calendar/roster';
import { requireSigningKey } from '../profiles/keys';
import { fileNameFromParts } from '../reports/file-names';
import type { Profile } from '../common/schemas/profile';
import type { Report } from '../common/schemas/report';
import { foldReview } from '../common/review-fold';
import type { ReviewRecord } from '../common/schemas/review';
import { signRecord } from '../review/signature';
import { reviewCache } from '../review/use-cases';
import { canonicalJson } from '../common/canonical';
import { requireProfile, requireRole } from '../common/permissions';
import type { Locks } from '../common/ports';
import type { CallContext, ExchangeServices } from './ports';
import type { Template } from '../common/schemas/template';
import { refuse } from './errors';
import { decodePackage, encodePackage, type DecodedPackage, type PackageDocument } from './package';
import { planImport, type DocumentEffect, type ImportPlan, type KeyStatus, type PersonView } from './plan';
import { packageExtension, type ExchangeConflict, type ImportLogEntry, type PackageKind, type PendingImport, type Person, type Recipient, type TrustEntry } from './schema';
import { coded, formatMessage } from '../common/messages';

export const appName = 'ReportDesk 报告台';

export interface IdentityView {
  profileId: string;
  name: string;
  role: Profile['role'];
  unit: string;
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

/** The caller's key pair (made on first use): public key and fingerprint, to read out to the other side. */
export async function myIdentity(ctx: CallContext): Promise<IdentityView> {
  const profile = requireProfile(ctx);
  const key = await ctx.services.signer.identity(profile.id);
  return { profileId: profile.id, name: profile.name, role: profile.role, unit: profile.unit, ...key };
}

/** Everyone whose key this machine has met, oldest first. */
export async function trustedPeople(ctx: CallContext): Promise<TrustEntry[]> {
  requireProfile(ctx);
  return ctx.services.exchange.trusted();
}

export interface ExportSummary {
  kind: PackageKind;
  packageId: string;
  recipients: string[];
  documents: { id: string; title: string; revisions: number[]; records: number }[];
  templates: number;
  records: number;
}

export interface ExportedPackage {
  fileName: string;
  dataBase64: string;
  summary: ExportSummary;
}

/** Beijing time as 20261105-103000, for file names (two exports in one minute get different names). */
function stamp(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 19).replace(/:/g, '')}`;
}

/** Someone's public identity for a package: a local profile's own key, or a key met before. */
async function personFor(ctx: CallContext, profileId: string, trusted: Map<string, TrustEntry>): Promise<Person> {
  const local = await ctx.services.profiles.get(profileId);
  if (local) {
    const key = await ctx.services.signer.identity(profileId);
    return { profileId, name: local.name, role: local.role, unit: local.unit, publicKey: key.publicKey };
  }
  const entry = trusted.get(profileId);
  if (!entry) throw coded('internal', 'exchange.noPublicKey', { profileId });
  return { profileId, name: entry.name, role: entry.role, unit: entry.unit, publicKey: entry.publicKey };
}

/** Documents with every frozen revision, every review record, the templates they use and the people who wrote. */
async function collect(ctx: CallContext, docIds: string[]): Promise<{ documents: PackageDocument[]; templates: Template[]; people: Map<string, Person> }> {
  const trusted = new Map((await ctx.services.exchange.trusted()).map((entry) => [entry.profileId, entry]));
  const documents: PackageDocument[] = [];
  const templates = new Map<string, Template>();
  const people = new Map<string, Person>();
  for (const docId of docIds) {
    const revisions: Report[] = [];
    for (const number of await ctx.services.reviews.revisions(docId)) {
      const snapshot = await ctx.services.reviews.getRevision(docId, number);
      if (!snapshot) continue;
      revisions.push(snapshot);
      const key = `${snapshot.templateId}@${snapshot.templateVersion}`;
      if (!templates.has(key)) {
        const template = await ctx.services.templates.get(snapshot.templateId, snapshot.templateVersion);
        if (!template) throw coded('not-found', 'report.templateVersionMissing', { templateId: snapshot.templateId, version: snapshot.templateVersion });
        templates.set(key, template);
      }
    }
    const records: ReviewRecord[] = [];
    for (const record of await ctx.services.reviews.records(docId)) {
      if (!people.has(record.authorId)) people.set(record.authorId, await personFor(ctx, record.authorId, trusted));
      // Records made before signing existed were written on this machine by a local profile: its key signs them now.
      if (!record.signature) {
        if (!(await ctx.services.profiles.get(record.authorId))) throw coded('internal', 'exchange.unsignedRecord', { id: record.id });
        records.push(await signRecord(ctx.services.signer, record));
      } else {
        records.push(record);
      }
    }
    documents.push({ docId, revisions, records });
  }
  return { documents, templates: [...templates.values()], people };
}

async function buildPackage(
  ctx: CallContext,
  profile: Profile,
  kind: PackageKind,
  docIds: string[],
  recipients: Recipient[],
  officeTemplates: Template[] = [],
): Promise<{ bytes: Uint8Array; packageId: string; summary: ExportSummary; documents: PackageDocument[] }> {
  const collected = await collect(ctx, docIds);
  const { documents, people } = collected;
  const templates = [...collected.templates];
  for (const template of officeTemplates) {
    if (!templates.some((item) => item.id === template.id && item.version === template.version)) templates.push(template);
  }
  const sender = await personFor(ctx, profile.id, new Map());
  people.set(sender.profileId, sender);
  const packageId = ctx.services.ids.newId();
  const bytes = await encodePackage(
    {
      packageId,
      kind,
      createdAt: ctx.services.clock.now().toISOString(),
      app: appName,
      sender,
      recipients,
      people: [...people.values()],
      documents,
      templates,
    },
    (text) => ctx.services.signer.sign(profile.id, text),
  );
  const titles = new Map<string, string>();
  for (const document of documents) {
    const latest = document.revisions[document.revisions.length - 1];
    titles.set(document.docId, latest?.title || document.docId);
  }
  return {
    bytes,
    packageId,
    documents,
    summary: {
      kind,
      packageId,
      recipients: recipients.map((recipient) => recipient.name),
      documents: documents.map((document) => ({
        id: document.docId,
        title: titles.get(document.docId)!,
        revisions: document.revisions.map((revision) => revision.revision),
        records: document.records.length,
      })),
      templates: templates.length,
      records: documents.reduce((sum, document) => sum + document.records.length, 0),
    },
  };
}

/** A supervisor the manager can address a package to: met in an earlier review package, or a local profile. */
async function supervisorById(ctx: CallContext, id: string): Promise<Recipient> {
  const local = await ctx.services.profiles.get(id);
  if (local?.role === 'supervisor') return { profileId: local.id, name: local.name, role: 'supervisor' };
  const entry = (await ctx.services.exchange.trusted()).find((item) => item.profileId === id && item.role === 'supervisor');
  if (!entry) throw coded('not-found', 'exchange.unknownSupervisor');
  return { profileId: entry.profileId, name: entry.name, role: 'supervisor' };
}

function markerKey(senderId: string, recipientId: string | undefined): string {
  return `${senderId}>${recipientId ?? '*'}`;
}

/**
 * A manager's submission package: the chosen documents (every submitted revision, its template version and every
 * review record), or everything new since the last export to this supervisor — new revisions, and the manager's
 * own new records (replies, 已整改).
 */
export async function exportSubmissions(
  ctx: CallContext,
  input: { ids?: string[]; sinceLast?: boolean; toSupervisor?: string },
): Promise<ExportedPackage> {
  const profile = requireRole(ctx, 'manager');
  if (!!input.ids?.length === !!input.sinceLast) {
    throw coded('invalid-input', 'exchange.chooseDocuments', undefined, { issues: [{ path: 'ids', message: formatMessage('exchange.chooseDocumentsShort') }] });
  }
  const recipient = input.toSupervisor ? await supervisorById(ctx, input.toSupervisor) : null;
  const key = markerKey(profile.id, recipient?.profileId);
  const marker = await ctx.services.exchange.exportMarker(key);
  const docIds: string[] = [];
  if (input.ids?.length) {
    for (const id of [...new Set(input.ids)]) {
      const report = await ctx.services.reports.get(id);
      if (!report || report.authorId !== profile.id) throw coded('not-found', 'exchange.notYourDocument', { id });
      if (!(await ctx.services.reviews.revisions(id)).length) {
        throw coded('invalid-input', 'exchange.neverSubmitted', { title: report.title }, { issues: [{ path: 'ids', message: formatMessage('exchange.neverSubmittedShort') }] });
      }
      docIds.push(id);
    }
  } else {
    const mine = (await ctx.services.reports.list()).filter((summary) => summary.authorId === profile.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const summary of mine) {
      const revisions = await ctx.services.reviews.revisions(summary.id);
      if (!revisions.length) continue;
      const sent = marker?.documents[summary.id];
      const own = (await ctx.services.reviews.records(summary.id)).filter((record) => record.authorId === profile.id).map((record) => record.id);
      const isNew = !sent || revisions.some((number) => !sent.revisions.includes(number)) || own.some((id) => !sent.ownRecords.includes(id));
      if (isNew) docIds.push(summary.id);
    }
    if (!docIds.length) throw recipient ? coded('not-found', 'exchange.nothingNewFor', { name: recipient.name }) : coded('not-found', 'exchange.nothingNew');
  }
  const built = await buildPackage(ctx, profile, 'submissions', docIds, recipient ? [recipient] : []);
  const documents = { ...(marker?.documents ?? {}) };
  for (const document of built.documents) {
    documents[document.docId] = {
      ownRecords: document.records.filter((record) => record.authorId === profile.id).map((record) => record.id),
      revisions: document.revisions.map((revision) => revision.revision),
    };
  }
  await ctx.services.exchange.saveExportMarker(key, { at: ctx.services.clock.now().toISOString(), packageId: built.packageId, documents });
  return {
    fileName: fileNameFromParts(['提交包', profile.name, recipient ? `致${recipient.name}` : '', stamp(ctx.services.clock.now())], packageExtension),
    dataBase64: Buffer.from(built.bytes).toString('base64'),
    summary: built.summary,
  };
}

/**
 * A supervisor's review package for one manager, or for every manager whose documents they have: each
 * document's revisions and every review record (comments, replies, grades, status changes).
 */
export async function exportReviews(ctx: CallContext, input: { managerId?: string; ids?: string[] }): Promise<ExportedPackage> {
  const profile = requireRole(ctx, 'supervisor');
  // `ids` (office sync): only these documents — the ones the manager lacks something of.
  const only = input.ids ? new Set(input.ids) : null;
  // With `ids`, a withdrawn document (a draft again) still goes: a comment made before the withdraw arrived must reach its author.
  const summaries = (await ctx.services.reports.list())
    .filter((summary) => (only ? only.has(summary.id) : summary.status !== 'draft' && summary.reviewCount > 0))
    .filter((summary) => !input.managerId || summary.authorId === input.managerId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const docIds: string[] = [];
  const recipients = new Map<string, Recipient>();
  for (const summary of summaries) {
    if (!(await ctx.services.reviews.revisions(summary.id)).length) continue;
    docIds.push(summary.id);
    recipients.set(summary.authorId, { profileId: summary.authorId, name: summary.authorName, role: 'manager' });
  }
  const published = await officeTemplates(ctx);
  if (!docIds.length) {
    if (input.managerId && !(await managerKnown(ctx, input.managerId))) throw coded('not-found', 'exchange.managerNotFound');
    if (!published.length) {
      throw coded('not-found', input.managerId ? 'exchange.noReviewsForManager' : 'exchange.noReviews');
    }
    // Only the office's templates: for the manager chosen, or for every manager of the office (no recipients).
    const manager = input.managerId ? (await rosterManagers(ctx)).find((item) => item.id === input.managerId) : undefined;
    if (manager) recipients.set(manager.id, { profileId: manager.id, name: manager.name, role: 'manager' });
  }
  // The package is signed as the supervisor: their key must be unlocked.
  await requireSigningKey(ctx, profile);
  const built = await buildPackage(ctx, profile, 'reviews', docIds, [...recipients.values()], published);
  const names = [...recipients.values()].map((recipient) => recipient.name);
  return {
    fileName: fileNameFromParts(
      ['审阅包', profile.name, names.length === 1 ? `致${names[0]}` : names.length ? `致${names.length}位客户经理` : '致全体客户经理', stamp(ctx.services.clock.now())],
      packageExtension,
    ),
    dataBase64: Buffer.from(built.bytes).toString('base64'),
    summary: built.summary,
  };
}

/**
 * The office templates a supervisor's package hands to managers: the latest version of every custom template
 * (a retired one too, so managers stop using it). Managers receive them; they cannot change them.
 */
async function officeTemplates(ctx: CallContext): Promise<Template[]> {
  const templates: Template[] = [];
  for (const summary of await ctx.services.templates.listLatest()) {
    if (summary.builtIn) continue;
    const template = await ctx.services.templates.get(summary.id);
    if (template) templates.push(template);
  }
  return templates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function managerKnown(ctx: CallContext, id: string): Promise<boolean> {
  const local = await ctx.services.profiles.get(id);
  if (local) return local.role === 'manager';
  return (await ctx.services.exchange.trusted()).some((entry) => entry.profileId === id && entry.role === 'manager');
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(ctx: CallContext, dataBase64: string): DecodedPackage {
  if (dataBase64.length % 4 !== 0 || !base64Pattern.test(dataBase64)) {
    throw refuse('bad-base64', 'exchangePackage.badBase64');
  }
  return decodePackage(new Uint8Array(Buffer.from(dataBase64, 'base64')), (key, text, signature) => ctx.services.signer.verify(key, text, signature));
}

export interface DocumentPreview {
  id: string;
  title: string;
  authorName: string;
  period: string;
  revisions: { revision: number; isNew: boolean }[];
  newRecords: number;
  duplicateRecords: number;
  newRecordTypes: Record<string, number>;
  effect: DocumentEffect;
  statusBefore: Report['status'] | null;
  statusAfter: Report['status'];
  revisionAfter: number;
}

export interface PackagePreview {
  fileName: string;
  packageId: string;
  kind: PackageKind;
  createdAt: string;
  sha256: string;
  sender: PersonView;
  recipients: { profileId: string; name: string }[];
  people: PersonView[];
  /** Keys met for the first time: the import needs `trustSender` (after comparing fingerprints). */
  needsTrust: boolean;
  documents: DocumentPreview[];
  ignoredDocuments: number;
  templates: { id: string; version: number; name: string; status: 'new' | 'known' | 'builtin-differs' }[];
  conflicts: ExchangeConflict[];
  totals: {
    documents: number;
    newDocuments: number;
    newRevisions: number;
    duplicateRevisions: number;
    newRecords: number;
    duplicateRecords: number;
    newTemplates: number;
  };
  /** Everything in the package is here already: importing it changes nothing. */
  nothingNew: boolean;
}

function previewOf(fileName: string, plan: ImportPlan): PackagePreview {
  const { manifest } = plan.decoded;
  const documents = plan.documents.map((document) => ({
    id: document.docId,
    title: document.title,
    authorName: document.authorName,
    period: document.period,
    revisions: document.revisions,
    newRecords: document.newRecords.length,
    duplicateRecords: document.duplicateRecords,
    newRecordTypes: document.newRecordTypes as Record<string, number>,
    effect: document.effect,
    statusBefore: document.statusBefore,
    statusAfter: document.statusAfter,
    revisionAfter: document.revisionAfter,
  }));
  const totals = {
    documents: documents.length,
    newDocuments: documents.filter((document) => document.effect === 'create').length,
    newRevisions: documents.reduce((sum, document) => sum + document.revisions.filter((revision) => revision.isNew).length, 0),
    duplicateRevisions: documents.reduce((sum, document) => sum + document.revisions.filter((revision) => !revision.isNew).length, 0),
    newRecords: documents.reduce((sum, document) => sum + document.newRecords, 0),
    duplicateRecords: documents.reduce((sum, document) => sum + document.duplicateRecords, 0),
    newTemplates: plan.templates.filter((template) => template.status === 'new').length,
  };
  return {
    fileName,
    packageId: manifest.packageId,
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    sha256: plan.decoded.sha256,
    sender: plan.sender,
    recipients: manifest.recipients.map((recipient) => ({ profileId: recipient.profileId, name: recipient.name })),
    people: plan.people,
    needsTrust: plan.newPeople.length > 0,
    documents,
    ignoredDocuments: plan.ignoredDocuments,
    templates: plan.templates.map(({ template, status }) => ({ id: template.id, version: template.version, name: template.name, status })),
    conflicts: plan.conflicts,
    totals,
    nothingNew:
      totals.newRecords === 0 &&
      totals.newRevisions === 0 &&
      totals.newTemplates === 0 &&
      plan.newPeople.length === 0 &&
      documents.every((document) => document.effect === 'none' || document.effect === 'conflict'),
  };
}

/** What a package holds and what importing it would change here. Checks everything; writes nothing. */
export async function previewPackage(ctx: CallContext, input: { fileName: string; dataBase64: string; confirmSupervisors?: string[] }): Promise<PackagePreview> {
  const profile = requireProfile(ctx);
  const decoded = decode(ctx, input.dataBase64);
  return previewOf(input.fileName, await planImport(ctx, profile, decoded, { confirmSupervisors: input.confirmSupervisors }));
}

/** Run `work` holding every key's lock (taken in sorted order, so two imports never deadlock). */
function withLocks<T>(locks: Locks, keys: string[], work: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort();
  const run = sorted.reduceRight<() => Promise<T>>((inner, key) => () => locks.run(key, inner), work);
  return run();
}

export interface ApplyResult {
  importId: string;
  preview: PackagePreview;
  applied: { newDocuments: number; updatedDocuments: number; newRevisions: number; newRecords: number; newTemplates: number; trusted: string[] };
  conflicts: ExchangeConflict[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Import a package: everything is checked (as in preview) before anything is written; then immutable files
 * first (template versions, frozen revisions), the keys met, the review-log appends, and last the document
 * files (each write atomic). Importing the same package again changes nothing but the import log.
 */
export async function applyPackage(
  ctx: CallContext,
  input: { fileName: string; dataBase64: string; trustSender: boolean; confirmSupervisors?: string[] },
): Promise<ApplyResult> {
  const profile = requireProfile(ctx);
  const decoded = decode(ctx, input.dataBase64);
  const services = ctx.services;
  return withLocks(services.locks, ['exchange:import', ...decoded.documents.keys()], async () => {
    const plan = await planImport(ctx, profile, decoded, { confirmSupervisors: input.confirmSupervisors });
    const preview = previewOf(input.fileName, plan);
    if (plan.newPeople.length && !input.trustSender) {
      const sender = plan.sender;
      throw refuse(
        'untrusted-sender',
        sender.known === 'new' ? 'exchangeImport.untrustedSender' : 'exchangeImport.newPeople',
        sender.known === 'new'
          ? { name: sender.name, fingerprint: sender.fingerprint }
          : { names: plan.newPeople.map((person) => person.name).join('、') },
        'forbidden',
      );
    }
    const now = services.clock.now().toISOString();
    const writes = !preview.nothingNew || plan.documents.some((document) => document.effect !== 'none' && document.effect !== 'conflict');
    const pending: PendingImport = { packageId: decoded.manifest.packageId, fileName: input.fileName, at: now, by: profile.id };
    if (writes) await services.exchange.beginImport(pending, input.dataBase64);

    // 1. Immutable files nobody sees until something refers to them.
    let newTemplates = 0;
    for (const { template, status } of plan.templates) {
      if (status !== 'new') continue;
      await services.templates.saveVersion({ ...template, builtIn: false });
      newTemplates++;
    }
    let newRevisions = 0;
    for (const document of plan.documents) {
      for (const snapshot of document.newRevisions) {
        await services.reviews.saveRevision(snapshot);
        newRevisions++;
      }
    }
    // 2. The keys met (confirmed by the person importing).
    const trusted: TrustEntry[] = plan.newPeople.map((person) => ({
      ...person,
      fingerprint: services.signer.fingerprint(person.publicKey),
      firstSeen: now,
      introducedBy: { packageId: decoded.manifest.packageId, senderId: decoded.manifest.sender.profileId, senderName: decoded.manifest.sender.name },
      source:
        person.profileId === decoded.manifest.sender.profileId
          ? ('package' as const)
          : person.role === 'supervisor' && input.confirmSupervisors?.includes(services.signer.fingerprint(person.publicKey))
            ? ('fingerprint' as const)
            : ('vouched' as const),
    }));
    await services.exchange.addTrusted(trusted);

    // 3. Per document: the records this machine lacks, then the document file (status and review summary).
    let newRecords = 0;
    let newDocuments = 0;
    let updatedDocuments = 0;
    for (const document of plan.documents) {
      const appended = document.newRecords.length
        ? await services.reviews.append(document.docId, document.newRecords)
        : await services.reviews.head(document.docId);
      newRecords += document.newRecords.length;
      const state = foldReview(await services.reviews.records(document.docId));
      const review = reviewCache(state, appended);
      const local = await services.reports.get(document.docId);
      const snapshot = document.latest;
      if (!local) {
        await services.reports.create({ ...snapshot, status: document.statusAfter, revision: document.revisionAfter, rev: 1, review });
        newDocuments++;
        continue;
      }
      if (document.effect === 'conflict') {
        // The local document stays as it is; only its summary of the (merged) log is brought up to date.
        if (!sameJson(local.review, review)) await services.reports.saveReview(local.id, review);
        continue;
      }
      const next: Report = document.own
        ? { ...local, status: document.statusAfter, revision: document.revisionAfter, review }
        : {
            ...snapshot,
            status: document.statusAfter,
            revision: document.revisionAfter,
            review,
            rev: local.rev,
            createdAt: local.createdAt,
          };
      const { review: _nextReview, ...nextBody } = next;
      const { review: _localReview, ...localBody } = local;
      if (!sameJson(nextBody, localBody)) {
        await services.reports.save(next, local.rev);
        updatedDocuments++;
      } else if (!sameJson(local.review, review)) {
        await services.reports.saveReview(local.id, review);
      }
    }

    // 3b. 雷同检测 of each submission the package brought, as the submission was checked on its author's machine:
    // against this machine's pools (the whole office, on a supervisor's), stored, so the inbox shows 疑似雷同. It
    // informs the review only; it never fails the import.
    for (const document of plan.documents) {
      if (document.effect === 'conflict') continue;
      for (const snapshot of document.newRevisions) {
        const submit = document.newRecords.find((record) => record.body.type === 'submit' && record.revision === snapshot.revision);
        if (!submit) continue;
        const template = await services.templates.get(snapshot.templateId, snapshot.templateVersion);
        if (template) await checkSubmissionSafely(ctx, snapshot, template, submit.at);
      }
    }

    // 4. The import log.
    const entry: ImportLogEntry = {
      id: services.ids.newId(),
      at: now,
      by: { profileId: profile.id, name: profile.name },
      fileName: input.fileName,
      packageId: decoded.manifest.packageId,
      kind: decoded.manifest.kind,
      sender: { profileId: plan.sender.profileId, name: plan.sender.name, fingerprint: plan.sender.fingerprint },
      sha256: decoded.sha256,
      newDocuments,
      updatedDocuments,
      newRevisions,
      newRecords,
      duplicateRecords: preview.totals.duplicateRecords,
      newTemplates,
      trusted: trusted.map((person) => person.name),
      documents: plan.documents.map((document) => ({ id: document.docId, title: document.title, newRecords: document.newRecords.length, effect: document.effect })),
      conflicts: plan.conflicts,
    };
    await services.exchange.logImport(entry);
    // Also clears what an interrupted earlier import of this package left (this one completed it).
    await services.exchange.endImport();
    return {
      importId: entry.id,
      preview,
      applied: { newDocuments, updatedDocuments, newRevisions, newRecords, newTemplates, trusted: entry.trusted },
      conflicts: plan.conflicts,
    };
  });
}

/**
 * Finish an import a crash interrupted (at open): the package kept with the pending mark is applied again as the
 * person who started it, who had already confirmed the sender. What was written before the crash is found
 * in place (frozen revisions, keys, records are matched by content), so the import ends exactly as if it had
 * not been interrupted. Returns false when there is nothing to finish or it cannot be finished here (the mark
 * stays, and the import log shows it).
 */
export async function resumePendingImport(services: ExchangeServices): Promise<boolean> {
  const pending = await services.exchange.pendingImport();
  const data = pending ? await services.exchange.pendingPackage?.() : null;
  if (!pending || !data) return false;
  const profile = await services.profiles.get(pending.by);
  if (!profile) return false;
  await applyPackage({ profile, services }, { fileName: pending.fileName, dataBase64: data, trustSender: true });
  return true;
}

/** The caller's imports, newest first, and an import that did not finish (if any). */
export async function importLog(ctx: CallContext): Promise<{ entries: ImportLogEntry[]; pending: PendingImport | null }> {
  const profile = requireProfile(ctx);
  const entries = (await ctx.services.exchange.imports()).filter((entry) => entry.by.profileId === profile.id).reverse();
  const pending = await ctx.services.exchange.pendingImport();
  return { entries, pending: pending && pending.by === profile.id ? pending : null };
}

/** For the CLI and the UI: a key's status in words. */
export const keyStatusNames: Record<KeyStatus, string> = { local: '本机身份', trusted: '已信任', new: '首次收到' };
