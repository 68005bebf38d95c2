/**
 * One document of an exchange package checked against its local copy: records and revisions against their local
 * copies (same id, same content), references (comments, revisions, templates) against the merged whole, supervisors'
 * records against pinned keys, and the document's new state and effect. Pure reading, part of planImport.
 */
import type { Profile } from '../common/schemas/profile';
import type { Report, ReportStatus } from '../common/schemas/report';
import { foldReview, orderRecords, type ReviewState } from '../common/review-fold';
import { supervisorRecordTypes } from '../review/record-rules';
import type { RecordType, ReviewRecord } from '../common/schemas/review';
import { sameRecordContent } from '../review/signature';
import { snapshotHash } from '../review/snapshot';
import { canonicalJson } from '../common/canonical';
import type { CallContext } from './ports';
import { refuse } from './errors';
import type { DecodedPackage } from './package';
import type { DocumentEffect, ExchangeConflict, Person } from './schema';

export type { DocumentEffect } from './schema';

export interface DocumentPlan {
  docId: string;
  title: string;
  authorId: string;
  authorName: string;
  period: string;
  /** The document's author is a profile of this machine (the manager's own document). */
  own: boolean;
  revisions: { revision: number; isNew: boolean }[];
  newRevisions: Report[];
  newRecords: ReviewRecord[];
  duplicateRecords: number;
  newRecordTypes: Partial<Record<RecordType, number>>;
  merged: ReviewRecord[];
  state: ReviewState;
  local: Report | null;
  /** The latest submitted revision (the content a supervisor's read-only copy shows). */
  latest: Report;
  effect: DocumentEffect;
  statusBefore: ReportStatus | null;
  statusAfter: ReportStatus;
  revisionAfter: number;
  conflicts: ExchangeConflict[];
}

const statusNames: Record<ReportStatus, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已通过' };

/** Two decisions on one revision with no reopen between them: kept side by side, shown as a conflict. */
function decisionConflicts(title: string, docId: string, merged: ReviewRecord[], newIds: Set<string>): ExchangeConflict[] {
  const conflicts: ExchangeConflict[] = [];
  const byRevision = new Map<number, ReviewRecord[]>();
  for (const record of orderRecords(merged)) {
    if (record.body.type !== 'decision' && record.body.type !== 'reopen') continue;
    const list = byRevision.get(record.revision) ?? [];
    list.push(record);
    byRevision.set(record.revision, list);
  }
  for (const [revision, events] of byRevision) {
    let open: ReviewRecord | null = null;
    for (const event of events) {
      if (event.body.type === 'reopen') {
        open = null;
        continue;
      }
      if (open && (newIds.has(open.id) || newIds.has(event.id))) {
        const describe = (record: ReviewRecord) =>
          record.body.type === 'decision' ? `${record.authorName}于${record.at.slice(0, 16).replace('T', ' ')}${record.body.decision === 'return' ? '退回' : '通过'}（${record.body.grade}）` : '';
        conflicts.push({
          docId,
          title,
          kind: 'decisions',
          message: `“${title}”第 ${revision} 版有两个审阅决定：${describe(open)}；${describe(event)}。两条记录都已保留，以较晚的为准`,
        });
      }
      open = event;
    }
  }
  return conflicts;
}

/** The status and revision number a document has when its records are `state`. */
export function derivedStatus(state: ReviewState): { status: ReportStatus; revision: number } {
  const submitted = state.lastSubmittedRevision;
  // Returned, or withdrawn by its author (a draft again after a submission): the next revision is being written.
  const reopened = state.status === 'returned' || (state.status === 'draft' && submitted > 0);
  return { status: state.status, revision: reopened ? submitted + 1 : Math.max(1, submitted) };
}

export type Services = CallContext['services'];
export type DocumentContent = DecodedPackage['documents'] extends Map<string, infer C> ? C : never;

/** Records: same id, same content; the rest is new. */
function splitRecords(title: string, localRecords: ReviewRecord[], records: ReviewRecord[]): { newRecords: ReviewRecord[]; duplicateRecords: number } {
  const localById = new Map(localRecords.map((record) => [record.id, record]));
  const newRecords: ReviewRecord[] = [];
  let duplicateRecords = 0;
  for (const record of records) {
    const existing = localById.get(record.id);
    if (!existing) {
      newRecords.push(record);
      continue;
    }
    if (!sameRecordContent(existing, record)) {
      throw refuse(
        'tampered-record',
        'exchangeImport.tamperedRecord',
        { title, id: record.id, name: record.authorName, date: record.at.slice(0, 10) },
        'conflict',
      );
    }
    duplicateRecords++;
  }
  return { newRecords, duplicateRecords };
}

