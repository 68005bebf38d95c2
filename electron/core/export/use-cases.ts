/**
 * Export use cases: gather what the caller may read, turn the review log into comments and outcomes, and
 * build the file. Read-only: an export never writes to the data folder (not even read markers).
 *
 * Which text is exported: an author gets their working copy; anyone else the latest submitted (frozen)
 * revision, which is what the supervisor read and commented on; a given `revision` is that frozen revision.
 * Comments: every comment made on that revision or an earlier one, withdrawn ones left out, each thread
 * flattened into its replies and steps (已整改 notes, 确认解决, 重新打开).
 */
import type { Profile } from '../common/schemas/profile';
import type { Report, ReportStatus } from '../common/schemas/report';
import { getReport, listReports } from '../reports/use-cases';
import { foldReview, type CommentView, type ReviewState } from '../common/review-fold';
import type { MeetingFlag } from '../common/schemas/review';
import { requireProfile } from '../common/permissions';
import type { CallContext, ExportSettings } from './ports';
import type { DocumentKind, Template } from '../common/schemas/template';
import { formatPeriod } from '../common/text/placeholders';
import { buildExcelWorkbook } from './excel';
import { exportFileName, fileNameFromParts } from '../reports/file-names';
import type { ExportFile } from './jobs';
import { commentStatusLabel, defaultExportLabels, englishExportLabels, fillLabel, type ExportLabels } from './labels';
import { buildMeetingPack, buildMeetingSummaryWorkbook, orderForMeeting, type MeetingPackDocument } from './meeting-pack';
import { isOnTime } from '../calendar/on-time';
import { phaseMonitor, silentMonitor, type ExportMonitor } from './progress';
import { buildRegisterWorkbook, documentKindOrder, type RegisterComment, type RegisterDocument } from './register';
import { tableRows } from './table-data';
import { formatDate } from './text';
import { buildWordDocument, type CommentAnchor, type ExportComment, type ReviewSummary, type WordLayout } from './word';
import { dashboardSheet, dashboardSheetLabels } from './dashboard-sheet';
import { insightDashboard } from '../insight/use-cases';
import { rosterManagers } from '../calendar/roster';
import { coded, formatMessage } from '../common/messages';

export interface ExportDocumentInput {
  id: string;
  /** A submitted revision; by default the working copy for its author, the latest submitted one for others. */
  revision?: number;
}

export interface ExportWordInput extends ExportDocumentInput {
  layout: WordLayout;
  /** Supervisors' comments as Word comments (default true). */
  includeComments?: boolean;
  /** A 审阅记录 page with the grade and a table of every comment (default false). */
  includeReviewAppendix?: boolean;
}

export interface RegisterFilter {
  /** `2026-10` also matches the days of October (daily logs). */
  period?: string;
  kind?: DocumentKind;
  status?: ReportStatus;
  authorId?: string;
}

export type PresentedFlag = Exclude<MeetingFlag, 'none'>;

export interface MeetingPackInput {
  /** The documents, in any order; when left out, the preset: every document of `period` flagged with `flags`. */
  ids?: string[];
  period?: string;
  /** Which meeting flags the preset takes (default both 会上表扬 and 会上讲评). */
  flags?: PresentedFlag[];
  meetingName: string;
  /** `YYYY-MM-DD`. */
  meetingDate: string;
  organiser: string;
  /** A Word layout, or `excel` for the pack's Excel summary. */
  layout: WordLayout | 'excel';
}

/** The export labels for the interface language chosen in 设置. */
export function exportLabelsFor(settings: Pick<ExportSettings, 'language'>): ExportLabels {
  return settings.language === 'en' ? englishExportLabels : defaultExportLabels;
}

interface Exportable {
  report: Report;
  template: Template;
  state: ReviewState;
  /** Whether this is the document as it stands (working copy or latest submission), not an earlier revision. */
  latest: boolean;
}

/** What the caller exports of a document (see the module comment), with its review state. */
export async function loadExportable(ctx: CallContext, id: string, revision?: number): Promise<Exportable> {
  const profile = requireProfile(ctx);
  const { report: working, template } = await getReport(ctx, id);
  const state = foldReview(await ctx.services.reviews.records(id));
  const wanted = revision ?? (working.authorId === profile.id ? undefined : state.lastSubmittedRevision || undefined);
  if (wanted === undefined) return { report: working, template, state, latest: true };
  const frozen = await ctx.services.reviews.getRevision(id, wanted);
  if (!frozen) throw coded('not-found', 'review.revisionNotFound', { revision: wanted });
  const version =
    frozen.templateId === template.id && frozen.templateVersion === template.version
      ? template
      : ((await ctx.services.templates.get(frozen.templateId, frozen.templateVersion)) ?? template);
  // The document as it stands: the author's own revision in progress, or the one last submitted.
  const latest = wanted >= (working.authorId === profile.id ? working.revision : state.lastSubmittedRevision);
  // A frozen snapshot says 'submitted'; what became of it is in the log: an earlier revision was returned.
  const status: ReportStatus = latest ? (working.status === 'draft' ? 'submitted' : working.status) : 'returned';
  return { report: { ...frozen, status }, template: version, state, latest };
}

