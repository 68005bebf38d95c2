/**
 * The store's figures: saving one document at several store sizes against the atomic-write floor, bytes
 * written per save, opening until the list is ready (and its memory), filtering and sorting the list, Chinese
 * full-text search, and the copy check a submission runs.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createDispatcher } from '../../electron/api/dispatcher';
import type { Profile } from '../../electron/core/common/schemas/profile';
import { listReports, searchReports, type ReportFilter } from '../../electron/core/reports/use-cases';
import type { Report, ReportSummary } from '../../electron/core/common/schemas/report';
import type { CallContext } from '../../electron/core/services';
import { openStore, type Store } from '../../electron/store/open-store';
import { reportFilePath } from '../../electron/store/report-repository';
import { richText } from '../seed/office';
import { areas, brands, managerNames } from '../seed/phrases';
import type { Office } from './datasets';
import { infoRow, ioCounters, limitRow, log, median, p95, ratioRow, round, runChild, type Measured } from './lib';

/** The bytes of a document file as the store writes it. */
const serialize = (report: Report) => JSON.stringify(report, null, 1);

/** The floor: the same bytes written the way any atomic write must (temporary file, fsync, rename). */
async function floorWrite(file: string, bytes: string): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temporary, file);
}

interface OpenOffice {
  office: Office;
  store: Store;
  /** The document saved again and again, and its author. */
  report: Report;
  author: Profile;
  floorFile: string;
  saves: number[];
  floors: number[];
}

/** A draft work log (or any work log) to save: the newest one, so its author is still writing. */
async function documentToSave(store: Store): Promise<{ report: Report; author: Profile }> {
  const list = await store.services.reports.list();
  const candidate = list.find((summary) => summary.kind === 'work-log' && summary.status === 'draft') ?? list.find((summary) => summary.kind === 'work-log') ?? list[0];
  const report = (await store.services.reports.get(candidate.id))!;
  const author = (await store.services.profiles.get(report.authorId))!;
  return { report, author };
}

/** The document with its analysis section's last paragraph changed (same size, new text each time). */
function edited(report: Report, round: number): Report {
  const section = report.sections['analysis'];
  const paragraphs = section?.type === 'richtext' ? (section.doc.content ?? []).map((node) => (node.content ?? []).map((child) => child.text ?? '').join('')) : ['分析'];
  const last = paragraphs.pop() ?? '';
  const stamp = `（第${String(round % 10000).padStart(4, '0')}次修改）`;
  const base = last.replace(/（第\d{4}次修改）$/, '');
  return { ...report, sections: { ...report.sections, analysis: richText([...paragraphs, `${base}${stamp}`]) }, updatedAt: new Date(Date.UTC(2026, 10, 20, 4, 0, round)).toISOString() };
}

