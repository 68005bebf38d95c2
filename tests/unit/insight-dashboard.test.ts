import { describe, expect, it } from 'vitest';
import { defaultOnTimeRule } from '../../electron/core/calendar/on-time';
import { computeDashboard, formatRate, inMonth, type DashboardDocument, type DashboardInput } from '../../electron/core/insight/dashboard';
import { defaultInsightSettings } from '../../electron/core/insight/schema';

const noComments = { open: 0, fixed: 0, resolved: 0 };

function document(partial: Partial<DashboardDocument> & Pick<DashboardDocument, 'id' | 'authorId' | 'period'>): DashboardDocument {
  return {
    templateId: 'log',
    kind: 'work-log',
    authorName: partial.authorId,
    status: 'submitted',
    comments: noComments,
    ...partial,
  };
}

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    period: '2026-11',
    // 2026-11-27 10:00 Beijing time: every weekday log up to the 26th is due, the November report is not (due 5 Dec).
    now: new Date('2026-11-27T02:00:00.000Z'),
    rule: defaultOnTimeRule,
    settings: { ...defaultInsightSettings },
    grades: ['优秀', '良好', '合格', '需改进'],
    managers: [
      { id: 'zhang', name: '张伟', unit: '城关片区' },
      { id: 'li', name: '李娜', unit: '城东片区' },
      { id: 'empty', name: '赵强', unit: '城北片区' },
    ],
    templates: [
      { id: 'log', kind: 'work-log', cadence: 'daily' },
      { id: 'ma', kind: 'market-analysis', cadence: 'monthly' },
      { id: 'gb', kind: 'guidance-booklet', cadence: 'monthly', subjectKey: '许可证号' },
      { id: 'rs', kind: 'research', cadence: 'none' },
    ],
    documents: [
      // 张伟: a log on time (submitted the same evening), one late (next morning), a draft, the monthly report early.
      document({ id: 'z1', authorId: 'zhang', period: '2026-11-19', firstSubmittedAt: '2026-11-19T12:00:00.000Z', grade: '良好', comments: { open: 1, fixed: 1, resolved: 0 } }),
      document({ id: 'z2', authorId: 'zhang', period: '2026-11-20', firstSubmittedAt: '2026-11-21T01:00:00.000Z', grade: '需改进', meetingFlag: 'critique', status: 'returned' }),
      document({ id: 'z3', authorId: 'zhang', period: '2026-11-25', status: 'draft' }),
      document({ id: 'z4', authorId: 'zhang', kind: 'market-analysis', templateId: 'ma', period: '2026-11', firstSubmittedAt: '2026-11-26T03:00:00.000Z', grade: '优秀', meetingFlag: 'praise', status: 'approved', copyFlagged: true }),
      // 李娜: a booklet (no fixed number expected, but a deadline) and a research report (no deadline), last month's log.
      document({ id: 'l1', authorId: 'li', kind: 'guidance-booklet', templateId: 'gb', period: '2026-11', firstSubmittedAt: '2026-11-20T03:00:00.000Z', comments: { open: 0, fixed: 0, resolved: 2 } }),
      document({ id: 'l2', authorId: 'li', kind: 'research', templateId: 'rs', period: '2026-11', firstSubmittedAt: '2026-11-21T03:00:00.000Z' }),
      document({ id: 'l3', authorId: 'li', period: '2026-10-30', firstSubmittedAt: '2026-10-30T10:00:00.000Z' }),
    ],
    withCopyFlags: true,
    ...overrides,
  };
}

/** Weekdays of November 2026 up to the 26th (the 1st is a Sunday): 5 + 5 + 5 + 4. */
const dueLogs = 19;

