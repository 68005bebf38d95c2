/**
 * Exchange without a server: managers send their submitted revisions to a supervisor as a signed package
 * file, supervisors send their reviews back the same way, and each side merges what it lacks. See
 * docs/exchange.md for the format, the checks and the merge rules.
 * This file receives (preview, apply, the import log); sending is in outgoing.ts and re-exported here.
 */
import { checkSubmissionSafely } from '../insight/copy-check';
import type { Report } from '../common/schemas/report';
import { foldReview } from '../common/review-fold';
import { reviewCache } from '../review/use-cases';
import { canonicalJson } from '../common/canonical';
import { base64ToBytes } from '../common/base64';
import { requireProfile } from '../common/permissions';
import type { Locks } from '../common/ports';
import type { CallContext, ExchangeServices } from './ports';
import { refuse } from './errors';
import { decodePackage, type DecodedPackage } from './package';
import { planImport, type ImportPlan } from './plan';
import type { ApplyResult, ImportLog, ImportLogEntry, KeyStatus, PackagePreview, PendingImport, TrustEntry } from './schema';

export {
  appName,
  exportReviews,
  exportSubmissions,
  myIdentity,
  trustedPeople,
  type ExportedPackage,
  type ExportSummary,
  type IdentityView,
} from './outgoing';

export type { ApplyResult, DocumentPreview, ImportLog, PackagePreview } from './schema';

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(ctx: CallContext, dataBase64: string): DecodedPackage {
  if (dataBase64.length % 4 !== 0 || !base64Pattern.test(dataBase64)) {
    throw refuse('bad-base64', 'exchangePackage.badBase64');
  }
  return decodePackage(base64ToBytes(dataBase64), (key, text, signature) => ctx.services.signer.verify(key, text, signature), ctx.services.hash);
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
export async function importLog(ctx: CallContext): Promise<ImportLog> {
  const profile = requireProfile(ctx);
  const entries = (await ctx.services.exchange.imports()).filter((entry) => entry.by.profileId === profile.id).reverse();
  const pending = await ctx.services.exchange.pendingImport();
  return { entries, pending: pending && pending.by === profile.id ? pending : null };
}

/** For the CLI and the UI: a key's status in words. */
export const keyStatusNames: Record<KeyStatus, string> = { local: '本机身份', trusted: '已信任', new: '首次收到' };