function exportAnchor(comment: CommentView): { sectionId: string; anchor: CommentAnchor } {
  const anchor = comment.anchor;
  switch (anchor.kind) {
    case 'text':
      return { sectionId: anchor.sectionId, anchor: { kind: 'text', quote: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix } };
    case 'cell':
      return { sectionId: anchor.sectionId, anchor: { kind: 'cell', rowId: anchor.rowId, columnKey: anchor.columnKey } };
    case 'section':
      return { sectionId: anchor.sectionId, anchor: { kind: 'section' } };
    case 'document':
      return { sectionId: '', anchor: { kind: 'document' } };
  }
}

/** A comment's thread as lines: replies in their words, and the steps (已整改 with its note, 确认解决, 重新打开). */
export function threadOf(comment: CommentView, labels: ExportLabels): { author: string; date: string; text: string }[] {
  return comment.events.flatMap((event) => {
    const entry = (text: string) => [{ author: event.by.name, date: event.at, text }];
    switch (event.type) {
      case 'reply':
        return entry(event.text ?? '');
      case 'mark-fixed':
        return entry(fillLabel(labels.threadFixed, { note: event.text ?? '' }));
      case 'resolve':
        return entry(labels.threadResolved);
      case 'reopen-comment':
        return entry(fillLabel(labels.threadReopened, { note: event.text ?? '' }));
      default:
        return [];
    }
  });
}

/** Comments in reading order: whole-document ones first, then by section, then by time. */
export function inReadingOrder(comments: CommentView[], template: Template): CommentView[] {
  const position = (comment: CommentView) =>
    comment.anchor.kind === 'document' ? -1 : template.sections.findIndex((section) => 'sectionId' in comment.anchor && section.id === comment.anchor.sectionId);
  return [...comments].sort((a, b) => position(a) - position(b) || a.at.localeCompare(b.at));
}

/** The comments a Word export carries: live ones made on `revision` or before, in reading order, as Word comments. */
export function exportComments(state: ReviewState, revision: number, labels: ExportLabels, template: Template): ExportComment[] {
  return inReadingOrder(state.comments, template)
    .filter((comment) => !comment.retracted && comment.revision <= revision)
    .map((comment) => ({
      id: comment.id,
      ...exportAnchor(comment),
      author: comment.by.name,
      date: comment.at,
      kindLabel: labels.commentKinds[comment.kind],
      text: comment.text,
      replies: threadOf(comment, labels),
      statusLabel: commentStatusLabel(labels, comment.kind, comment.status),
    }));
}

/** The decision that stands for a revision: the current one, or the last one on an earlier (returned) revision. */
function decisionFor(state: ReviewState, revision: number) {
  if (state.currentDecision?.revision === revision) return state.currentDecision;
  if (revision < state.lastSubmittedRevision) return [...state.decisions].reverse().find((decision) => decision.revision === revision) ?? null;
  return null;
}

export function reviewSummaryOf(state: ReviewState, revision: number, labels: ExportLabels): ReviewSummary | undefined {
  const decision = decisionFor(state, revision);
  if (!decision) return undefined;
  return {
    grade: decision.grade,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.meetingFlag !== 'none' ? { meetingFlag: labels.meetingFlags[decision.meetingFlag] } : {}),
    ...(decision.overall ? { overall: decision.overall } : {}),
    reviewer: decision.by.name,
    reviewedAt: decision.at,
    outcome: decision.decision,
  };
}

function documentFileName(loaded: Exportable, ext: string, labels: ExportLabels, suffix = ''): string {
  const name = exportFileName(loaded.report, loaded.template, ext, suffix);
  if (loaded.latest) return name;
  const dot = name.lastIndexOf('.');
  return fileNameFromParts([name.slice(0, dot), fillLabel(labels.revisionFile, { revision: loaded.report.revision })], ext);
}

