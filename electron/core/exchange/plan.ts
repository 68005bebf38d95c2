/**
 * What importing a decoded package would do on this machine, checked against what is here: keys against the
 * trust store and local profiles, records and revisions against their local copies (same id, same content),
 * references (comments, revisions, templates) against the merged whole, and each document's new state.
 * Pure reading: the plan is what preview shows and what apply writes.
 */
import type { Profile } from '../common/schemas/profile';
import type { Report, ReportStatus } from '../common/schemas/report';
import { foldReview, orderRecords, type ReviewState } from '../common/review-fold';
import type { RecordType, ReviewRecord } from '../common/schemas/review';
import { sameRecordContent } from '../review/signature';
import { snapshotHash } from '../review/snapshot';
import { canonicalJson } from '../common/canonical';
import type { CallContext } from './ports';
import { arrivalOf } from '../templates/identity';
import type { Template } from '../common/schemas/template';
import { refuse } from './errors';
import type { DecodedPackage } from './package';
import { trustedAsSupervisor, type ExchangeConflict, type PackageKind, type Person, type TrustEntry } from './schema';
import { supervisorRecordTypes } from '../review/record-rules';

export type KeyStatus = 'local' | 'trusted' | 'new';

export interface PersonView {
  profileId: string;
  name: string;
  role: Person['role'];
  unit: string;
  fingerprint: string;
  known: KeyStatus;
  /** When this machine first saw the key (trusted keys). */
  firstSeen?: string;
}

/**
 * What happens to the document file: created (first time here), its workflow status changes, only its review
 * summary is refreshed, nothing, or a conflict (the local document is kept as it is).
 */
export type DocumentEffect = 'create' | 'status' | 'refresh' | 'none' | 'conflict';

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

export interface TemplatePlan {
  template: Template;
  status: 'new' | 'known' | 'builtin-differs';
}

