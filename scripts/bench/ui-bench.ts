/**
 * The UI in Chromium (browser mode, the same renderer the desktop app shows) on the 50,000-document office:
 * time until the first rows of 我的文稿 are on screen, and keystroke-to-paint latency in a 100-page document.
 */
import { protectSupervisorKeys } from '../seed/seed-office';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDispatcher } from '../../electron/api/dispatcher';
import type { Profile } from '../../electron/core/common/schemas/profile';
import type { Report } from '../../electron/core/common/schemas/report';
import { startHttpTransport } from '../../electron/server/http-transport';
import { openStore, type Store } from '../../electron/store/open-store';
import type { Office } from './datasets';
import { longDocument } from './export-bench';
import { infoRow, limitRow, median, p95, ratioRow, root, round, run, skippedRow, type Measured } from './lib';

const rendererDir = path.join(root, 'out', 'renderer');

function chromiumPath(): string | null {
  const candidate = process.env.REPORTDESK_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

/**
 * Chromium headless as the end-to-end tests run it, plus two switches that let a frame be drawn as soon as it
 * is ready instead of on the next 60 Hz tick (there is no display to wait for): the latency measured is then the
 * app's work, not the phase of an imaginary refresh cycle.
 */
async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
}

/**
 * Milliseconds from navigation until `selector` is in the document and the frame showing it was painted: the
 * measure of both the list's first rows and the blank page they are compared with.
 */