/** A document as Word, 公文 (GB/T 9704) or plain layout, with comments and optionally the 审阅记录 page. */
export async function exportDocumentWord(ctx: CallContext, input: ExportWordInput, monitor: ExportMonitor = silentMonitor): Promise<ExportFile> {
  const settings = await ctx.services.settings.get();
  const labels = exportLabelsFor(settings);
  const loaded = await loadExportable(ctx, input.id, input.revision);
  await monitor.checkpoint(0, 1, loaded.report.title);
  const bytes = await buildWordDocument({
    report: loaded.report,
    template: loaded.template,
    layout: input.layout,
    fonts: settings.exportFonts,
    comments: input.includeComments === false ? [] : exportComments(loaded.state, loaded.report.revision, labels, loaded.template),
    reviewSummary: reviewSummaryOf(loaded.state, loaded.report.revision, labels),
    includeReviewAppendix: input.includeReviewAppendix ?? false,
    labels,
    utcOffsetMinutes: settings.onTimeRule.utcOffsetMinutes,
    officeRanges: { stockToSales: settings.stockToSalesRange },
  });
  await monitor.checkpoint(1, 1);
  return { fileName: documentFileName(loaded, 'docx', labels, labels.layoutFile[input.layout]), bytes };
}

/** A document's metadata and tables as Excel, computed columns as live formulas. */
export async function exportDocumentExcel(ctx: CallContext, input: ExportDocumentInput, monitor: ExportMonitor = silentMonitor): Promise<ExportFile> {
  const settings = await ctx.services.settings.get();
  const labels = exportLabelsFor(settings);
  const loaded = await loadExportable(ctx, input.id, input.revision);
  await monitor.checkpoint(0, 1, loaded.report.title);
  const bytes = await buildExcelWorkbook({
    report: loaded.report,
    template: loaded.template,
    labels,
    utcOffsetMinutes: settings.onTimeRule.utcOffsetMinutes,
    officeRanges: { stockToSales: settings.stockToSalesRange },
  });
  await monitor.checkpoint(1, 1);
  return { fileName: documentFileName(loaded, 'xlsx', labels), bytes };
}

function kindRank(kind: DocumentKind): number {
  return documentKindOrder.indexOf(kind);
}

/**
 * Managers the statistics list: the whole roster for a supervisor (a manager with nothing still shows), else
 * the caller. The roster is this machine's managers and those on other machines it exchanges with (office sync,
 * packages), so an office's 统计 lists the same people in the same order as one machine would.
 */
async function rosterFor(ctx: CallContext, profile: Profile, authorId?: string): Promise<string[]> {
  if (profile.role !== 'supervisor') return [profile.name];
  const managers = await rosterManagers(ctx);
  return managers.filter((manager) => !authorId || manager.id === authorId).map((manager) => manager.name);
}

/**
 * The 台账 for a filter: every document the caller may see that matches it (a manager: their own; a supervisor:
 * every submitted one), with their comments and per-manager statistics.
 */
