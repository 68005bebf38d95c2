/**
 * 统计 (the dashboard): per customer manager for one month — documents by kind; submitted on time, late or
 * missing against each template's cadence; the grade distribution; comments open / fixed / resolved; 会上表扬 and
 * 会上讲评; documents marked 疑似雷同 — with the office's targets, and the figures below them named.
 *
 * Definitions (the same in the page, the 台账's sheet and the tests):
 * - documents: submitted ones (every status but draft) whose period lies in the month (days of it for daily
 *   logs; a quarter in its last month);
 * - expected: for each kind × cadence of the templates that expect one document per manager and period (daily,
 *   monthly, quarterly; not one-per-retailer templates such as the booklet), every period of the month whose
 *   deadline has passed (daily logs: weekdays or every day, per 设置);
 * - on time / late: a document with a deadline, by its first submission (core/calendar/on-time.ts);
 *   missing: an expected period with no submitted document once its deadline passed;
 * - on-time rate = on time ÷ (on time + late + missing); good-grade share = documents graded in the best
 *   `goodGrades` grades ÷ graded documents. A rate with nothing to count is null, shown as 无数据 — never NaN.
 */
import { deadlineFor, isOnTime, type OnTimeRule } from '../calendar/on-time';
import type { ReportStatus } from '../common/schemas/report';
import type { MeetingFlag } from '../common/schemas/review';
import type { Cadence, DocumentKind } from '../common/schemas/template';
import type { DashboardRow, DashboardView, InsightSettings } from './schema';
import { isWorkday, type OfficeCalendar } from '../calendar/office-calendar';

export const dashboardKinds: DocumentKind[] = ['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom'];

export interface DashboardDocument {
  id: string;
  templateId: string;
  kind: DocumentKind;
  authorId: string;
  authorName: string;
  period: string;
  status: ReportStatus;
  /** ISO time of the first submission. */
  firstSubmittedAt?: string;
  grade?: string;
  meetingFlag?: MeetingFlag;
  comments: { open: number; fixed: number; resolved: number };
  /** Whether its latest copy check reaches the 疑似雷同 threshold (supervisors only). */
  copyFlagged?: boolean;
}

export interface DashboardTemplate {
  id: string;
  kind: DocumentKind;
  cadence: Cadence;
  /** Templates written once per subject (a retailer) expect no fixed number of documents. */
  subjectKey?: string;
}

export interface DashboardInput {
  /** `YYYY-MM`. */
  period: string;
  kind?: DocumentKind;
  now: Date;
  rule: OnTimeRule;
  settings: InsightSettings;
  /** The grade scale, best first. */
  grades: string[];
  /** `joinedOn`: the office day the person joined (profile made, or first met through exchange); nothing is expected before it. */
  managers: { id: string; name: string; unit: string; joinedOn?: string }[];
  templates: DashboardTemplate[];
  /** 法定节假日 and 调休 workdays: which days expect a daily log, and where deadlines move to. */
  calendar?: OfficeCalendar | null;
  documents: DashboardDocument[];
  /** Include the 疑似雷同 count (supervisors). */
  withCopyFlags?: boolean;
}

export type { DashboardRow, DashboardTarget, DashboardView } from './schema';

function daysOf(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

/** The last office day a period covers: the day itself, the month's or the quarter's last day. */
export function periodLastDay(period: string): string | null {
  const trimmed = period.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(trimmed);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 0)).toISOString().slice(0, 10);
  return null;
}

/**
 * Whether a person owes a document for a period: only for periods that end on or after the day they joined
 * (someone who joined on 12-04 owes no October logs and no November report).
 */
export function owes(period: string, joinedOn: string | undefined): boolean {
  if (!joinedOn) return true;
  const last = periodLastDay(period);
  return !last || last >= joinedOn;
}

function quarterOf(month: string): { quarter: string; lastMonth: boolean } {
  const [year, monthNumber] = month.split('-').map(Number);
  const quarter = Math.ceil(monthNumber / 3);
  return { quarter: `${year}-Q${quarter}`, lastMonth: monthNumber % 3 === 0 };
}

/** Whether a document's period belongs to the dashboard month. */
export function inMonth(period: string, month: string): boolean {
  const trimmed = period.trim();
  if (trimmed === month || trimmed.startsWith(`${month}-`)) return true;
  const { quarter, lastMonth } = quarterOf(month);
  return lastMonth && trimmed.toUpperCase() === quarter;
}

/** The periods of the month a kind × cadence expects one document for. */
function expectedPeriods(cadence: Cadence, month: string, settings: InsightSettings, calendar?: OfficeCalendar | null): string[] {
  if (cadence === 'daily') return daysOf(month).filter((day) => settings.dailyLogDays === 'all' || isWorkday(day, calendar));
  if (cadence === 'monthly') return [month];
  if (cadence === 'quarterly') {
    const { quarter, lastMonth } = quarterOf(month);
    return lastMonth ? [quarter] : [];
  }
  return [];
}

function emptyRow(managerId: string, managerName: string, unit: string, grades: string[], withCopy: boolean): DashboardRow {
  return {
    managerId,
    managerName,
    unit,
    documents: 0,
    byKind: Object.fromEntries(dashboardKinds.map((kind) => [kind, 0])) as Record<DocumentKind, number>,
    expected: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    pending: 0,
    onTimeRate: null,
    grades: Object.fromEntries(grades.map((grade) => [grade, 0])),
    ungraded: 0,
    goodShare: null,
    comments: { open: 0, fixed: 0, resolved: 0 },
    praise: 0,
    critique: 0,
    copyFlagged: withCopy ? 0 : null,
    below: [],
    documentIds: [],
  };
}