export interface ImportPlan {
  decoded: DecodedPackage;
  kind: PackageKind;
  sender: PersonView;
  people: PersonView[];
  /** Keys seen for the first time, trusted when the import is confirmed. */
  newPeople: Person[];
  templates: TemplatePlan[];
  documents: DocumentPlan[];
  /** Documents in a review package meant for other managers, left alone. */
  ignoredDocuments: number;
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

/**
 * Check a decoded package against this machine and work out what importing it would do. Throws a refusal
 * for anything that cannot be merged without losing or faking something.
 */
export async function planImport(
  ctx: CallContext,
  profile: Profile,
  decoded: DecodedPackage,
  options: { confirmSupervisors?: string[] } = {},
): Promise<ImportPlan> {
  const { manifest } = decoded;
  const services = ctx.services;

  // Who may import what.
  if (manifest.kind === 'submissions' && profile.role !== 'supervisor') {
    throw refuse('wrong-importer-role', 'exchangeImport.submissionsToManager', { sender: manifest.sender.name, name: profile.name }, 'forbidden');
  }
  if (manifest.kind === 'reviews') {
    if (profile.role !== 'manager') {
      throw refuse('wrong-importer-role', 'exchangeImport.reviewsToSupervisor', { sender: manifest.sender.name, name: profile.name }, 'forbidden');
    }
    if (manifest.recipients.length && !manifest.recipients.some((recipient) => recipient.profileId === profile.id)) {
      const names = manifest.recipients.map((recipient) => recipient.name).join('、');
      throw refuse('not-for-you', 'exchangeImport.notForYou', { names, name: profile.name }, 'forbidden');
    }
  }

  // Keys: a local profile's must be this machine's; a known person's must be the one first seen.
  const trusted = new Map<string, TrustEntry>((await services.exchange.trusted()).map((entry) => [entry.profileId, entry]));
  const views = new Map<string, PersonView>();
  const newPeople: Person[] = [];
  for (const person of decoded.people.values()) {
    const fingerprint = services.signer.fingerprint(person.publicKey);
    const local = await services.profiles.get(person.profileId);
    const base = { profileId: person.profileId, name: person.name, role: person.role, unit: person.unit, fingerprint };
    if (local) {
      const key = await services.signer.existingKey(person.profileId);
      if (key !== person.publicKey || local.role !== person.role) {
        throw refuse(
          'local-key-mismatch',
          'exchangeImport.localKeyMismatch',
          { name: person.name, local: local.name, fingerprint },
          'conflict',
        );
      }
      views.set(person.profileId, { ...base, known: 'local' });
      continue;
    }
    const entry = trusted.get(person.profileId);
    if (entry) {
      if (entry.publicKey !== person.publicKey) {
        throw refuse(
          'trusted-key-mismatch',
          'exchangeImport.trustedKeyMismatch',
          { name: person.name, firstSeen: entry.firstSeen.slice(0, 10), known: entry.fingerprint, fingerprint },
          'conflict',
        );
      }
      views.set(person.profileId, { ...base, known: 'trusted', firstSeen: entry.firstSeen });
      continue;
    }
    views.set(person.profileId, { ...base, known: 'new' });
    newPeople.push(person);
  }

  // Impersonation: the name of someone this machine knows (a local profile, a trusted person) with another key.
  const localProfiles = await services.profiles.list();
  for (const person of decoded.people.values()) {
    if (views.get(person.profileId)?.known === 'local') continue;
    const fingerprint = services.signer.fingerprint(person.publicKey);
    const local = localProfiles.find((item) => item.name === person.name && item.id !== person.profileId);
    const known = [...trusted.values()].find((entry) => entry.name === person.name && entry.publicKey !== person.publicKey);
    if (local || known) {
      throw refuse(
        'impersonation',
        local ? 'exchangeImport.impersonatesLocal' : 'exchangeImport.impersonatesTrusted',
        local
          ? { name: person.name, role: person.role, fingerprint, local: local.name, localRole: local.role }
          : { name: person.name, role: person.role, fingerprint, known: known!.name, knownRole: known!.role, knownFingerprint: known!.fingerprint },
        'conflict',
      );
    }
  }

  // Supervisors are pinned, not introduced: a supervisor's record (decision, grade, comment …) is accepted only
  // from a key this machine trusts as a supervisor — a local supervisor, a supervisor trusted from their own
  // package or by a fingerprint check, the sender of this (review) package, or one whose fingerprint the person
  // importing confirms now. Never one vouched for by a manager's submission package.
  const confirmed = new Set(options.confirmSupervisors ?? []);
  const pinnedSupervisor = (person: Person): boolean => {
    const view = views.get(person.profileId)!;
    if (person.role !== 'supervisor') return false;
    if (view.known === 'local') return true;
    if (view.known === 'trusted') return trustedAsSupervisor(trusted.get(person.profileId)!) || confirmed.has(view.fingerprint);
    return (manifest.kind === 'reviews' && person.profileId === manifest.sender.profileId) || confirmed.has(view.fingerprint);
  };

  // Templates: an id and version means one content everywhere.
  const templates: TemplatePlan[] = [];
  const conflicts: ExchangeConflict[] = [];
  const packageTemplates = new Map(decoded.templates.map((template) => [`${template.id}@${template.version}`, template]));
  for (const template of decoded.templates) {
    // Same id and version means the same content (hash over what defines it, not who stored it or when).
    const status = await arrivalOf(services, template);
    templates.push({ template, status });
    if (status === 'builtin-differs') {
      conflicts.push({
        docId: '',
        title: template.name,
        kind: 'template',
        message: `内置模板“${template.name}” v${template.version} 与对方的不完全相同（可能程序版本不同），本机沿用自己的版本`,
      });
    }
  }

  // Documents.
  const documents: DocumentPlan[] = [];
  let ignoredDocuments = 0;
  for (const [docId, content] of [...decoded.documents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = [...content.revisions.values()][0];
    if (manifest.kind === 'reviews' && first.authorId !== profile.id) {
      ignoredDocuments++;
      continue;
    }
    const local = await services.reports.get(docId);
    const title = local?.title || first.title || docId;
    if (local && local.authorId !== first.authorId) {
      throw refuse('document-owner', 'exchangeImport.documentOwner', { docId, local: local.authorName, author: first.authorName }, 'conflict');
    }
    const own = !!(await services.profiles.get(first.authorId));

    // Records: same id, same content; the rest is new.
    const localRecords = await services.reviews.records(docId);
    const localById = new Map(localRecords.map((record) => [record.id, record]));
    const newRecords: ReviewRecord[] = [];
    let duplicateRecords = 0;
    for (const record of content.records) {
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

    // Revisions: frozen, so a known one must be identical.
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

    // References hold in the merged whole.
    const merged = [...localRecords, ...newRecords];
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

    // The document's new state.
    const state = foldReview(merged);
    const latestNumber = state.lastSubmittedRevision;
    const latest = (await snapshotAt(latestNumber)) ?? first;
    const { status, revision } = derivedStatus(state);
    let effect: DocumentEffect;
    const documentConflicts = decisionConflicts(title, docId, merged, newIds);
    if (!local) {
      effect = 'create';
    } else if (local.status === status && local.revision === revision) {
      effect = newRecords.length ? 'refresh' : 'none';
    } else if (!own) {
      // A read-only copy (the supervisor's): it follows the records.
      effect = 'status';
    } else if ((local.status === 'submitted' || local.status === 'approved') && local.revision === latestNumber) {
      // The writer's own document, still locked at the revision the decision is about: no draft to lose.
      effect = 'status';
    } else {
      effect = 'conflict';
      documentConflicts.push({
        docId,
        title,
        kind: 'status',
        message:
          `本机的“${title}”是“${statusNames[local.status]}”（第 ${local.revision} 版），交换包中的审阅结果是“${statusNames[status]}”（第 ${revision} 版）：` +
          '保留本机文稿（未改动正文），两边的审阅记录都已保存',
      });
    }
    const counts: Partial<Record<RecordType, number>> = {};
    for (const record of newRecords) counts[record.body.type] = (counts[record.body.type] ?? 0) + 1;
    conflicts.push(...documentConflicts);
    documents.push({
      docId,
      title,
      authorId: first.authorId,
      authorName: first.authorName,
      period: latest.period,
      own,
      revisions,
      newRevisions,
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
    });
  }

  const sender = views.get(manifest.sender.profileId)!;
  return {
    decoded,
    kind: manifest.kind,
    sender,
    people: [...views.values()].filter((person) => person.profileId !== sender.profileId),
    newPeople,
    templates,
    documents,
    ignoredDocuments,
    conflicts,
  };
}
