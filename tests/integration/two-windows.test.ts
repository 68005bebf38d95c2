import http from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import type { ChangeEvent } from '../../electron/api/channels';
import type { Result } from '../../electron/api/result';
import type { MergeOverlap } from '../../electron/core/reports/merge';
import type { Report, SectionContent } from '../../electron/core/common/schemas/report';
import { richTextToPlain } from '../../electron/core/common/text/rich-text';
import { hashFolder, office, openTempStore, type TempStore } from '../helpers/temp-store';
import { startTestServer } from '../helpers/transports';
import { tokenHeader } from '../../electron/server/http-transport';

function paragraph(text: string): SectionContent {
  return { type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
}

async function ok<T>(store: TempStore, channel: string, input: unknown, profile: string = office.manager): Promise<T> {
  const result = await store.dispatcher.dispatch(channel, profile, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Two editors opened on the same draft: each saves only the parts it changed, with the base it edited from. */
async function twoWindows() {
  const store = await openTempStore({ seed: true });
  const { report } = await ok<ChannelOutput<'reports:get'>>(store, 'reports:get', { id: office.draft });
  const save = (parts: { sections?: Record<string, SectionContent>; metadata?: Record<string, string> }, baseRev = report.rev) =>
    store.dispatcher.dispatch('reports:save-draft', office.manager, {
      id: office.draft,
      baseRev,
      metadata: parts.metadata ?? {},
      sections: parts.sections ?? {},
      base: {
        metadata: Object.fromEntries(Object.keys(parts.metadata ?? {}).map((key) => [key, report.metadata[key] ?? ''])),
        sections: Object.fromEntries(Object.keys(parts.sections ?? {}).map((id) => [id, report.sections[id] ?? null])),
      },
    });
  return { store, report, save };
}

describe('two windows on one draft', () => {
  it('keep both edits when they change different sections, whatever revision each started from', async () => {
    const { store, save } = await twoWindows();
    const first = await save({ sections: { summary: paragraph('窗口甲：走访东街烟酒店，库存偏高。') } });
    expect(first.ok).toBe(true);
    // Window B still thinks the document is at the first revision.
    const second = await save({
      sections: { visits: { type: 'table', rows: [{ id: 'r1', cells: { 店名: '西街便利店', 销量: 30, 库存: 12 } }] } },
      metadata: { 店名: '西街便利店' },
    });
    expect(second.ok, JSON.stringify(second)).toBe(true);
    const stored = (await store.services.reports.get(office.draft))!;
    expect(richTextToPlain((stored.sections['summary'] as Extract<SectionContent, { type: 'richtext' }>).doc)).toBe('窗口甲：走访东街烟酒店，库存偏高。');
    expect(stored.sections['visits']).toEqual({ type: 'table', rows: [{ id: 'r1', cells: { 店名: '西街便利店', 销量: 30, 库存: 12 } }] });
    expect(stored.metadata['店名']).toBe('西街便利店');
  });

  it('merge a table row by row: different rows from each window are both kept', async () => {
    const { store, report } = await twoWindows();
    const rows = [
      { id: 'a', cells: { 店名: '甲店', 销量: 10 } },
      { id: 'b', cells: { 店名: '乙店', 销量: 20 } },
    ];
    const seeded = await ok<Report>(store, 'reports:save-draft', { id: office.draft, baseRev: report.rev, metadata: {}, sections: { visits: { type: 'table', rows } } });
    const base = { visits: seeded.sections['visits']! };
    const windowA = await store.dispatcher.dispatch('reports:save-draft', office.manager, {
      id: office.draft,
      baseRev: seeded.rev,
      metadata: {},
      sections: { visits: { type: 'table', rows: [{ id: 'a', cells: { 店名: '甲店', 销量: 11 } }, rows[1]] } },
      base: { sections: base },
    });
    expect(windowA.ok).toBe(true);
    const windowB = await store.dispatcher.dispatch('reports:save-draft', office.manager, {
      id: office.draft,
      baseRev: seeded.rev,
      metadata: {},
      sections: { visits: { type: 'table', rows: [rows[0], { id: 'b', cells: { 店名: '乙店', 销量: 22 } }, { id: 'c', cells: { 店名: '丙店', 销量: 5 } }] } },
      base: { sections: base },
    });
    expect(windowB.ok, JSON.stringify(windowB)).toBe(true);
    const stored = (await store.services.reports.get(office.draft))!;
    expect(stored.sections['visits']).toEqual({
      type: 'table',
      rows: [
        { id: 'a', cells: { 店名: '甲店', 销量: 11 } },
        { id: 'b', cells: { 店名: '乙店', 销量: 22 } },
        { id: 'c', cells: { 店名: '丙店', 销量: 5 } },
      ],
    });
  });

  it('refuse only a real overlap, naming that part and carrying both versions of it; nothing is written', async () => {
    const { store, save } = await twoWindows();
    expect((await save({ sections: { summary: paragraph('窗口甲的今日工作。') } })).ok).toBe(true);
    const before = await hashFolder(store.dataDir);
    const refused = await save({ sections: { summary: paragraph('窗口乙的今日工作。'), notes: { type: 'fields', values: { 天气: '晴' } } } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('conflict');
    expect(refused.error.key).toBe('report.overlap');
    expect(refused.error.message).toContain('“今日工作”');
    expect(refused.error.message).not.toContain('其他事项');
    const details = refused.error.details as { current: Report; overlaps: MergeOverlap[] };
    expect(details.overlaps).toHaveLength(1);
    const [overlap] = details.overlaps;
    expect(overlap).toMatchObject({ kind: 'section', sectionId: 'summary' });
    if (overlap?.kind !== 'section') return;
    expect(richTextToPlain((overlap.mine as Extract<SectionContent, { type: 'richtext' }>).doc)).toBe('窗口乙的今日工作。');
    expect(richTextToPlain((overlap.theirs as Extract<SectionContent, { type: 'richtext' }>).doc)).toBe('窗口甲的今日工作。');
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('a save without a base is still refused on a stale revision (older clients, the CLI)', async () => {
    const { store, report } = await twoWindows();
    await ok(store, 'reports:save-draft', { id: office.draft, baseRev: report.rev, metadata: {}, sections: { summary: paragraph('先保存的') } });
    const stale = await store.dispatcher.dispatch('reports:save-draft', office.manager, { id: office.draft, baseRev: report.rev, metadata: {}, sections: { notes: { type: 'fields', values: { 天气: '雨' } } } });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict');
  });
});

/** Read Server-Sent Events from the browser-mode server until `count` change events arrived. */
function readEvents(port: number, token: string, count: number, headers: Record<string, string> = {}): { events: Promise<ChangeEvent[]>; ready: Promise<number>; close(): void } {
  let request: http.ClientRequest;
  let resolveReady!: (status: number) => void;
  const ready = new Promise<number>((resolve) => (resolveReady = resolve));
  const events = new Promise<ChangeEvent[]>((resolve, reject) => {
    const received: ChangeEvent[] = [];
    request = http.get({ host: '127.0.0.1', port, path: '/events', headers: { [tokenHeader]: token, ...headers } }, (response) => {
      resolveReady(response.statusCode ?? 0);
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: change') && data) received.push(JSON.parse(data.slice(6)) as ChangeEvent);
          if (received.length >= count) resolve(received);
        }
      });
      response.on('end', () => resolve(received));
    });
    request.on('error', reject);
  });
  return { events, ready, close: () => request.destroy() };
}

describe('the change feed', () => {
  it('tells every open window (SSE in browser mode) which document changed and its new revision', async () => {
    const store = await openTempStore({ seed: true });
    const server = await startTestServer({ dispatcher: store.dispatcher });
    const feed = readEvents(server.port, server.token, 2);
    onTestFinishedClose(feed);
    expect(await feed.ready).toBe(200);
    const { report } = await ok<ChannelOutput<'reports:get'>>(store, 'reports:get', { id: office.draft });
    const saved = await ok<Report>(store, 'reports:save-draft', { id: office.draft, baseRev: report.rev, metadata: {}, sections: { summary: paragraph('新的内容') } });
    await ok(store, 'review:comment', { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '请补充' }, office.supervisor);
    expect(await feed.events).toEqual([
      { docId: office.draft, rev: saved.rev, channel: 'reports:save-draft' },
      { docId: office.submitted, channel: 'review:comment' },
    ]);
  });

  it('is behind the same token and origin checks as the API', async () => {
    const store = await openTempStore({ seed: true });
    const server = await startTestServer({ dispatcher: store.dispatcher });
    const noToken = readEvents(server.port, 'wrong-token', 1);
    onTestFinishedClose(noToken);
    expect(await noToken.ready).toBe(401);
    const foreign = readEvents(server.port, server.token, 1, { origin: 'http://evil.example' });
    onTestFinishedClose(foreign);
    expect(await foreign.ready).toBe(403);
  });

  it('is not told about refused calls', async () => {
    const store = await openTempStore({ seed: true });
    const seen: ChangeEvent[] = [];
    store.dispatcher.onChange((event) => seen.push(event));
    const refused: Result<unknown> = await store.dispatcher.dispatch('reports:save-draft', office.otherManager, { id: office.draft, baseRev: 1, metadata: {}, sections: {} });
    expect(refused.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});

function onTestFinishedClose(feed: { close(): void }): void {
  onTestFinished(() => feed.close());
}
