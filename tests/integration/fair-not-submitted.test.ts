import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import { calendar2026, isWorkday, workdayOnOrAfter } from '../../electron/core/calendar/office-calendar';
import { deadlineFor, defaultOnTimeRule, isOnTime } from '../../electron/core/calendar/on-time';
import { computeDashboard } from '../../electron/core/insight/dashboard';
import { defaultInsightSettings } from '../../electron/core/insight/schema';
import { fixedClock, hashFolder, office, openTempStore, type TempStore } from '../helpers/temp-store';

type NotSubmitted = ChannelOutput<'review:not-submitted'>;

async function notSubmitted(store: TempStore, period: string): Promise<NotSubmitted[number]> {
  const result = await store.dispatcher.dispatch('review:not-submitted', office.supervisor, { period });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const entry = (result.value as NotSubmitted).find((item) => item.templateId === office.templateId);
  if (!entry) throw new Error('the fixture log template is daily');
  return entry;
}

describe('the office calendar (2026 schedule of the State Council)', () => {
  it('knows holidays, 调休 workdays and ordinary weekends', () => {
    expect(isWorkday('2026-10-05', calendar2026)).toBe(false); // 国庆 (a Monday)
    expect(isWorkday('2026-10-10', calendar2026)).toBe(true); // 调休 Saturday
    expect(isWorkday('2026-02-14', calendar2026)).toBe(true); // 春节前调休 Saturday
    expect(isWorkday('2026-02-23', calendar2026)).toBe(false); // 春节 (a Monday)
    expect(isWorkday('2026-12-05', calendar2026)).toBe(false); // an ordinary Saturday
    expect(isWorkday('2026-12-04', calendar2026)).toBe(true);
    expect(calendar2026.holidays).toHaveLength(33);
    expect(workdayOnOrAfter('2026-10-01', calendar2026)).toBe('2026-10-08');
  });

  it('moves a deadline that falls on a day off to the next workday (台账 on time)', () => {
    // September's report is due by the 5th of October: 国庆, so by the end of Thursday 8 October, Beijing time.
    expect(deadlineFor('monthly', '2026-09', defaultOnTimeRule)?.toISOString()).toBe('2026-10-05T16:00:00.000Z');
    expect(deadlineFor('monthly', '2026-09', defaultOnTimeRule, calendar2026)?.toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(isOnTime('monthly', '2026-09', '2026-10-07T02:00:00.000Z', new Date('2026-11-01'), defaultOnTimeRule, calendar2026)).toBe(true);
    expect(isOnTime('monthly', '2026-09', '2026-10-07T02:00:00.000Z', new Date('2026-11-01'), defaultOnTimeRule)).toBe(false);
  });
});

describe('fair 未提交', () => {
  async function officeOn(iso: string) {
    const clock = fixedClock(iso);
    const store = await openTempStore({ seed: true, clock });
    return { store, clock };
  }

  it('lists nobody before a period is due, and says until when', async () => {
    // 4 December 2026, 10:00 Beijing time: today's log is due tonight, December's report on 5 January.
    const { store } = await officeOn('2026-12-04T02:00:00.000Z');
    const today = await notSubmitted(store, '2026-12-04');
    expect(today).toMatchObject({ period: '2026-12-04', state: 'not-due', missing: [], dueAt: '2026-12-04T16:00:00.000Z' });
    const yesterday = await notSubmitted(store, '2026-12-03');
    expect(yesterday.state).toBe('due');
    expect(yesterday.missing.map((manager) => manager.id).sort()).toEqual([office.manager, office.otherManager].sort());
  });

  it('expects no daily log on a holiday or weekend, and one on a 调休 Saturday', async () => {
    const { store } = await officeOn('2026-12-04T02:00:00.000Z');
    expect(await notSubmitted(store, '2026-10-05')).toMatchObject({ state: 'day-off', missing: [] });
    expect(await notSubmitted(store, '2026-11-28')).toMatchObject({ state: 'day-off', missing: [] });
    const worked = await notSubmitted(store, '2026-10-10');
    expect(worked.state).toBe('due');
    expect(worked.missing.length).toBeGreaterThan(0);
  });

  it('counts from the day a person joined: a manager created on 12-04 owes nothing for 12-03 or for October', async () => {
    const { store, clock } = await officeOn('2026-12-04T02:00:00.000Z');
    const created = await store.dispatcher.dispatch('profiles:create', null, { name: '新来的', role: 'manager', unit: '城西片区' });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const newcomer = (created.value as { id: string }).id;
    expect((await notSubmitted(store, '2026-12-03')).missing.map((manager) => manager.id)).not.toContain(newcomer);
    expect((await notSubmitted(store, '2026-10-12')).missing.map((manager) => manager.id)).not.toContain(newcomer);
    // From the day after they joined, once it is due, they are listed like everyone else.
    clock.set('2026-12-08T02:00:00.000Z');
    expect((await notSubmitted(store, '2026-12-07')).missing.map((manager) => manager.id)).toContain(newcomer);

    // The dashboard agrees: no red 0.0% for October for someone who was not there.
    const dashboard = await store.dispatcher.dispatch('insight:dashboard', office.supervisor, { period: '2026-10' });
    if (!dashboard.ok) throw new Error(JSON.stringify(dashboard.error));
    const row = (dashboard.value as ChannelOutput<'insight:dashboard'>).rows.find((item) => item.managerId === newcomer)!;
    expect(row).toMatchObject({ missing: 0, onTimeRate: null });
  });

  it('the calendar is edited under 设置 by a supervisor only; a bad date is refused and nothing is written', async () => {
    const { store } = await officeOn('2026-12-04T02:00:00.000Z');
    const before = await hashFolder(store.dataDir);
    const byManager = await store.dispatcher.dispatch('settings:update', office.manager, { officeCalendar: { holidays: ['2026-12-03'], workdays: [] } });
    expect(byManager.ok ? 'ok' : byManager.error.code).toBe('forbidden');
    const bad = await store.dispatcher.dispatch('settings:update', office.supervisor, { officeCalendar: { holidays: ['2026-13-01'], workdays: [] } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-input');
    const both = await store.dispatcher.dispatch('settings:update', office.supervisor, { officeCalendar: { holidays: ['2026-12-05'], workdays: ['2026-12-05'] } });
    expect(both.ok ? 'ok' : both.error.code).toBe('invalid-input');
    expect(await hashFolder(store.dataDir)).toEqual(before);

    const saved = await store.dispatcher.dispatch('settings:update', office.supervisor, {
      officeCalendar: { holidays: [...calendar2026.holidays, '2026-12-03'], workdays: [...calendar2026.workdays] },
    });
    expect(saved.ok).toBe(true);
    expect(await notSubmitted(store, '2026-12-03')).toMatchObject({ state: 'day-off', missing: [] });
  });
});

describe('the dashboard with the calendar', () => {
  it('expects daily logs on October 2026 workdays only (国庆 off, 10-10 worked)', () => {
    const view = computeDashboard({
      period: '2026-10',
      now: new Date('2026-12-01T00:00:00Z'),
      rule: defaultOnTimeRule,
      settings: defaultInsightSettings,
      grades: ['优秀', '良好'],
      managers: [
        { id: 'a', name: '甲', unit: '' },
        { id: 'b', name: '乙', unit: '', joinedOn: '2026-10-20' },
      ],
      templates: [{ id: 'log', kind: 'work-log', cadence: 'daily' }],
      documents: [],
      calendar: calendar2026,
    });
    // October 2026: 22 weekdays, 5 of them in the 国庆 holiday (1–2, 5–7), plus the 调休 Saturday 10-10.
    expect(view.rows.find((row) => row.managerId === 'a')?.missing).toBe(18);
    // Joined on 10-20: the workdays from 20 to 30 October.
    expect(view.rows.find((row) => row.managerId === 'b')?.missing).toBe(9);
  });
});