export async function benchSaves(offices: Office[], options: { rounds: number }): Promise<Measured[]> {
  const group = '保存 Save';
  const opened: OpenOffice[] = [];
  try {
    for (const office of offices) {
      const store = await openStore({ dataDir: office.dataDir, backgroundCheck: false });
      const { report, author } = await documentToSave(store);
      const floorFile = path.join(path.dirname(reportFilePath(office.dataDir, report.id)), '.bench-floor.json');
      opened.push({ office, store, report, author, floorFile, saves: [], floors: [] });
    }
    const largest = opened[opened.length - 1];
    const dispatcher = createDispatcher(largest.store.services, { identity: { name: 'bench', version: '0' }, logError: () => undefined });
    let apiReport = largest.report;
    const apiSaves: number[] = [];
    const warmup = 10;
    // Round-robin over every store size and the floor, so they share the machine's noise.
    for (let round = 0; round < warmup + options.rounds; round++) {
      for (const item of opened) {
        const next = edited(item.report, round);
        let started = performance.now();
        item.report = await item.store.services.reports.save(next, item.report.rev);
        const save = performance.now() - started;
        started = performance.now();
        await floorWrite(item.floorFile, serialize(item.report));
        const floor = performance.now() - started;
        if (round >= warmup) {
          item.saves.push(save);
          item.floors.push(floor);
        }
      }
      if (largest.report.status === 'draft' || largest.report.status === 'returned') {
        const next = edited(largest.report, round + 5000);
        const started = performance.now();
        const result = await dispatcher.dispatch('reports:save-draft', largest.author.id, { id: next.id, baseRev: largest.report.rev, metadata: {}, sections: { analysis: next.sections['analysis'] } });
        const elapsed = performance.now() - started;
        if (!result.ok) throw new Error(`API save failed: ${result.error.message}`);
        apiReport = result.value as Report;
        largest.report = apiReport;
        if (round >= warmup) apiSaves.push(elapsed);
      }
    }

    const rows: Measured[] = [];
    for (const item of opened) {
      rows.push(
        ratioRow({
          group,
          name: `save one document at ${item.office.count.toLocaleString('en-US')} documents`,
          value: median(item.saves),
          unit: 'ms',
          baseline: 'atomic-write floor (temp + fsync + rename of the same bytes)',
          baselineValue: median(item.floors),
          limit: 2,
          short: 'floor',
          note: `median of ${item.saves.length} saves (p95 ${round(p95(item.saves), 2)} ms; floor p95 ${round(p95(item.floors), 2)} ms); document ${(Buffer.byteLength(serialize(item.report)) / 1024).toFixed(1)} KB`,
        }),
      );
    }
    const small = opened[0];
    rows.push(
      ratioRow({
        group,
        name: `save at ${largest.office.count.toLocaleString('en-US')} ÷ save at ${small.office.count.toLocaleString('en-US')} documents`,
        value: median(largest.saves),
        unit: 'ms',
        baseline: `save at ${small.office.count.toLocaleString('en-US')} documents`,
        baselineValue: median(small.saves),
        limit: 1.5,
        note: 'medians of the same interleaved rounds',
      }),
    );
    if (apiSaves.length) {
      rows.push(
        infoRow({
          group,
          name: `save through the API (reports:save-draft) at ${largest.office.count.toLocaleString('en-US')} documents`,
          value: median(apiSaves),
          unit: 'ms',
          baseline: 'atomic-write floor',
          baselineValue: median(largest.floors),
          note: 'the whole call: input validation, permission and template checks, the previous version read, the store save',
        }),
      );
    }

    // Bytes written per save, from the kernel's count for this process (saves only, nothing else running).
    const ioRounds = Math.max(10, Math.round(options.rounds / 2));
    const before = ioCounters();
    for (let round = 0; round < ioRounds; round++) {
      largest.report = await largest.store.services.reports.save(edited(largest.report, 9000 + round), largest.report.rev);
    }
    const after = ioCounters();
    const documentBytes = Buffer.byteLength(serialize(largest.report));
    if (before.available) {
      rows.push(
        ratioRow({
          group,
          name: `bytes written per save at ${largest.office.count.toLocaleString('en-US')} documents`,
          value: (after.writeBytes - before.writeBytes) / ioRounds,
          unit: 'bytes',
          baseline: 'document size',
          baselineValue: documentBytes,
          limit: 4,
          digits: 0,
          note: `/proc/self/io write_bytes over ${ioRounds} saves (page-granular: 4 KiB pages); bytes passed to write() (wchar): ${Math.round((after.writtenChars - before.writtenChars) / ioRounds)} per save — the document plus one journal line`,
        }),
      );
    }
    return rows;
  } finally {
    for (const item of opened) {
      await rm(item.floorFile, { force: true });
      await item.store.close();
    }
  }
}

export async function benchOpen(office: Office, options: { rounds: number; check: boolean }): Promise<Measured[]> {
  const group = '打开 Open';
  type Result = {
    documents: number;
    times: number[];
    baselineRss: number;
    rss: number;
    heapUsed: number;
    external: number;
    maxRss: number;
    check: { seconds: number; checked: number; again: { seconds: number; checked: number; unchanged: number } } | null;
  };
  const result = await runChild<Result>('open-child.ts', [office.dataDir, String(options.rounds), ...(options.check ? ['--check'] : [])], { nodeOptions: '--expose-gc', bundle: true });
  const warm = result.times.slice(1);
  const count = office.count.toLocaleString('en-US');
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const rows: Measured[] = [
    limitRow({
      group,
      name: `open the store until the list is ready at ${count} documents (warm)`,
      value: median(warm),
      unit: 'ms',
      limit: 100,
      note: `openStore + reports.list() in a fresh process, file cache warm; median of ${warm.length} opens after the first (first: ${round(result.times[0], 1)} ms); ${result.documents} documents listed`,
    }),
    limitRow({
      group,
      name: `memory of a process with the store open at ${count} documents`,
      value: mb(result.rss),
      unit: 'MB',
      limit: 150,
      digits: 1,
      note: `resident set size after open + list of a plain Node process running the store's code bundled as the app bundles it (Node and every module included: ${mb(result.baselineRss).toFixed(0)} MB before opening); JS heap ${mb(result.heapUsed).toFixed(0)} MB`,
    }),
  ];
  if (result.check) {
    rows.push(
      infoRow({
        group,
        name: `background check of every document file after open at ${count} documents (first pass)`,
        value: result.check.seconds,
        unit: 's',
        note: `openStore's background check with no record of an earlier pass (started 200 ms after open, reads and validates all ${result.check.checked} files one at a time, while the app stays usable)`,
      }),
      infoRow({
        group,
        name: `background check after the next open at ${count} documents`,
        value: result.check.again.seconds,
        unit: 's',
        note: `the same check on the next open: every file's signature (inode, size, modification time) compared with the last pass's, ${result.check.again.checked} files read, ${result.check.again.unchanged.toLocaleString('en-US')} unchanged`,
      }),
    );
  }
  return rows;
}