export async function exportRegister(ctx: CallContext, filter: RegisterFilter, monitor: ExportMonitor = silentMonitor): Promise<ExportFile> {
  const profile = requireProfile(ctx);
  const settings = await ctx.services.settings.get();
  const labels = exportLabelsFor(settings);
  const summaries = (await listReports(ctx, filter)).sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      a.authorName.localeCompare(b.authorName, 'zh-CN') ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
  const total = Math.max(1, summaries.length * 2);
  const templates = new Map<string, Template | null>();
  const now = ctx.services.clock.now();
  const documents: RegisterDocument[] = [];
  const comments: RegisterComment[] = [];
  for (const [index, summary] of summaries.entries()) {
    await monitor.checkpoint(index, total, summary.title);
    if (!templates.has(summary.templateId)) templates.set(summary.templateId, await ctx.services.templates.get(summary.templateId));
    const template = templates.get(summary.templateId) ?? null;
    const state = foldReview(await ctx.services.reviews.records(summary.id));
    const firstSubmit = state.workflow.filter((event) => event.type === 'submit').map((event) => event.at).sort()[0];
    const decision = state.currentDecision;
    documents.push({
      kind: summary.kind,
      title: summary.title,
      author: summary.authorName,
      region: summary.region,
      period: summary.period,
      status: summary.status,
      ...(firstSubmit ? { submittedAt: firstSubmit } : {}),
      onTime: isOnTime(template?.cadence ?? 'none', summary.period, firstSubmit, now, settings.onTimeRule, settings.officeCalendar),
      ...(decision ? { grade: decision.grade, meetingFlag: decision.meetingFlag } : {}),
    });
    // The document itself is read only when a comment is on a table cell, to name the cell's row.
    let report: Report | null | undefined;
    for (const comment of template ? inReadingOrder(state.comments, template) : state.comments) {
      const anchor = comment.anchor;
      const section = anchor.kind === 'document' ? undefined : template?.sections.find((candidate) => candidate.id === anchor.sectionId);
      const sectionTitle = anchor.kind === 'document' ? labels.wholeDocument : (section?.title ?? anchor.sectionId);
      let quote = anchor.kind === 'text' ? anchor.quote : anchor.kind === 'section' ? labels.wholeSection : labels.wholeDocument;
      if (anchor.kind === 'cell') {
        const column = section?.table?.columns.find((candidate) => candidate.key === anchor.columnKey)?.label ?? anchor.columnKey;
        if (report === undefined) report = await getReport(ctx, summary.id).then((found) => found.report, () => null);
        const rows = section && report ? tableRows(report, section) : [];
        const rowIndex = rows.findIndex((row) => row.id === anchor.rowId);
        const textColumn = section?.table?.columns.find((candidate) => candidate.type === 'text');
        const name = rowIndex >= 0 && textColumn ? rows[rowIndex].cells[textColumn.key] : null;
        const row = typeof name === 'string' && name.trim() ? name.trim() : fillLabel(labels.rowNumber, { n: rowIndex >= 0 ? rowIndex + 1 : '?' });
        const cell = fillLabel(labels.cellAnchor, { row, column });
        quote = anchor.quote.trim() ? `${cell}${labels.fieldSeparator}${anchor.quote.trim()}` : cell;
      }
      comments.push({
        document: index,
        section: sectionTitle,
        quote,
        author: comment.by.name,
        at: comment.at,
        kind: comment.kind,
        status: comment.retracted ? 'retracted' : comment.status,
        text: comment.text,
        replies: threadOf(comment, labels).map((reply) =>
          fillLabel(labels.commentReply, { author: reply.author, date: formatDate(reply.date, labels, false, settings.onTimeRule.utcOffsetMinutes), text: reply.text }),
        ),
      });
    }
  }

  const kindLabel = filter.kind ? labels.documentKinds[filter.kind] : '';
  const statusLabel = filter.status ? labels.statuses[filter.status] : '';
  const authorName = filter.authorId ? summaries[0]?.authorName ?? '' : '';
  const period = filter.period ? formatPeriod(filter.period.trim()) : '';
  const bytes = await buildRegisterWorkbook(
    {
      documents,
      comments,
      managers: await rosterFor(ctx, profile, filter.authorId),
      grades: settings.gradeScale.map((grade) => grade.label),
      title: [settings.officeName, labels.registerFile, period].filter(Boolean).join(' '),
      creator: profile.name,
      rule: settings.onTimeRule,
      labels,
      extraSheets: await dashboardSheets(ctx, filter, settings.language),
    },
    phaseMonitor(monitor, summaries.length, Math.max(1, summaries.length), total),
  );
  return { fileName: fileNameFromParts([labels.registerFile, period, kindLabel, statusLabel, authorName], 'xlsx'), bytes };
}

/** The 统计看板 sheet (the dashboard's figures) for a register of one month; none without a month or on failure. */
async function dashboardSheets(ctx: CallContext, filter: RegisterFilter, language: ExportSettings['language']) {
  const month = /^(\d{4}-\d{2})/.exec(filter.period?.trim() ?? '')?.[1];
  if (!month) return [];
  try {
    const view = await insightDashboard(ctx, { period: month, ...(filter.kind ? { kind: filter.kind } : {}) });
    const rows = filter.authorId ? view.rows.filter((row) => row.managerId === filter.authorId) : view.rows;
    return [dashboardSheet({ ...view, rows, totals: filter.authorId ? (rows[0] ?? view.totals) : view.totals }, dashboardSheetLabels[language])];
  } catch (error) {
    console.warn('[insight] dashboard sheet of the register failed', error);
    return [];
  }
}

/** The documents of a meeting: the ones chosen, or the preset (flagged 会上表扬 / 会上讲评 in a period). */
async function meetingDocumentIds(ctx: CallContext, input: MeetingPackInput): Promise<string[]> {
  if (input.ids?.length) return [...new Set(input.ids)];
  if (!input.period?.trim()) {
    throw coded('invalid-input', 'export.meetingNothingChosen', undefined, { issues: [{ path: 'period', message: formatMessage('export.meetingNothingChosenShort') }] });
  }
  const flags = new Set<MeetingFlag>(input.flags?.length ? input.flags : ['praise', 'critique']);
  const summaries = await listReports(ctx, { period: input.period.trim() });
  return summaries
    .filter((summary) => summary.status !== 'draft' && summary.meetingFlag && flags.has(summary.meetingFlag))
    .sort(
      (a, b) =>
        kindRank(a.kind) - kindRank(b.kind) ||
        a.period.localeCompare(b.period) ||
        a.authorName.localeCompare(b.authorName, 'zh-CN'),
    )
    .map((summary) => summary.id);
}