/** A supervisor's new record must come from a pinned supervisor key. */
function checkSupervisorRecords(
  services: Services,
  decoded: DecodedPackage,
  title: string,
  newRecords: ReviewRecord[],
  pinnedSupervisor: (person: Person) => boolean,
): void {
  for (const record of newRecords) {
    if (!supervisorRecordTypes.has(record.body.type)) continue;
    const author = decoded.people.get(record.authorId)!;
    if (pinnedSupervisor(author)) continue;
    const fingerprint = services.signer.fingerprint(author.publicKey);
    const unpinned = refuse(
      'unpinned-supervisor',
      'exchangeImport.unpinnedSupervisor',
      { title, name: author.name, fingerprint },
      'forbidden',
    );
    // The person to check, for the UI's fingerprint step (confirmSupervisors).
    (unpinned.details as Record<string, unknown>).person = { profileId: author.profileId, name: author.name, role: author.role, unit: author.unit, fingerprint };
    throw unpinned;
  }
}

interface RevisionsCheck {
  revisions: DocumentPlan['revisions'];
  newRevisions: Report[];
  snapshotAt: (number: number) => Promise<Report | null>;
}

/** Revisions: frozen, so a known one must be identical; each needs its template here or in the package. */
async function checkRevisions(
  services: Services,
  docId: string,
  title: string,
  content: DocumentContent,
  packageTemplates: Set<string>,
): Promise<RevisionsCheck> {
  const localNumbers = new Set(await services.reviews.revisions(docId));
  const revisions: DocumentPlan['revisions'] = [];
  const newRevisions: Report[] = [];
  const snapshots = new Map<number, Report>();
  for (const [number, snapshot] of [...content.revisions].sort(([a], [b]) => a - b)) {
    snapshots.set(number, snapshot);
    if (localNumbers.has(number)) {
      const existing = await services.reviews.getRevision(docId, number);
      if (!existing || canonicalJson(existing) !== canonicalJson(snapshot)) {
        throw refuse('tampered-revision', 'exchangeImport.tamperedRevision', { title, revision: number }, 'conflict');
      }
      revisions.push({ revision: number, isNew: false });
    } else {
      newRevisions.push(snapshot);
      revisions.push({ revision: number, isNew: true });
    }
    const templateKey = `${snapshot.templateId}@${snapshot.templateVersion}`;
    if (!packageTemplates.has(templateKey) && !(await services.templates.get(snapshot.templateId, snapshot.templateVersion))) {
      throw refuse('missing-template', 'exchangeImport.missingTemplate', { title, revision: number, templateId: snapshot.templateId, version: snapshot.templateVersion });
    }
  }
  const snapshotAt = async (number: number) => snapshots.get(number) ?? (localNumbers.has(number) ? await services.reviews.getRevision(docId, number) : null);
  return { revisions, newRevisions, snapshotAt };
}

/** References hold in the merged whole: comments, revisions, and each submission's snapshot hash. */
async function checkReferences(
  services: Services,
  title: string,
  merged: ReviewRecord[],
  newRecords: ReviewRecord[],
  { newRevisions, snapshotAt }: RevisionsCheck,
): Promise<void> {
  const comments = new Set(merged.filter((record) => record.body.type === 'comment').map((record) => record.id));
  const submitted = new Set(merged.filter((record) => record.body.type === 'submit').map((record) => record.revision));
  const newIds = new Set(newRecords.map((record) => record.id));
  for (const record of newRecords) {
    if ('commentId' in record.body && !comments.has(record.body.commentId)) {
      throw refuse('unknown-reference', 'exchangeImport.unknownReference', { title, id: record.id, commentId: record.body.commentId });
    }
    if (!(await snapshotAt(record.revision))) {
      throw refuse('missing-revision', 'exchangeImport.missingRevision', { title, id: record.id, revision: record.revision });
    }
    if (record.body.type === 'submit') {
      const snapshot = (await snapshotAt(record.revision))!;
      if (snapshotHash(snapshot, services.hash.sha256) !== record.body.snapshotHash) {
        throw refuse('snapshot-mismatch', 'exchangeImport.snapshotMismatch', { title, revision: record.revision });
      }
    }
  }
  for (const snapshot of newRevisions) {
    if (!submitted.has(snapshot.revision)) {
      throw refuse('incomplete-document', 'exchangeImport.noSubmitRecord', { title, revision: snapshot.revision });
    }
    const submit = merged.find((record) => record.body.type === 'submit' && record.revision === snapshot.revision)!;
    if (!newIds.has(submit.id) && submit.body.type === 'submit' && snapshotHash(snapshot, services.hash.sha256) !== submit.body.snapshotHash) {
      throw refuse('snapshot-mismatch', 'exchangeImport.snapshotMismatch', { title, revision: snapshot.revision });
    }
  }
}