function contextFor(store: Store, profile: Profile): CallContext {
  return { profile, services: store.services };
}

/** Search queries an office would type: words from the documents, brands, areas, shops, a typo, numbers. */
export function searchQueries(): string[] {
  const words = ['存销比', '断货', '明码标价', '价签', '细支烟', '网上订货', '陈列', '订货节奏', '同比增长', '环比下降', '库存偏高', '婚宴用烟', '扫码枪故障', '许可证', '动销率', '单条均价', '一户一策', '档位', '城乡结合部', '学校周边', '资金周转', '节前备货', '结构上移', '投放量', '连锁便利店'];
  const queries = [...words, ...brands.map((brand) => brand.name), ...areas.slice(0, 15), ...managerNames.slice(0, 10)];
  queries.push('城关一片区 存销比', '黄山 断货', '便利店 细支烟', '重点品规断货率持续上升', '341122', '同比增长3.2%', '价格松动 库存偏高', '订货户数', '新品铺货', '低档位客户', '电子烟', '网格化');
  for (let index = 0; queries.length < 100; index++) queries.push(`${brands[index % brands.length].name.slice(0, 2)}${words[(index * 7) % words.length]}`);
  return queries.slice(0, 100);
}

export async function benchQueries(office: Office, options: { rounds: number; queries: number }): Promise<Measured[]> {
  const count = office.count.toLocaleString('en-US');
  const store = await openStore({ dataDir: office.dataDir, backgroundCheck: false });
  const rows: Measured[] = [];
  try {
    const profiles = await store.services.profiles.list();
    const supervisor = profiles.find((profile) => profile.role === 'supervisor')!;
    const summaries = await store.services.reports.list();
    const busiest = new Map<string, number>();
    for (const summary of summaries) busiest.set(summary.authorId, (busiest.get(summary.authorId) ?? 0) + 1);
    const manager = profiles.find((profile) => profile.id === [...busiest.entries()].sort((a, b) => b[1] - a[1])[0][0])!;

    // Filter and sort: the list a supervisor and a manager ask for, with the filters the page offers.
    const filters: [Profile, ReportFilter][] = [
      [supervisor, {}],
      [supervisor, { kind: 'market-analysis' }],
      [supervisor, { status: 'submitted' }],
      [supervisor, { period: '2025' }],
      [supervisor, { retailer: '便利' }],
      [supervisor, { kind: 'work-log', status: 'approved', period: '2026-1' }],
      [manager, {}],
      [manager, { kind: 'guidance-booklet' }],
    ];
    const timings: number[] = [];
    let largest = 0;
    for (let round = 0; round < options.rounds + 3; round++) {
      for (const [profile, filter] of filters) {
        const started = performance.now();
        const list: ReportSummary[] = await listReports(contextFor(store, profile), filter);
        const elapsed = performance.now() - started;
        largest = Math.max(largest, list.length);
        if (round >= 3) timings.push(elapsed);
      }
    }
    rows.push(
      limitRow({
        group: '列表 List',
        name: `filter and sort the document list at ${count} documents (p95)`,
        value: p95(timings),
        unit: 'ms',
        limit: 20,
        note: `listReports (permission, filters, newest first) for a supervisor (up to ${largest.toLocaleString('en-US')} visible documents) and a manager, ${filters.length} filter combinations × ${options.rounds} rounds; median ${round(median(timings), 2)} ms`,
      }),
    );

    // Search: the first search opens the stored segment; then the queries.
    const first = performance.now();
    await store.services.reports.search('片区');
    const opening = performance.now() - first;
    rows.push(
      infoRow({
        group: '搜索 Search',
        name: `first search after open at ${count} documents (opens the stored search index)`,
        value: opening,
        unit: 'ms',
        note: 'reads the segment header, document table and dictionary; re-indexes documents changed since the segment was written',
      }),
    );
    const queries = searchQueries().slice(0, options.queries);
    const ctx = contextFor(store, supervisor);
    for (const query of queries.slice(0, 5)) await searchReports(ctx, { query });
    const searchTimes: number[] = [];
    const repositoryTimes: number[] = [];
    let hits = 0;
    for (const query of queries) {
      let started = performance.now();
      const results = await searchReports(ctx, { query });
      searchTimes.push(performance.now() - started);
      hits += results.length;
      started = performance.now();
      await store.services.reports.search(query, { limit: 200 });
      repositoryTimes.push(performance.now() - started);
    }
    rows.push(
      limitRow({
        group: '搜索 Search',
        name: `Chinese full-text search at ${count} documents (p95 of ${queries.length} queries)`,
        value: p95(searchTimes),
        unit: 'ms',
        limit: 50,
        note: `searchReports as a supervisor (visible documents, ranking, snippets of the first 50 hits read from their files); median ${round(median(searchTimes), 1)} ms; on average ${Math.round(hits / queries.length)} results per query; the index lookup alone (best 200): p95 ${round(p95(repositoryTimes), 1)} ms`,
      }),
    );
    rows.push(...(await benchCopyCheck(store, office)));
  } finally {
    await store.close();
  }
  return rows;
}