/** The meeting pack: one Word file (cover, contents, summary table, every document with its review), or its Excel summary. */
export async function exportMeetingPack(ctx: CallContext, input: MeetingPackInput, monitor: ExportMonitor = silentMonitor): Promise<ExportFile> {
  requireProfile(ctx);
  const settings = await ctx.services.settings.get();
  const labels = exportLabelsFor(settings);
  const ids = await meetingDocumentIds(ctx, input);
  if (ids.length === 0) {
    const period = input.period ? formatPeriod(input.period.trim()) : '';
    throw coded('invalid-input', 'export.meetingNoneFlagged', { period }, { issues: [{ path: 'period', message: formatMessage('export.meetingNoneFlaggedShort') }] });
  }
  const total = ids.length * 2;
  const documents: MeetingPackDocument[] = [];
  for (const [index, id] of ids.entries()) {
    const loaded = await loadExportable(ctx, id);
    await monitor.checkpoint(index, total, loaded.report.title);
    const revision = loaded.report.revision;
    documents.push({
      report: loaded.report,
      template: loaded.template,
      comments: exportComments(loaded.state, revision, labels, loaded.template),
      reviewSummary: reviewSummaryOf(loaded.state, revision, labels),
      meetingFlag: decisionFor(loaded.state, revision)?.meetingFlag ?? 'none',
    });
  }
  const options = {
    layout: input.layout === 'excel' ? ('official' as const) : input.layout,
    fonts: settings.exportFonts,
    labels,
    meetingName: input.meetingName,
    meetingDate: input.meetingDate,
    organiser: input.organiser,
    officeName: settings.officeName,
    documents: orderForMeeting(documents),
    rule: settings.onTimeRule,
    officeRanges: { stockToSales: settings.stockToSalesRange },
  };
  const phase = phaseMonitor(monitor, ids.length, ids.length, total);
  const date = formatDate(input.meetingDate, labels);
  if (input.layout === 'excel') {
    const bytes = await buildMeetingSummaryWorkbook(options, phase);
    return { fileName: fileNameFromParts([input.meetingName, labels.summaryFile, date], 'xlsx', labels.meetingPack), bytes };
  }
  const bytes = await buildMeetingPack(options, phase);
  return { fileName: fileNameFromParts([input.meetingName, date], 'docx', labels.meetingPack), bytes };
}

/** Any export, as the `export:start` channel and the CLI describe it. */
export type ExportRequest =
  | ({ kind: 'word' } & ExportWordInput)
  | ({ kind: 'excel' } & ExportDocumentInput)
  | ({ kind: 'register'; documentKind?: DocumentKind } & Omit<RegisterFilter, 'kind'>)
  | ({ kind: 'meeting-pack' } & MeetingPackInput);

/**
 * What can be refused at once, before a job starts: no profile, a document the caller may not read or that
 * does not exist, a revision that was never submitted, a meeting pack with neither documents nor period.
 */
export async function checkExportRequest(ctx: CallContext, request: ExportRequest): Promise<void> {
  requireProfile(ctx);
  if (request.kind === 'word' || request.kind === 'excel') {
    await loadExportable(ctx, request.id, request.revision);
  } else if (request.kind === 'meeting-pack') {
    if (request.ids?.length) for (const id of new Set(request.ids)) await getReport(ctx, id);
    else await meetingDocumentIds(ctx, request);
  }
}

/** Run an export of any kind. */
export async function runExport(ctx: CallContext, request: ExportRequest, monitor: ExportMonitor = silentMonitor): Promise<ExportFile> {
  switch (request.kind) {
    case 'word':
      return exportDocumentWord(ctx, request, monitor);
    case 'excel':
      return exportDocumentExcel(ctx, request, monitor);
    case 'register': {
      const { kind: _kind, documentKind, ...filter } = request;
      return exportRegister(ctx, { ...filter, ...(documentKind ? { kind: documentKind } : {}) }, monitor);
    }
    case 'meeting-pack':
      return exportMeetingPack(ctx, request, monitor);
  }
}

/** The MIME type of an exported file, by its extension. */
export function exportMimeType(fileName: string): string {
  if (fileName.endsWith('.docx')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (fileName.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}
