/**
 * Seed a data folder with a generated office: every document is made by the real use cases (create, save,
 * submit, open for review, comment, decide, mark fixed, resolve, resubmit) in the order and at the times its
 * plan says, through the store's bulk loader (same files as the app would write, written without a per-file
 * fsync, index and search segment built once at the end).
 */
import type { Profile } from '../../electron/core/common/schemas/profile';
import { createReport, saveDraft } from '../../electron/core/reports/use-cases';
import type { Report } from '../../electron/core/common/schemas/report';
import { anchorText, makeTextAnchor } from '../../electron/core/review/anchors';
import type { Anchor, CommentKind, MeetingFlag } from '../../electron/core/common/schemas/review';
import { addComment, decide, getReview, markFixed, settleComment, submitReport } from '../../electron/core/review/use-cases';
import type { CallContext, CoreServices } from '../../electron/core/services';
import type { Template } from '../../electron/core/common/schemas/template';
import { BulkLoader, type BulkLoadResult } from '../../electron/store/bulk-load';

/** The passphrase of every supervisor in a generated office (it is test data: the key must be protected to sign). */
export const seededSupervisorPassphrase = 'reportdesk-seed';

/** Protect (and so unlock for this process) every generated supervisor's key, as the UI does on first use. */
export async function protectSupervisorKeys(services: CoreServices, profiles: readonly { id: string; role: string }[]): Promise<void> {
  for (const profile of profiles) {
    if (profile.role !== 'supervisor') continue;
    const state = await services.signer.keyState(profile.id);
    if (state === 'locked') await services.signer.unlock(profile.id, seededSupervisorPassphrase);
    else if (state !== 'unlocked') await services.signer.setPassphrase(profile.id, seededSupervisorPassphrase);
  }
}
import { contentFor, planOffice, richText, type Content, type DocumentPlan, type Office } from './office';
import { commentTexts, fixNotes, overallTexts, returnReasons } from './phrases';
import { Random } from './prng';

export const defaultSeed = 'reportdesk-office-1';

/** Beijing wall-clock time on `day` as an ISO instant. */
function beijing(day: string, hour: number, minute: number, addDays = 0): string {
  const time = Date.parse(`${day}T00:00:00Z`) + addDays * 86_400_000 + ((hour - 8) * 60 + minute) * 60_000;
  return new Date(time).toISOString();
}

/** A place in the submitted revision a supervisor comments on: a sentence of an analysis section, a cell, the section or the document. */
function anchorFor(random: Random, report: Report, template: Template): Anchor {
  const roll = random.next();
  const analysis = template.sections.filter((section) => section.kind === 'richtext' && section.analysis);
  if (roll < 0.7 && analysis.length) {
    const section = random.pick(analysis);
    const content = report.sections[section.id];
    if (content?.type === 'richtext') {
      const { text } = anchorText(content.doc);
      const sentences = [...text.matchAll(/[^。！？\n]{8,60}[。！？]/g)];
      if (sentences.length) {
        const sentence = random.pick(sentences);
        return makeTextAnchor(section.id, text, sentence.index, sentence.index + sentence[0].length);
      }
    }
  }
  if (roll < 0.85) {
    for (const section of template.sections) {
      const content = report.sections[section.id];
      if (section.kind !== 'table' || content?.type !== 'table' || !content.rows.length || !section.table) continue;
      const row = random.pick(content.rows);
      const column = section.table.columns.find((item) => !item.formula && row.cells[item.key] !== undefined && row.cells[item.key] !== null);
      if (column) return { kind: 'cell', sectionId: section.id, rowId: row.id, columnKey: column.key, quote: String(row.cells[column.key]) };
    }
  }
  if (roll < 0.95 && analysis.length) return { kind: 'section', sectionId: random.pick(analysis).id };
  return { kind: 'document' };
}

interface Grading {
  grade: string;
  reason?: string;
  meetingFlag: MeetingFlag;
  overall?: string;
}

function approvalGrade(random: Random): Grading {
  const grade = random.weighted([['优秀', 25], ['良好', 50], ['合格', 20], ['需改进', 5]] as const);
  const needsReason = grade === '合格' || grade === '需改进';
  return {
    grade,
    ...(needsReason ? { reason: random.pick(returnReasons) } : {}),
    meetingFlag: grade === '优秀' && random.chance(0.3) ? 'praise' : grade === '需改进' ? 'critique' : 'none',
    ...(random.chance(0.6) ? { overall: random.pick(overallTexts) } : {}),
  };
}

/** Ids for everything one document's acts create (the document, table rows, review records), from its plan. */
export function documentIds(office: Office, plan: DocumentPlan): { newId(): string } {
  const random = new Random(`${office.seed}/ids/${plan.key}`);
  return { newId: () => random.uuid() };
}

/**
 * Run one document's life through the use cases on `services` (whose clock `clock` moves to each act's time
 * and whose ids come from `documentIds`).
 */