/**
 * The copy check a submission runs (electron/core/insight, 雷同检测): timed when the module exports
 * `computeCopyCheck`; skipped with a note otherwise.
 */
async function benchCopyCheck(store: Store, office: Office): Promise<Measured[]> {
  // ── Copy-detection hook ── runs only when electron/core/insight exports a detector.
  let insight: { computeCopyCheck?: (services: Store['services'], snapshot: Report, template: unknown, submittedAt: string) => Promise<unknown> };
  try {
    insight = (await import('../../electron/core/insight/copy-check')) as typeof insight;
  } catch {
    log('  copy detection: electron/core/insight/copy-check is not there; skipped');
    return [];
  }
  if (typeof insight.computeCopyCheck !== 'function' || !('insight' in store.services)) {
    log('  copy detection: no computeCopyCheck export; skipped');
    return [];
  }
  const summaries = (await store.services.reports.list()).filter((summary) => summary.status !== 'draft' && summary.submittedAt);
  // The newest submission of each of 20 authors: each check loads its author's pool once (the cold case).
  const picked: ReportSummary[] = [];
  const authors = new Set<string>();
  for (const summary of summaries) {
    if (authors.has(summary.authorId)) continue;
    authors.add(summary.authorId);
    picked.push(summary);
    if (picked.length === 20) break;
  }
  const cold: number[] = [];
  const warm: number[] = [];
  for (const pass of [cold, warm]) {
    for (const summary of picked) {
      const snapshot = await store.services.reviews.getRevision(summary.id, summary.revision);
      if (!snapshot) continue;
      const template = await store.services.templates.get(snapshot.templateId, snapshot.templateVersion);
      const started = performance.now();
      await insight.computeCopyCheck(store.services, snapshot, template, summary.submittedAt!);
      pass.push(performance.now() - started);
    }
  }
  if (!cold.length) return [];
  const count = office.count.toLocaleString('en-US');
  return [
    infoRow({
      group: '雷同检测 Copy check',
      name: `copy check per submission at ${count} documents (first of its author in the session, p95)`,
      value: p95(cold),
      unit: 'ms',
      note: `computeCopyCheck on the latest submitted revision of ${cold.length} authors, loading each author's pool from the copy index; median ${round(median(cold), 1)} ms`,
    }),
    infoRow({
      group: '雷同检测 Copy check',
      name: `copy check per submission at ${count} documents (pools already loaded, p95)`,
      value: p95(warm),
      unit: 'ms',
      note: `the same ${warm.length} checks again; median ${round(median(warm), 1)} ms`,
    }),
  ];
}
