// `npm run bench`: every figure of docs/benchmarks.md measured in one run beside its floor or peer, printed as a
// table and written to docs/benchmarks.md and docs/benchmarks.json. `npm run bench -- --smoke` runs the same
// code on small inputs in seconds (it proves the benchmark runs; its numbers mean nothing) and writes to
// .tmp/bench-smoke/ instead. `--only store,export,ui` runs some groups.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCopyDetection } from './copy-detection';
import { deriveOffice, ensureOffice, type Office } from './datasets';
import { benchExcel, benchWord } from './export-bench';
import { infoRow, log, machine, root, type BenchRow, type Measured } from './lib';
import { renderMarkdown } from './report';
import { benchOpen, benchQueries, benchSaves } from './store-bench';
import { benchUi } from './ui-bench';
import { benchSync } from './sync-bench';

interface Plan {
  smoke: boolean;
  /** Page loads per profile for the time to first rows (after one warm-up). */
  uiRuns: number;
  sizes: number[];
  saveRounds: number;
  openRounds: number;
  listRounds: number;
  queries: number;
  wordPages: number;
  excelRows: number;
  uiKeystrokes: number;
  uiDocumentPages: number;
}

const fullPlan: Plan = { smoke: false, uiRuns: 3, sizes: [100, 1_000, 10_000, 50_000], saveRounds: 60, openRounds: 6, listRounds: 20, queries: 100, wordPages: 500, excelRows: 100_000, uiKeystrokes: 120, uiDocumentPages: 100 };
const smokePlan: Plan = { smoke: true, uiRuns: 1, sizes: [50, 300], saveRounds: 5, openRounds: 2, listRounds: 2, queries: 10, wordPages: 2, excelRows: 300, uiKeystrokes: 8, uiDocumentPages: 2 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
  const plan = values.smoke ? smokePlan : fullPlan;
  const groups = new Set((values.only ?? 'store,export,ui,sync').split(',').map((item) => item.trim()));
  const started = performance.now();
  const rows: Measured[] = [];
  const offices: Office[] = [];

  log(`ReportDesk benchmark${plan.smoke ? ' (smoke: small inputs, numbers not meaningful)' : ''}`);
  log('Data sets:');
  // Only the largest office is generated; the smaller ones are taken from it.
  const largest = await ensureOffice(plan.sizes[plan.sizes.length - 1]);
  for (const size of plan.sizes.slice(0, -1)) offices.push(await deriveOffice(largest, size));
  offices.push(largest);
  for (const office of offices) {
    if (office.seededSeconds !== null) {
      rows.push(infoRow({ group: '数据 Data', name: `generate an office of ${office.count.toLocaleString('en-US')} documents (seed:large, once)`, value: office.seededSeconds, unit: 's', note: office.summary }));
    }
  }

  if (groups.has('store')) {
    log('Store: saves …');
    rows.push(...(await benchSaves(offices, { rounds: plan.saveRounds })));
    log('Store: open …');
    rows.push(...(await benchOpen(largest, { rounds: plan.openRounds, check: true })));
    log('Store: list, search, copy check …');
    rows.push(...(await benchQueries(largest, { rounds: plan.listRounds, queries: plan.queries })));
    log('Store: copy detection against the largest pools …');
    rows.push(...(await benchCopyDetection(plan.smoke ? { ownPool: 100, peerPool: 60, checks: 5 } : { ownPool: 1_700, peerPool: 660, checks: 60 })));
  }
  if (groups.has('export')) {
    log('Export: Word vs pandoc …');
    rows.push(...(await benchWord({ pages: plan.wordPages, runs: plan.smoke ? 1 : 5 })));
    log('Export: Excel vs openpyxl …');
    rows.push(...(await benchExcel({ rows: plan.excelRows })));
  }
  if (groups.has('sync')) rows.push(...(await benchSync(plan.smoke ? { submissions: 3, people: 4, workdays: 1 } : { submissions: 20, people: 30, workdays: 22 })));
  if (groups.has('ui')) {
    log('UI in Chromium …');
    rows.push(...(await benchUi(largest, offices[0], { keystrokes: plan.uiKeystrokes, pages: plan.uiDocumentPages, runs: plan.uiRuns, build: !values['no-build'] })));
  }

  const seconds = (performance.now() - started) / 1000;
  printTable(rows);
  const json: BenchRow[] = rows.map(({ name, value, unit, baseline, baselineValue, ratio, target, pass }) => ({ name, value, unit, baseline, baselineValue, ratio, target, pass }));
  const outputDir = plan.smoke ? path.join(root, '.tmp', 'bench-smoke') : path.join(root, 'docs');
  await mkdir(outputDir, { recursive: true });
  await writeFile(path.join(outputDir, 'benchmarks.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(path.join(outputDir, 'benchmarks.md'), renderMarkdown({ rows, machine: machine(), seconds, smoke: plan.smoke, offices }));
  const failed = rows.filter((row) => !row.pass);
  log(`\n${rows.length} figures in ${seconds.toFixed(0)} s; ${failed.length} not meeting their target; written to ${path.relative(root, outputDir)}/benchmarks.{md,json}`);
}

function printTable(rows: Measured[]): void {
  const format = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));
  const lines = rows.map((row) => [row.pass ? 'ok ' : 'NO ', row.name, `${format(row.value)} ${row.unit}`, row.baselineValue === null ? '—' : `${format(row.baselineValue)} (${row.baseline.split(' (')[0]})`, row.ratio === null ? '—' : `${row.ratio}×`, row.target]);
  const widths = lines[0]?.map((_, column) => Math.max(...lines.map((line) => displayWidth(line[column])))) ?? [];
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  console.log('');
  for (const line of lines) console.log(line.map((cell, column) => pad(cell, widths[column])).join('  '));
}

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