describe('dashboard figures', () => {
  it('counts per manager: documents by kind, on time / late / missing against the cadence, grades, comments, meetings', () => {
    const view = computeDashboard(input());
    expect(view.rows.map((row) => row.managerName)).toEqual(['张伟', '李娜', '赵强']);
    const [zhang, li, empty] = view.rows;
    expect(zhang).toMatchObject({
      documents: 3,
      byKind: { 'work-log': 2, 'market-analysis': 1, research: 0, 'guidance-booklet': 0, custom: 0 },
      onTime: 2,
      late: 1,
      missing: dueLogs - 2,
      // Friday the 27th and Monday the 30th are not due yet (the report, not due either, is in).
      pending: 2,
      expected: dueLogs + 1,
      grades: { 优秀: 1, 良好: 1, 合格: 0, 需改进: 1 },
      ungraded: 0,
      comments: { open: 1, fixed: 1, resolved: 0 },
      praise: 1,
      critique: 1,
      copyFlagged: 1,
      documentIds: ['z1', 'z2', 'z4'],
    });
    expect(zhang.onTimeRate).toBeCloseTo(2 / 20);
    expect(zhang.goodShare).toBeCloseTo(2 / 3);
    expect(zhang.below).toEqual(['onTime']);
    // The booklet has a deadline (on time) but no expected count; research has no deadline at all.
    expect(li).toMatchObject({ documents: 2, onTime: 1, late: 0, missing: dueLogs, pending: 3, goodShare: null, ungraded: 2, comments: { open: 0, fixed: 0, resolved: 2 } });
    expect(li.onTimeRate).toBeCloseTo(1 / 20);
    // A manager with no documents: every due log missing, no grades to share.
    expect(empty).toMatchObject({ documents: 0, onTime: 0, late: 0, missing: dueLogs, onTimeRate: 0, goodShare: null, copyFlagged: 0, below: ['onTime'] });
    expect(view.totals).toMatchObject({ managerName: '合计', documents: 5, onTime: 3, late: 1, missing: 3 * dueLogs - 2, praise: 1, critique: 1, copyFlagged: 1 });
    expect(view.totals.onTimeRate).toBeCloseTo(3 / (3 + 1 + 3 * dueLogs - 2));
    expect(view.expectedKinds).toEqual([
      { kind: 'work-log', cadence: 'daily' },
      { kind: 'market-analysis', cadence: 'monthly' },
    ]);
  });

  it('shows 无数据, never NaN, for an empty period, a manager with nothing due, or nothing graded', () => {
    // A month that has not started: nothing is due, nothing submitted.
    const future = computeDashboard(input({ period: '2027-01' }));
    for (const row of [...future.rows, future.totals]) {
      expect(row).toMatchObject({ documents: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null, goodShare: null, below: [] });
    }
    expect(formatRate(future.totals.onTimeRate)).toBe('无数据');
    expect(JSON.stringify(future)).not.toMatch(/NaN|null,"goodShare":NaN|Infinity/);
    const walk = (value: unknown): void => {
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(future);
    walk(computeDashboard(input({ documents: [], managers: [] })));
    expect(computeDashboard(input({ documents: [], managers: [] })).rows).toEqual([]);
  });

  it('filters by kind, counts every day when the office logs every day, and names who is below target', () => {
    const logs = computeDashboard(input({ kind: 'work-log' }));
    expect(logs.rows[0]).toMatchObject({ documents: 2, missing: dueLogs - 2, pending: 2, byKind: { 'market-analysis': 0 } });
    const everyDay = computeDashboard(input({ settings: { ...defaultInsightSettings, dailyLogDays: 'all' } }));
    expect(everyDay.rows[2].missing).toBe(26);
    const lenient = computeDashboard(input({ settings: { ...defaultInsightSettings, onTimeTarget: 0.05, goodGradeTarget: 0.9 } }));
    expect(lenient.rows[0].below).toEqual(['goodGrade']);
    expect(lenient.rows[2].below).toEqual(['onTime']);
  });

  it('places periods in their month', () => {
    expect(inMonth('2026-11-05', '2026-11')).toBe(true);
    expect(inMonth('2026-11', '2026-11')).toBe(true);
    expect(inMonth('2026-1', '2026-11')).toBe(false);
    expect(inMonth('2026-Q4', '2026-12')).toBe(true);
    expect(inMonth('2026-Q4', '2026-11')).toBe(false);
    expect(formatRate(0.875)).toBe('87.5%');
  });
});