/** Rates and below-target flags from a row's counts. */
function finish(row: DashboardRow, goodGrades: string[], targets: { onTime: number; goodGrade: number }): DashboardRow {
  const due = row.onTime + row.late + row.missing;
  row.expected = due;
  row.onTimeRate = due > 0 ? row.onTime / due : null;
  const graded = Object.values(row.grades).reduce((sum, count) => sum + count, 0);
  row.ungraded = row.documents - graded;
  row.goodShare = graded > 0 ? goodGrades.reduce((sum, grade) => sum + (row.grades[grade] ?? 0), 0) / graded : null;
  row.below = [];
  if (row.onTimeRate !== null && row.onTimeRate < targets.onTime) row.below.push('onTime');
  if (row.goodShare !== null && row.goodShare < targets.goodGrade) row.below.push('goodGrade');
  return row;
}

/** The dashboard's figures from plain data (see the module comment). Pure. */
export function computeDashboard(input: DashboardInput): DashboardView {
  const { period: month, settings } = input;
  const withCopy = !!input.withCopyFlags;
  const goodGrades = input.grades.slice(0, Math.max(1, settings.goodGrades));
  const targets = { onTime: settings.onTimeTarget, goodGrade: settings.goodGradeTarget };
  const cadenceOf = new Map(input.templates.map((template) => [template.id, template.cadence]));
  const expectedKinds: { kind: DocumentKind; cadence: Cadence }[] = [];
  for (const template of input.templates) {
    if (template.subjectKey || !['daily', 'monthly', 'quarterly'].includes(template.cadence)) continue;
    if (input.kind && template.kind !== input.kind) continue;
    if (!expectedKinds.some((entry) => entry.kind === template.kind && entry.cadence === template.cadence)) {
      expectedKinds.push({ kind: template.kind, cadence: template.cadence });
    }
  }

  const rows = new Map<string, DashboardRow>();
  for (const manager of input.managers) rows.set(manager.id, emptyRow(manager.id, manager.name, manager.unit, input.grades, withCopy));
  const documents = input.documents.filter(
    (document) => document.status !== 'draft' && inMonth(document.period, month) && (!input.kind || document.kind === input.kind),
  );
  for (const document of documents) {
    let row = rows.get(document.authorId);
    if (!row) {
      row = emptyRow(document.authorId, document.authorName, '', input.grades, withCopy);
      rows.set(document.authorId, row);
    }
    row.documents++;
    row.documentIds.push(document.id);
    row.byKind[document.kind] = (row.byKind[document.kind] ?? 0) + 1;
    const onTime = isOnTime(cadenceOf.get(document.templateId) ?? 'none', document.period, document.firstSubmittedAt, input.now, input.rule, input.calendar);
    if (onTime === true) row.onTime++;
    if (onTime === false) row.late++;
    if (document.grade && document.grade in row.grades) row.grades[document.grade]++;
    row.comments.open += document.comments.open;
    row.comments.fixed += document.comments.fixed;
    row.comments.resolved += document.comments.resolved;
    if (document.meetingFlag === 'praise') row.praise++;
    if (document.meetingFlag === 'critique') row.critique++;
    if (withCopy && document.copyFlagged) row.copyFlagged = (row.copyFlagged ?? 0) + 1;
  }

  // Missing and pending: expected periods without a submitted document of the kind.
  const submittedKeys = new Set(documents.map((document) => `${document.authorId}\u0000${document.kind}\u0000${document.period.trim()}`));
  const joined = new Map(input.managers.map((manager) => [manager.id, manager.joinedOn]));
  for (const row of rows.values()) {
    for (const { kind, cadence } of expectedKinds) {
      for (const expected of expectedPeriods(cadence, month, settings, input.calendar)) {
        if (submittedKeys.has(`${row.managerId}\u0000${kind}\u0000${expected}`)) continue;
        if (!owes(expected, joined.get(row.managerId))) continue;
        const deadline = deadlineFor(cadence, expected, input.rule, input.calendar);
        if (!deadline) continue;
        if (input.now.getTime() >= deadline.getTime()) row.missing++;
        else row.pending++;
      }
    }
  }

  const ordered = [...rows.values()].map((row) => finish(row, goodGrades, targets));
  const totals = emptyRow('', '合计', '', input.grades, withCopy);
  for (const row of ordered) {
    totals.documents += row.documents;
    totals.documentIds.push(...row.documentIds);
    for (const kind of dashboardKinds) totals.byKind[kind] += row.byKind[kind];
    totals.onTime += row.onTime;
    totals.late += row.late;
    totals.missing += row.missing;
    totals.pending += row.pending;
    for (const grade of input.grades) totals.grades[grade] += row.grades[grade] ?? 0;
    totals.comments.open += row.comments.open;
    totals.comments.fixed += row.comments.fixed;
    totals.comments.resolved += row.comments.resolved;
    totals.praise += row.praise;
    totals.critique += row.critique;
    if (withCopy) totals.copyFlagged = (totals.copyFlagged ?? 0) + (row.copyFlagged ?? 0);
  }
  return {
    period: month,
    ...(input.kind ? { kind: input.kind } : {}),
    grades: input.grades,
    goodGrades,
    targets,
    rows: ordered,
    totals: finish(totals, goodGrades, targets),
    expectedKinds,
  };
}

/** A rate as the page and the sheet print it: 87.5%, or 无数据 when there is nothing to count. */
export function formatRate(rate: number | null, noData = '无数据'): string {
  if (rate === null || !Number.isFinite(rate)) return noData;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
