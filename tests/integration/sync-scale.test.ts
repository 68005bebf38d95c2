import { describe, expect, it } from 'vitest';
import { monthPlan, officeMonth, singleMachineMonth, type MonthOptions } from '../helpers/sync-month';

/**
 * 30 people on a plain shared folder over a simulated month of 22 working days (no engine: the test copies files
 * as an engine would — temporary names, half-arrived files, reordering, held-back files, conflict copies,
 * duplicates, late deletions — and one manager's machine is away for the second week, so a week of their
 * packages arrives late): daily logs, the monthly report, the supervisor's comments, returns and approvals,
 * replies, 已整改, resubmissions and a 撤回. Nothing lost or doubled, and the supervisor's inbox, every document's
 * status and grade, the review records and the whole 台账 workbook equal a single-machine run of the same acts.
 */
const month: MonthOptions = { people: Number(process.env.SYNC_SCALE_PEOPLE ?? 30), workdays: Number(process.env.SYNC_SCALE_DAYS ?? 22), writeChance: 0.5, seed: 14 };

/** The inbox without the 疑似雷同 scores (each machine checks against its pools as they stand when a submission arrives); the flags are compared below. */
function withoutCopyFlags(inbox: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inbox).map(([key, entry]) => {
    const { copy: _copy, ...rest } = entry as Record<string, unknown>;
    return [key, rest];
  }));
}

describe('a 30-person office over a simulated month', () => {
  it('loses nothing, doubles nothing, and ends where one machine would', async () => {
    const started = performance.now();
    const single = await singleMachineMonth(month);
    const office = await officeMonth(month);
    const seconds = (performance.now() - started) / 1000;
    console.info(`sync-scale: ${month.people} people, ${month.workdays} working days, ${office.documents} documents, ${office.recordCount} records, ${office.imported} packages imported, ${office.passes} passes; ${seconds.toFixed(1)} s`);
    // 0 lost, 0 doubled: every record of every manager's document is on the supervisor's machine exactly once, and the other way round.
    expect(office.lostOrDoubled).toEqual([]);
    expect(single.documents).toBeGreaterThan(month.people * month.workdays * 0.4);
    expect(office.documents).toBe(single.documents);
    expect(office.recordCount).toBe(single.recordCount);
    expect(office.statuses).toEqual(single.statuses);
    expect(office.records).toEqual(single.records);
    expect(withoutCopyFlags(office.inbox)).toEqual(withoutCopyFlags(single.inbox));
    // Submissions are copy-checked on arrival too (against the pools as they stand then): the same ones are 疑似雷同.
    const flagged = (inbox: Record<string, unknown>) =>
      Object.entries(inbox).filter(([, entry]) => (entry as { copy?: { flagged: boolean } }).copy?.flagged).map(([key]) => key).sort();
    const checked = (inbox: Record<string, unknown>) => Object.values(inbox).filter((entry) => (entry as { copy?: unknown }).copy).length;
    expect(flagged(office.inbox)).toEqual(flagged(single.inbox));
    expect(checked(single.inbox)).toBeGreaterThan(0);
    expect(checked(office.inbox)).toBe(checked(single.inbox));
    expect(Object.keys(office.workbook).sort()).toEqual(Object.keys(single.workbook).sort());
    for (const sheet of Object.keys(single.workbook)) expect(office.workbook[sheet], sheet).toEqual(single.workbook[sheet]);
    // The month had what it should: monthly reports, a withdrawal and a resubmission after it, returns and approvals.
    const statuses = Object.entries(single.statuses);
    expect(statuses.filter(([key]) => key.includes('/fixture-month/')).length).toBe(month.people - 1);
    expect(Object.values(single.records).filter((log) => log.some((line) => line.includes('"type":"withdraw"')))).toHaveLength(1);
    expect(Object.values(single.records).some((log) => log.some((line) => line.includes('"type":"mark-fixed"')))).toBe(true);
    expect(statuses.some(([, status]) => status.startsWith('approved r2'))).toBe(true);
    // The engine really did what engines do, and the away week's packages really arrived late.
    expect(office.engine!.heldBack).toBeGreaterThan(0);
    expect(office.engine!.halfWritten).toBeGreaterThan(0);
    expect(office.engine!.conflictCopies).toBeGreaterThan(0);
    expect(office.engine!.duplicates).toBeGreaterThan(0);
    expect(office.engine!.deleted).toBeGreaterThan(0);
    if (monthPlan(month).held) expect(office.arrivedLate).toBeGreaterThan(0);
  }, 600_000);
});
