import { describe, expect, it } from 'vitest';
import { officeMonth, singleMachineMonth, type MonthOptions } from '../helpers/sync-month';

/**
 * 30 people on a plain shared folder over a simulated month (no engine: the test copies files as an engine
 * would — temporary names, half-arrived files, reordering, held-back files, conflict copies, duplicates, late
 * deletions): nothing lost or doubled, and the supervisor's inbox and 台账 equal a single-machine run.
 */
const month: MonthOptions = { people: Number(process.env.SYNC_SCALE_PEOPLE ?? 30), workdays: Number(process.env.SYNC_SCALE_DAYS ?? 4), writeChance: 0.5, seed: 14 };

describe('a 30-person office over a simulated month', () => {
  it('loses nothing, doubles nothing, and ends where one machine would', async () => {
    const single = await singleMachineMonth(month);
    const office = await officeMonth(month);
    expect(office.lostOrDoubled).toEqual([]);
    expect(single.documents).toBeGreaterThan(month.people * month.workdays * 0.15);
    expect(office.documents).toBe(single.documents);
    expect(office.records).toBe(single.records);
    expect(office.inbox).toEqual(single.inbox);
    expect(office.register).toEqual(single.register);
    // The engine really did what engines do.
    expect(office.engine!.heldBack).toBeGreaterThan(0);
    expect(office.engine!.halfWritten).toBeGreaterThan(0);
    expect(office.engine!.conflictCopies).toBeGreaterThan(0);
    expect(office.engine!.deleted).toBeGreaterThan(0);
  }, 600_000);
});
