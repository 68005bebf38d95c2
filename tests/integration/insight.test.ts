import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import { loadDemoData } from '../../electron/core/demo/use-cases';
import { openStore } from '../../electron/store/open-store';
import { copyCheckPath } from '../../electron/store/insight-repository';
import { makeTempDir, office, openTempStore } from '../helpers/temp-store';
import { existsSync } from 'node:fs';

function paragraph(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

describe('copy detection in the store', () => {
  it('checks the shipped demo office on loading: the planted copy is 疑似雷同, nothing else is', async () => {
    const dataDir = await makeTempDir();
    const store = await openStore({ dataDir, seedsDir: path.resolve(__dirname, '..', '..', 'seeds'), backgroundCheck: false });
    try {
      await loadDemoData({ profile: null, services: store.services });
      const scores = await store.services.insight.copyScores();
      const submitted = (await store.services.reports.list()).filter((summary) => summary.status !== 'draft');
      expect([...scores.keys()].sort()).toEqual(submitted.map((summary) => summary.id).sort());
      const flagged = [...scores].filter(([, score]) => score.score >= 0.4).map(([id]) => id);
      expect(flagged).toEqual(['demo-wl-wangqiang-2026-11-25']);
      const result = await store.services.insight.getCopyCheck('demo-wl-wangqiang-2026-11-25', 1);
      expect(new Set(result!.matches.map((match) => match.source.docId))).toEqual(new Set(['demo-wl-lina-2026-11-25']));
      expect(existsSync(copyCheckPath(dataDir, 'demo-wl-wangqiang-2026-11-25', 1))).toBe(true);
      // Loading again adds nothing and checks nothing again.
      await loadDemoData({ profile: null, services: store.services });
      expect((await store.services.insight.copyScores()).size).toBe(scores.size);
    } finally {
      await store.close();
    }
    // A fresh process reads the scores back from the data folder.
    const reopened = await openStore({ dataDir, seedsDir: path.resolve(__dirname, '..', '..', 'seeds'), backgroundCheck: false });
    try {
      expect((await reopened.services.insight.copyScores()).get('demo-wl-wangqiang-2026-11-25')?.score).toBeGreaterThanOrEqual(0.4);
      expect((await reopened.services.insight.fingerprints('peer:work-log:2026-11')).map((entry) => entry.id)).toContain('demo-wl-lina-2026-11-25');
    } finally {
      await reopened.close();
    }
  });

  it('never fails a submission because of the copy check; the supervisor’s view computes it on demand', async () => {
    const { store, dispatcher } = await openTempStore({ seed: true });
    const insight = store.services.insight;
    const original = insight.fingerprints.bind(insight);
    insight.fingerprints = async () => {
      throw new Error('disk full');
    };
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const submitted = await dispatcher.dispatch('reports:submit', office.manager, { id: office.draft, baseRev: 1 });
      expect(submitted).toMatchObject({ ok: true, value: { status: 'submitted' } });
      expect(warnings.length).toBe(1);
    } finally {
      console.warn = warn;
      insight.fingerprints = original;
    }
    expect(await insight.getCopyCheck(office.draft, 1)).toBeNull();
    const view = await dispatcher.dispatch('insight:copy-check', office.supervisor, { id: office.draft });
    expect(view).toMatchObject({ ok: true, value: { stored: false, result: { docId: office.draft, revision: 1 } } });
  });

  it('checks a resubmission again, against other documents but not against its own first revision', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const as = async <T>(profile: string, channel: string, input: unknown): Promise<T> => {
      const result = await dispatcher.dispatch(channel, profile, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    await as(office.supervisor, 'review:decide', { id: office.submitted, decision: 'return', grade: '需改进', reason: '缺少原因', meetingFlag: 'none' });
    const { report } = await as<ChannelOutput<'reports:get'>>(office.manager, 'reports:get', { id: office.submitted });
    // The revision copies 李娜's approved analysis with a word changed.
    const saved = await as<ChannelOutput<'reports:save-draft'>>(office.manager, 'reports:save-draft', {
      id: office.submitted,
      baseRev: report.rev,
      metadata: {},
      sections: { summary: { type: 'richtext', doc: paragraph('城南商店销量平稳，已完成本月陈列调整。走访东街烟酒店，库存偏高，建议控制进货。') } },
    });
    await as(office.manager, 'reports:submit', { id: office.submitted, baseRev: saved.rev });
    const view = await as<ChannelOutput<'insight:copy-check'>>(office.supervisor, 'insight:copy-check', { id: office.submitted });
    expect(view.result.revision).toBe(2);
    expect(view.result.matches.map((match) => [match.category, match.source.docId])).toEqual([['peer', office.otherApproved]]);
    const first = await as<ChannelOutput<'insight:copy-check'>>(office.supervisor, 'insight:copy-check', { id: office.submitted, revision: 1 });
    expect(first.result).toMatchObject({ revision: 1, score: 0 });
    // The writer never sees the check (others' passages are in it).
    expect(await dispatcher.dispatch('insight:copy-check', office.manager, { id: office.submitted })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