async function timeToPaint(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript((wanted: string) => {
    const target = window as unknown as { benchPainted?: number };
    const observer = new MutationObserver(() => {
      if (target.benchPainted !== undefined || !document.querySelector(wanted)) return;
      target.benchPainted = -1;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (target.benchPainted = performance.now());
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => ((window as unknown as { benchPainted?: number }).benchPainted ?? -1) > 0, undefined, { timeout: 120_000 });
    return await page.evaluate(() => (window as unknown as { benchPainted: number }).benchPainted);
  } finally {
    await context.close();
  }
}

/** A blank page (one paragraph, no script) served by the same HTTP transport: the floor of any first screen. */
async function blankPageTimes(browser: Browser, dispatcher: ReturnType<typeof createDispatcher>, runs: number): Promise<number[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-bench-blank-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>blank</title></head><body><p id="blank">报告台</p></body></html>');
  const transport = await startHttpTransport({ dispatcher, rendererDir: dir });
  try {
    await timeToPaint(browser, transport.entryUrl, '#blank');
    const times: number[] = [];
    for (let index = 0; index < runs; index++) times.push(await timeToPaint(browser, transport.entryUrl, '#blank'));
    return times;
  } finally {
    await transport.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The files index.html loads before the first screen (entry script, preloaded chunks, styles): bytes and gzip bytes. */
export async function entrySize(dir: string): Promise<{ bytes: number; gzip: number; files: string[]; all: number }> {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const body = await readFile(path.join(dir, file));
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  let all = 0;
  for (const name of await readdir(path.join(dir, 'assets'))) all += (await stat(path.join(dir, 'assets', name))).size;
  return { bytes, gzip, files, all };
}

/** Milliseconds from navigation until the list's first data row is visible. */
async function timeToFirstRows(browser: Browser, url: string): Promise<{ ms: number; whole: number; count: string }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  // In the page, from the start of navigation: when the first row is added to the document and the frame
  // that shows it has been painted.
  await context.addInitScript(() => {
    const target = window as unknown as { benchFirstRow?: number };
    const observer = new MutationObserver(() => {
      if (target.benchFirstRow !== undefined || !document.querySelector('.ant-table-row')) return;
      target.benchFirstRow = -1;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (target.benchFirstRow = performance.now());
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url);
    try {
      await page.locator('.ant-table-row').first().waitFor({ state: 'visible', timeout: 120_000 });
    } catch (error) {
      await page.screenshot({ path: path.join(root, '.tmp', 'bench', 'ui-first-rows-timeout.png') });
      throw error;
    }
    await page.waitForFunction(() => ((window as unknown as { benchFirstRow?: number }).benchFirstRow ?? -1) > 0);
    const ms = await page.evaluate(() => (window as unknown as { benchFirstRow: number }).benchFirstRow);
    // The whole list (the first rows come from a short request sent alongside it).
    await page.getByTestId('report-count').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });
    const whole = performance.now() - started;
    const count = (await page.getByTestId('report-count').textContent()) ?? '';
    return { ms, whole, count };
  } finally {
    await context.close();
  }
}

/**
 * Type `count` characters into the editor and measure, for each keydown, the time from the event until after
 * the next frame was painted (requestAnimationFrame, then a message posted from it runs after the paint).
 */
async function keystrokeLatencies(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => {
    const target = window as unknown as { benchLatencies: number[] };
    target.benchLatencies = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => target.benchLatencies.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let index = 0; index < count; index++) {
    await page.keyboard.press(letters[index % letters.length]);
    // A steady typist: about eight characters a second.
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { benchLatencies: number[] }).benchLatencies);
}

/** A store served in browser mode, with its settings as they were (the bench changes the remembered profile). */
interface Served {
  store: Store;
  url: string;
  entryUrl: string;
  settings: Awaited<ReturnType<Store['services']['settings']['get']>>;
  dispatcher: ReturnType<typeof createDispatcher>;
  close(): Promise<void>;
}

async function serve(office: Office): Promise<Served> {
  const store = await openStore({ dataDir: office.dataDir, backgroundCheck: false });
  // The supervisors' keys unlocked before the clock runs, as after a morning's first unlock: the lists are timed, not the passphrase dialog.
  await protectSupervisorKeys(store.services, await store.services.profiles.list());
  const dispatcher = createDispatcher(store.services, { identity: { name: 'ReportDesk', version: 'bench' }, logError: () => undefined });
  const transport = await startHttpTransport({ dispatcher, rendererDir });
  const settings = await store.services.settings.get();
  return {
    store,
    url: transport.url,
    entryUrl: transport.entryUrl,
    settings,
    dispatcher,
    close: async () => {
      await transport.close();
      await store.services.settings.save(settings);
      await store.close();
    },
  };
}

/** First rows (median of 3 after a warm-up) for a profile: the time, the whole list's time, the count shown. */
async function firstRowsFor(browser: Browser, served: Served, profile: Profile, count: number): Promise<{ ms: number; whole: number; shown: string; runs: number[] }> {
  await served.store.services.settings.save({ ...served.settings, lastProfileId: profile.id });
  // 我的文稿 by address: a supervisor's home page is 待审阅.
  const url = `${served.entryUrl}#/reports`;
  await timeToFirstRows(browser, url);
  const runs: number[] = [];
  const wholes: number[] = [];
  let shown = '';
  for (let index = 0; index < count; index++) {
    const result = await timeToFirstRows(browser, url);
    runs.push(result.ms);
    wholes.push(result.whole);
    shown = result.count.trim();
  }
  return { ms: median(runs), whole: median(wholes), shown, runs };
}

/**
 * `office` is the large office; `small` the same people with a hundred documents, whose page is the floor: what
 * loading the app and showing a short list costs in this browser on this machine.
 */
export async function benchUi(office: Office, small: Office, options: { keystrokes: number; pages: number; runs: number; build: boolean }): Promise<Measured[]> {
  const group = '界面 UI';
  const count = office.count.toLocaleString('en-US');
  const executable = chromiumPath();
  const firstRowsName = `我的文稿 with ${count} documents: time to first rows`;
  const keystrokeName = `keystroke-to-paint latency in a ${options.pages}-page document (p95)`;
  if (!executable) {
    const reason = 'Chromium is not installed (apt-get install -y chromium)';
    return [skippedRow({ group, name: firstRowsName, unit: 'ms', target: '≤ 1.5× small office', reason }), skippedRow({ group, name: keystrokeName, unit: 'ms', target: '≤ 16 ms', reason })];
  }
  if (options.build || !existsSync(path.join(rendererDir, 'index.html'))) {
    const build = await run(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);
    if (build.code !== 0) throw new Error(`electron-vite build failed:\n${build.stderr || build.stdout}`);
  }

  const served = await serve(office);
  const floor = await serve(small);
  const store = served.store;
  const dispatcher = served.dispatcher;
  const transport = served;
  const settings = served.settings;
  const browser = await launch(executable);
  let created: Report | null = null;
  try {
    const profiles = await store.services.profiles.list();
    const supervisor = profiles.find((profile) => profile.role === 'supervisor')!;
    const summaries = await store.services.reports.list();
    const visibleToSupervisor = summaries.filter((summary) => summary.status !== 'draft').length;
    const manager = profiles.find((profile) => profile.id === summaries[0].authorId)!;
    const rows: Measured[] = [];
    const entry = await entrySize(rendererDir);
    rows.push(
      infoRow({
        group,
        name: 'renderer entry: what index.html loads before the first screen',
        value: entry.bytes / 1024,
        unit: 'KB',
        digits: 0,
        note: `${entry.files.length} files (${entry.files.map((file) => path.basename(file)).join(', ')}), ${Math.round(entry.gzip / 1024)} KB gzipped; all of the renderer's assets: ${Math.round(entry.all / 1024)} KB (the editor, grid, charts, template editor and export are chunks loaded on demand). Hashed assets are served with Cache-Control: immutable`,
      }),
    );
    const blankRuns = await blankPageTimes(browser, dispatcher, Math.max(3, options.runs));
    const blank = median(blankRuns);
    rows.push(infoRow({ group, name: 'a blank page served by the same HTTP transport: time to paint', value: blank, unit: 'ms', digits: 0, note: `a static page with one paragraph, same Chromium, same measure (navigation to the painted frame); median of ${blankRuns.length} after one warm-up (${blankRuns.map((value) => Math.round(value)).join(', ')} ms)` }));

    for (const [who, profile, visible] of [
      ['a supervisor', supervisor, visibleToSupervisor],
      ['a manager', manager, summaries.filter((summary) => summary.authorId === manager.id).length],
    ] as const) {
      const large = await firstRowsFor(browser, served, profile, options.runs);
      const base = await firstRowsFor(browser, floor, profile, options.runs);
      rows.push(
        ratioRow({
          group,
          name: `${firstRowsName} (${who}, ${visible.toLocaleString('en-US')} in the list)`,
          value: large.ms,
          unit: 'ms',
          baseline: `the same page with ${small.count} documents (${base.shown})`,
          baselineValue: base.ms,
          limit: 1.5,
          short: `${small.count}-document office`,
          digits: 0,
          note: `in the page, from the start of navigation (page load, profile, the list's first 100 rows over HTTP, antd virtual table) until the frame showing the first row was painted, in a fresh browser context; median of ${options.runs} after one warm-up (${large.runs.map((value) => Math.round(value)).join(', ')} ms; with ${small.count} documents: ${base.runs.map((value) => Math.round(value)).join(', ')} ms). The whole list (“${large.shown}”) was in the table after ${Math.round(large.whole)} ms`,
        }),
      );
      rows.push(limitRow({ group, name: `first screen: 我的文稿 with ${count} documents, time to first rows (${who})`, value: large.ms, unit: 'ms', limit: 600, digits: 0, note: `the same measure as the row above (median ${Math.round(large.ms)} ms)` }));
      rows.push(
        ratioRow({
          group,
          name: `first screen: 我的文稿 with ${count} documents vs a blank page (${who})`,
          value: large.ms,
          unit: 'ms',
          baseline: 'a blank page served by the same transport in the same run',
          baselineValue: blank,
          limit: 2,
          short: 'blank page',
          digits: 0,
        }),
      );
      rows.push(infoRow({ group, name: `我的文稿 with ${count} documents: the whole list in the table (${who})`, value: large.whole, unit: 'ms', digits: 0, note: `${visible.toLocaleString('en-US')} summaries: reports:list over HTTP, parsed and handed to the virtual table` }));
    }

    // A 100-page document, written by a manager, opened in the editor.
    const document = await longDocument(options.pages);
    const createdResult = await dispatcher.dispatch('reports:create', manager.id, { templateId: document.template.id, metadata: document.report.metadata });
    if (!createdResult.ok) throw new Error(`create failed: ${createdResult.error.message}`);
    created = createdResult.value as Report;
    const saved = await dispatcher.dispatch('reports:save-draft', manager.id, { id: created.id, baseRev: created.rev, metadata: document.report.metadata, sections: document.report.sections });
    if (!saved.ok) throw new Error(`save failed: ${saved.error.message}`);
    created = saved.value as Report;
    await store.services.settings.save({ ...settings, lastProfileId: manager.id });
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(transport.entryUrl);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 120_000 });
    await page.goto(`${new URL(transport.url).origin}/#/reports/${created.id}`);
    const largest = Object.entries(document.report.sections)
      .filter(([, content]) => content.type === 'richtext')
      .sort((a, b) => JSON.stringify(b[1]).length - JSON.stringify(a[1]).length)[0][0];
    const editor = page.locator(`[data-section="${largest}"]`);
    await editor.waitFor({ timeout: 120_000 });
    await editor.click();
    await page.keyboard.press('Control+End');
    const latencies = await keystrokeLatencies(page, options.keystrokes);
    await context.close();
    rows.push(
      limitRow({
        group,
        name: keystrokeName,
        value: p95(latencies),
        unit: 'ms',
        limit: 16,
        note: `${latencies.length} letters typed at the end of the longest section (${document.characters.toLocaleString('en-US')} characters in the document) through Chromium's input pipeline; from the keydown event to the first task after the next frame was painted; median ${round(median(latencies), 1)} ms, max ${round(Math.max(...latencies), 1)} ms. Frames are drawn when ready (no 60 Hz vsync wait in headless mode)`,
      }),
    );
    rows.push(infoRow({ group, name: `keystroke-to-paint latency in a ${options.pages}-page document (median)`, value: median(latencies), unit: 'ms' }));
    return rows;
  } finally {
    await browser.close();
    if (created) await store.services.reports.remove(created.id, (await store.services.reports.get(created.id))?.rev ?? created.rev).catch(() => undefined);
    await served.close();
    await floor.close();
  }
}
