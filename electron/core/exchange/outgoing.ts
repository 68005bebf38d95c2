/**
 * Sending: the packages a manager sends a supervisor (submitted revisions) and a supervisor sends back (reviews,
 * the office's templates), built from every frozen revision, review record and template they need and signed
 * with the sender's key; and the identities the sending screens show (the roster is in core/calendar/roster.ts).
 * Part of the exchange use cases.
 */
import { rosterManagers } from '../calendar/roster';
import { requireSigningKey } from '../profiles/keys';
import { fileNameFromParts } from '../reports/file-names';
import type { Profile } from '../common/schemas/profile';
import type { Report } from '../common/schemas/report';
import type { ReviewRecord } from '../common/schemas/review';
import { signRecord } from '../review/signature';
import { requireProfile, requireRole } from '../common/permissions';
import type { CallContext } from './ports';
import type { Template } from '../common/schemas/template';
import { encodePackage, type PackageDocument } from './package';
import {
  packageExtension,
  type ExportedPackage,
  type ExportSummary,
  type IdentityView,
  type PackageKind,
  type Person,
  type Recipient,
  type TrustEntry,
} from './schema';
import { coded, formatMessage } from '../common/messages';
import { bytesToBase64 } from '../common/base64';

export type { ExportedPackage, ExportSummary, IdentityView } from './schema';

export const appName = 'ReportDesk 报告台';

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
    ctx.services.hash,
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
    dataBase64: bytesToBase64(built.bytes),
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
    dataBase64: bytesToBase64(built.bytes),
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