export async function runDocument(plan: DocumentPlan, office: Office, services: CoreServices, clock: { set(iso: string): void }, template: Template): Promise<void> {
  const random = new Random(`${office.seed}/document/${plan.key}`);
  const manager: CallContext = { profile: plan.manager.profile, services };
  const supervisor: CallContext = { profile: plan.manager.supervisor, services };
  const content: Content = contentFor(plan, template, random);
  let minute = random.int(0, 90);
  const tick = (span: number) => {
    minute += random.int(1, span);
    clock.set(beijing(plan.day, 17, minute));
  };

  tick(5);
  let report = await createReport(manager, { templateId: plan.templateId, metadata: content.metadata });
  for (let save = random.int(1, 3); save > 0; save--) {
    tick(25);
    report = await saveDraft(manager, { id: report.id, baseRev: report.rev, metadata: content.metadata, sections: content.sections });
  }
  if (plan.flow === 'draft') return;
  tick(30);
  report = await submitReport(manager, { id: report.id, baseRev: report.rev });
  if (plan.flow === 'submitted') return;

  // The supervisor reads it a day or two later, comments, and grades.
  const reviewDay = random.int(1, 2);
  let reviewMinute = random.int(0, 240);
  const review = (day: number) => {
    reviewMinute += random.int(2, 20);
    clock.set(beijing(plan.day, 9, reviewMinute, day));
  };
  review(reviewDay);
  await getReview(supervisor, { id: report.id });
  const returning = plan.flow === 'returned' || plan.flow === 'resubmitted';
  const commentCount = returning ? random.int(1, 3) : random.weighted([[0, 4], [1, 4], [2, 2]] as const);
  const problems: string[] = [];
  for (let index = 0; index < commentCount; index++) {
    review(reviewDay);
    const kind: CommentKind = returning && index === 0 ? 'problem' : random.weighted([['praise', 4], ['problem', 2], ['suggestion', 3], ['note', 1]] as const);
    const revision = (await services.reviews.getRevision(report.id, report.revision))!;
    const comment = await addComment(supervisor, { id: report.id, anchor: anchorFor(random, revision, template), kind, text: random.pick(commentTexts[kind]) });
    if (kind === 'problem') problems.push(comment.id);
  }
  review(reviewDay);
  if (!returning) {
    await decide(supervisor, { id: report.id, decision: 'approve', ...approvalGrade(random) });
    return;
  }
  report = await decide(supervisor, {
    id: report.id,
    decision: 'return',
    grade: random.pick(['合格', '需改进']),
    reason: random.pick(returnReasons),
    meetingFlag: random.chance(0.5) ? 'critique' : 'none',
  });
  if (plan.flow === 'returned') return;

  // The writer revises: reads the comments, marks them fixed, saves and submits again; the supervisor approves.
  const fixDay = reviewDay + 1;
  let fixMinute = random.int(0, 60);
  const fix = () => {
    fixMinute += random.int(3, 30);
    clock.set(beijing(plan.day, 10, fixMinute, fixDay));
  };
  fix();
  await getReview(manager, { id: report.id });
  for (const commentId of problems) {
    fix();
    await markFixed(manager, { id: report.id, commentId, note: random.pick(fixNotes) });
  }
  const analysis = template.sections.find((section) => section.analysis && section.kind === 'richtext');
  const revised: Content = { metadata: content.metadata, sections: { ...content.sections } };
  if (analysis) {
    const before = content.sections[analysis.id];
    const text = before?.type === 'richtext' ? (before.doc.content ?? []).map((node) => (node.content ?? []).map((child) => child.text ?? '').join('')) : [];
    revised.sections[analysis.id] = richText([...text, '补充说明：经逐户核实，上述变化主要与客户订货节奏有关，下一步将按周跟踪并在下期报告中反馈。']);
  }
  fix();
  report = (await services.reports.get(report.id))!;
  report = await saveDraft(manager, { id: report.id, baseRev: report.rev, metadata: revised.metadata, sections: revised.sections });
  fix();
  report = await submitReport(manager, { id: report.id, baseRev: report.rev });
  const secondDay = fixDay + 1;
  review(secondDay);
  await getReview(supervisor, { id: report.id });
  for (const commentId of problems) {
    review(secondDay);
    await settleComment(supervisor, { id: report.id, commentId, action: 'resolve' });
  }
  review(secondDay);
  await decide(supervisor, { id: report.id, decision: 'approve', ...approvalGrade(random) });
}

export interface SeedOptions {
  dataDir: string;
  count: number;
  seed?: string;
  seedsDir?: string;
  /** Called every `progressEvery` documents. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface SeedResult extends BulkLoadResult {
  office: Office;
  profiles: Profile[];
  seconds: number;
}

/** Generate the office into `dataDir` (which must be empty of documents). */
export async function seedOffice(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const office = planOffice({ count: options.count, seed: options.seed ?? defaultSeed });
  // Copy checks are stored for the last two months of submissions (every submission is in the copy index).
  const copyChecksFrom = new Date(Date.parse(office.now) - 60 * 86_400_000).toISOString();
  const loader = await BulkLoader.open({ dataDir: options.dataDir, seedsDir: options.seedsDir, copyChecksFrom });
  try {
    for (const profile of office.profiles) await loader.services.profiles.save(profile);
    await protectSupervisorKeys(loader.services, office.profiles);
    const templates = new Map<string, Template>();
    for (const id of new Set(office.plans.map((plan) => plan.templateId))) {
      const template = await loader.services.templates.get(id);
      if (!template) throw new Error(`built-in template missing: ${id}`);
      templates.set(id, template);
    }
    const every = options.progressEvery ?? 1000;
    for (const [index, plan] of office.plans.entries()) {
      loader.useIds(documentIds(office, plan));
      await runDocument(plan, office, loader.services, loader.clock, templates.get(plan.templateId)!);
      await loader.flush();
      if ((index + 1) % every === 0) options.onProgress?.(index + 1, office.plans.length);
    }
  } catch (error) {
    await loader.abandon();
    throw error;
  }
  const result = await loader.finish();
  return { ...result, office, profiles: office.profiles, seconds: (performance.now() - started) / 1000 };
}