/** What happens to the document file, given its local copy and the status its merged records give it. */
function documentEffect(
  docId: string,
  title: string,
  local: Report | null,
  own: boolean,
  after: { status: ReportStatus; revision: number; latestNumber: number; hasNewRecords: boolean },
  documentConflicts: ExchangeConflict[],
): DocumentEffect {
  const { status, revision } = after;
  if (!local) return 'create';
  if (local.status === status && local.revision === revision) return after.hasNewRecords ? 'refresh' : 'none';
  // A read-only copy (the supervisor's): it follows the records.
  if (!own) return 'status';
  // The writer's own document, still locked at the revision the decision is about: no draft to lose.
  if ((local.status === 'submitted' || local.status === 'approved') && local.revision === after.latestNumber) return 'status';
  documentConflicts.push({
    docId,
    title,
    kind: 'status',
    message:
      `本机的“${title}”是“${statusNames[local.status]}”（第 ${local.revision} 版），交换包中的审阅结果是“${statusNames[status]}”（第 ${revision} 版）：` +
      '保留本机文稿（未改动正文），两边的审阅记录都已保存',
  });
  return 'conflict';
}

/** One document of the package checked against its local copy, or null when a review package's document is another manager's. */
export async function planDocument(
  services: Services,
  profile: Profile,
  decoded: DecodedPackage,
  docId: string,
  content: DocumentContent,
  packageTemplates: Set<string>,
  pinnedSupervisor: (person: Person) => boolean,
): Promise<DocumentPlan | null> {
  const first = [...content.revisions.values()][0];
  if (decoded.manifest.kind === 'reviews' && first.authorId !== profile.id) return null;
  const local = await services.reports.get(docId);
  const title = local?.title || first.title || docId;
  if (local && local.authorId !== first.authorId) {
    throw refuse('document-owner', 'exchangeImport.documentOwner', { docId, local: local.authorName, author: first.authorName }, 'conflict');
  }
  const own = !!(await services.profiles.get(first.authorId));

  const localRecords = await services.reviews.records(docId);
  const { newRecords, duplicateRecords } = splitRecords(title, localRecords, content.records);
  checkSupervisorRecords(services, decoded, title, newRecords, pinnedSupervisor);
  const revisionsCheck = await checkRevisions(services, docId, title, content, packageTemplates);
  const merged = [...localRecords, ...newRecords];
  await checkReferences(services, title, merged, newRecords, revisionsCheck);

  // The document's new state.
  const state = foldReview(merged);
  const latestNumber = state.lastSubmittedRevision;
  const latest = (await revisionsCheck.snapshotAt(latestNumber)) ?? first;
  const { status, revision } = derivedStatus(state);
  const newIds = new Set(newRecords.map((record) => record.id));
  const documentConflicts = decisionConflicts(title, docId, merged, newIds);
  const effect = documentEffect(docId, title, local, own, { status, revision, latestNumber, hasNewRecords: newRecords.length > 0 }, documentConflicts);
  const counts: Partial<Record<RecordType, number>> = {};
  for (const record of newRecords) counts[record.body.type] = (counts[record.body.type] ?? 0) + 1;
  return {
    docId,
    title,
    authorId: first.authorId,
    authorName: first.authorName,
    period: latest.period,
    own,
    revisions: revisionsCheck.revisions,
    newRevisions: revisionsCheck.newRevisions,
    newRecords: orderRecords(newRecords),
    duplicateRecords,
    newRecordTypes: counts,
    merged,
    state,
    local,
    latest,
    effect,
    statusBefore: local?.status ?? null,
    statusAfter: effect === 'conflict' ? local!.status : status,
    revisionAfter: effect === 'conflict' ? local!.revision : revision,
    conflicts: documentConflicts,
  };
}
