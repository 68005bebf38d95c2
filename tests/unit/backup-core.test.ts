import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRetention, hasBackupOnDay } from '../../electron/core/backup/retention';
import { backedUpEntries, backupFileName, backupTimeFromName, excludedEntries } from '../../electron/core/backup/schema';
import { summarizeDataFiles } from '../../electron/core/backup/summary';
import { ActGate } from '../../electron/store/backup/act-gate';

const day = 24 * 60 * 60_000;

describe('retention: 14 daily and 8 weekly', () => {
  it('keeps the newest of each of the last 14 days, then one per week for 8 weeks, prunes the rest', () => {
    // Two backups a day (09:00 and 18:00 Beijing time) for 120 days.
    const start = Date.UTC(2026, 5, 1, 1);
    const backups = [];
    for (let index = 0; index < 120; index++) {
      for (const hours of [0, 9]) {
        const at = new Date(start + index * day + hours * 3600_000);
        backups.push({ name: backupFileName(at), at });
      }
    }
    const { keep, prune } = planRetention(backups);
    expect(keep.length + prune.length).toBe(backups.length);
    const newest = backups[backups.length - 1];
    // Today's two backups, 13 earlier days (the evening one), and weeks up to 8 in all.
    expect(keep).toContain(newest.name);
    expect(keep).toContain(backups[backups.length - 2].name);
    const days = new Set(keep.map((name) => new Date(backupTimeFromName(name)!.getTime() + 8 * 3600_000).toISOString().slice(0, 10)));
    expect(days.size).toBeLessThanOrEqual(14 + 8);
    expect(days.size).toBeGreaterThanOrEqual(14);
    const oldest = Math.min(...keep.map((name) => backupTimeFromName(name)!.getTime()));
    // Nothing older than 8 weeks before the newest is kept.
    expect(newest.at.getTime() - oldest).toBeLessThan(8 * 7 * day);
    expect(newest.at.getTime() - oldest).toBeGreaterThan(6 * 7 * day);
  });

  it('counts days in office time', () => {
    // 23:30 UTC on 3 Dec is 07:30 on 4 Dec in Beijing.
    expect(hasBackupOnDay(new Date('2026-12-03T23:30:00Z'), new Date('2026-12-04T09:00:00Z'), 480)).toBe(true);
    expect(hasBackupOnDay(new Date('2026-12-03T15:30:00Z'), new Date('2026-12-04T09:00:00Z'), 480)).toBe(false);
    expect(hasBackupOnDay(null, new Date(), 480)).toBe(false);
  });

  it('names backups so they sort by time, and reads only its own names', () => {
    const at = new Date('2026-12-04T15:30:07Z');
    expect(backupFileName(at)).toBe('ReportDesk-backup-20261204-153007.rdbackup');
    expect(backupTimeFromName(backupFileName(at, 2))).toEqual(at);
    expect(backupTimeFromName('holiday-photos.zip')).toBeNull();
    expect(backupTimeFromName('ReportDesk-backup-20261304-153007.rdbackup')).toBeNull();
  });
});

describe('what a backup holds', () => {
  it('names every top-level entry the store writes, as backed up or deliberately left out', () => {
    const storeDir = path.resolve(__dirname, '..', '..', 'electron', 'store');
    const named = new Set<string>();
    for (const file of readdirSync(storeDir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(path.join(storeDir, file), 'utf8');
      for (const match of text.matchAll(/path\.join\((?:this\.)?dataDir, '([^']+)'/g)) named.add(match[1]);
    }
    expect(named.size).toBeGreaterThan(8);
    const known = new Set<string>([...backedUpEntries, ...excludedEntries]);
    expect([...named].filter((name) => !known.has(name)), 'add new data-folder entries to backedUpEntries (or excludedEntries)').toEqual([]);
  });

  it('summarises people, documents by kind and status, and review records', () => {
    const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
    const summary = summarizeDataFiles([
      { path: 'profiles/a.json', data: encode({ id: 'a', name: '张明', role: 'manager', unit: '城关片区', createdAt: '2026-01-01' }) },
      { path: 'profiles/b.json', data: encode({ id: 'b', name: '王主任', role: 'supervisor', unit: '营销部', createdAt: '2026-01-01' }) },
      { path: 'reports/ab/1.json', data: encode({ kind: 'work-log', status: 'draft' }) },
      { path: 'reports/ab/2.json', data: encode({ kind: 'work-log', status: 'approved' }) },
      { path: 'reports/ab/3.json', data: encode({ kind: 'market-analysis', status: 'submitted' }) },
      { path: 'reports/ab/broken.json', data: encode('{ not json') },
      { path: 'reviews/ab/3.ndjson', data: encode('{"a":1}\n{"a":2}\n{"torn') },
      { path: 'templates/t1/v1.json', data: encode({}) },
      { path: 'keys/a.json', data: encode({ encrypted: true }) },
    ]);
    expect(summary).toEqual({
      people: [
        { name: '张明', role: 'manager', unit: '城关片区' },
        { name: '王主任', role: 'supervisor', unit: '营销部' },
      ],
      documents: 3,
      byKind: { 'work-log': 2, 'market-analysis': 1 },
      byStatus: { draft: 1, approved: 1, submitted: 1 },
      reviewRecords: 2,
      reviewLogs: 1,
      templates: 1,
      keys: 1,
    });
  });
});

describe('the act gate', () => {
  it('lets exclusive work wait for acts in flight and holds new acts until it is done', async () => {
    const gate = new ActGate();
    const log: string[] = [];
    let releaseAct!: () => void;
    const act = gate.act(async () => {
      log.push('act 1 starts');
      await new Promise<void>((resolve) => (releaseAct = resolve));
      log.push('act 1 ends');
    });
    const exclusive = gate.exclusive(async () => {
      log.push('snapshot');
    });
    const later = gate.act(async () => {
      log.push('act 2');
    });
    await Promise.resolve();
    expect(log).toEqual(['act 1 starts']);
    releaseAct();
    await Promise.all([act, exclusive, later]);
    expect(log).toEqual(['act 1 starts', 'act 1 ends', 'snapshot', 'act 2']);
  });
});
