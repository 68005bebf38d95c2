/**
 * Exports against their peers, on the same content in the same run: a 500-page Word document against pandoc
 * converting the same content from Markdown, and a 100,000-row 台账 against python3-openpyxl in write-only mode
 * writing the same rows.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildNewReport } from '../../electron/core/reports/new-report';
import type { Report, RichNode, SectionContent } from '../../electron/core/common/schemas/report';
import { buildWordDocument } from '../../electron/core/export/word';
import type { Template } from '../../electron/core/common/schemas/template';
import { loadBuiltInTemplates } from '../../electron/store/seeds';
import { cacheDir } from './datasets';
import { limitRow, median, ratioRow, root, round, run, runChild, skippedRow, type Measured } from './lib';
import { monthlyText, retailersOf, type TextContext } from '../seed/phrases';
import { Random } from '../seed/prng';

/** Characters of body text on one page of the official layout (GB/T 9704: 22 lines of 28 characters). */
const charactersPerPage = 22 * 28;

interface LongDocument {
  report: Report;
  template: Template;
  markdown: string;
  characters: number;
}

/** A research report long enough for `pages` pages: chapters of paragraphs with headings, and two long tables. */
export async function longDocument(pages: number): Promise<LongDocument> {
  const { templates } = await loadBuiltInTemplates(path.join(root, 'seeds'));
  const template = templates.find((item) => item.id === 'builtin-research')!;
  const random = new Random(`word-bench/${pages}`);
  const text: TextContext = { random, area: '城关一片区', period: '2026年10月', retailers: retailersOf(random, 0, 40) };
  const profile = { id: 'bench-author', name: '张伟', role: 'manager' as const, unit: '城关一片区', createdAt: '2026-01-01T00:00:00.000Z' };
  let counter = 0;
  const report = buildNewReport({ template, profile, metadata: { 调研主题: '城关片区卷烟零售市场全面调研', 报告期: '2026-10' }, id: 'bench-long-document', now: new Date('2026-11-01T02:00:00Z'), newId: () => `row-${++counter}` });
  const markdown: string[] = [`% ${report.title}`, ''];
  const tableRows = Math.max(4, Math.round(pages * 0.3));
  // Headings, paragraph ends and tables take room too: LibreOffice lays 500 pages' worth out as 500 pages
  // (measured once: the text alone at 616 characters a page came to 465).
  const budget = Math.max(1, pages - Math.round((tableRows * 2) / 22)) * charactersPerPage * 1.075;
  const richSections = template.sections.filter((section) => section.kind === 'richtext');
  let characters = 0;
  for (const [sectionIndex, section] of template.sections.entries()) {
    markdown.push(`# ${section.title}`, '');
    if (section.kind === 'richtext') {
      const nodes: RichNode[] = [];
      const share = budget / richSections.length;
      let written = 0;
      for (let chapter = 1; written < share; chapter++) {
        const heading = `（${chapter}）${random.pick(['价格', '销量', '库存', '客户', '品牌', '终端'])}情况分析`;
        nodes.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: heading }] });
        markdown.push(`### ${heading}`, '');
        for (let paragraph = 0; paragraph < 8 && written < share; paragraph++) {
          const body = monthlyText(random.pick(['overview', 'structure', 'priceVolumeStock', 'brands', 'customers', 'problems', 'measures'] as const), text, 2).join('');
          nodes.push({ type: 'paragraph', content: [{ type: 'text', text: body }] });
          markdown.push(body, '');
          written += body.length + 28;
        }
      }
      characters += written;
      report.sections[section.id] = { type: 'richtext', doc: { type: 'doc', content: nodes } };
    } else if (section.kind === 'table' && section.table) {
      const columns = section.table.columns.filter((column) => !column.formula);
      const rows = Array.from({ length: sectionIndex % 2 ? tableRows : Math.round(tableRows / 2) }, (_, index) =>
        Object.fromEntries(columns.map((column) => [column.key, column.type === 'text' ? `${random.pick(['便利店', '食杂店', '超市', '烟酒店'])}${index + 1}` : random.int(1, 500)])),
      );
      report.sections[section.id] = { type: 'table', rows: rows.map((cells) => ({ id: `row-${++counter}`, cells })) } satisfies SectionContent;
      markdown.push(`| ${columns.map((column) => column.label).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
      for (const row of rows) markdown.push(`| ${columns.map((column) => String(row[column.key] ?? '')).join(' | ')} |`);
      markdown.push('');
    }
  }
  return { report, template, markdown: markdown.join('\n'), characters };
}

export async function benchWord(options: { pages: number; runs: number }): Promise<Measured[]> {
  const group = 'Word';
  const name = `Word: a ${options.pages}-page document`;
  const document = await longDocument(options.pages);
  const folder = path.join(cacheDir, 'word');
  await mkdir(folder, { recursive: true });
  const markdownFile = path.join(folder, `long-${options.pages}.md`);
  await writeFile(markdownFile, document.markdown);
  const build = () => buildWordDocument({ report: document.report, template: document.template, layout: 'official' });

  // Warm the exporter's code once on a short document (the app exports from a running process).
  const warmup = await longDocument(2);
  await buildWordDocument({ report: warmup.report, template: warmup.template, layout: 'official' });
  const ours: number[] = [];
  const pandocRuns: number[] = [];
  let bytes = 0;
  // Interleaved, so both see the same moments of a busy machine.
  for (let index = 0; index < options.runs; index++) {
    const started = performance.now();
    const output = await build();
    ours.push((performance.now() - started) / 1000);
    bytes = output.length;
    if (index === 0) await writeFile(path.join(folder, `long-${options.pages}.docx`), output);
    const result = await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(folder, `long-${options.pages}.pandoc.docx`), markdownFile]).catch(() => null);
    if (!result || result.code !== 0) {
      return [skippedRow({ group, name, unit: 's', target: '≤ 1× pandoc', reason: `pandoc is not installed or failed (apt-get install -y pandoc): ${result?.stderr ?? ''}` })];
    }
    pandocRuns.push(result.seconds);
  }
  return [
    ratioRow({
      group,
      name: `${name} (docx library) vs. pandoc from Markdown`,
      value: median(ours),
      unit: 's',
      baseline: 'pandoc (markdown → docx, same content)',
      baselineValue: median(pandocRuns),
      limit: 1,
      short: 'pandoc',
      note: `buildWordDocument in the official layout (GB/T 9704: 22 lines × 28 characters), ${document.characters.toLocaleString('en-US')} characters of text in headings and paragraphs plus two tables, ≈ ${options.pages} pages (LibreOffice lays the 500-page version out as 500 pages, checked with pdfinfo); ${(bytes / 1024).toFixed(0)} KB. Median of ${options.runs} runs each, interleaved (pandoc's include its process start); ours: ${ours.map((value) => round(value, 2)).join(', ')} s; pandoc: ${pandocRuns.map((value) => round(value, 2)).join(', ')} s`,
    }),
  ];
}

interface ExcelChildResult {
  seconds: number;
  peakRss: number;
  baselineRss: number;
  rows: { register: number; comments: number; statistics: number };
  bytes: number;
  rowsFile: string;
}

export async function benchExcel(options: { rows: number }): Promise<Measured[]> {
  const group = 'Excel';
  const name = `Excel: a ${options.rows.toLocaleString('en-US')}-row 台账`;
  const folder = path.join(cacheDir, 'excel');
  await mkdir(folder, { recursive: true });
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const check = await run(python, ['-c', 'import openpyxl']).catch(() => null);
  const ours = await runChild<ExcelChildResult>('excel-child.ts', [String(options.rows), folder], { nodeOptions: '--max-old-space-size=2048', bundle: true });
  const rows: Measured[] = [];
  if (!check || check.code !== 0) {
    rows.push(skippedRow({ group, name, unit: 's', target: '≤ 0.5× openpyxl', reason: 'python3-openpyxl is not installed (apt-get install -y python3-openpyxl)' }));
  } else {
    const peer = await run(python, [path.join(root, 'scripts', 'bench', 'openpyxl_register.py'), ours.rowsFile, path.join(folder, 'register.openpyxl.xlsx')]);
    if (peer.code !== 0) throw new Error(`openpyxl failed:\n${peer.stderr}`);
    const peerResult = JSON.parse(peer.stdout.trim().split('\n').pop()!) as { seconds: number; rows: number };
    rows.push(
      ratioRow({
        group,
        name: `${name} vs. openpyxl (write-only) writing the same rows`,
        value: ours.seconds,
        unit: 's',
        baseline: 'python3-openpyxl write-only, same rows',
        baselineValue: peerResult.seconds,
        limit: 0.5,
        short: 'openpyxl',
        note: `buildRegisterWorkbook (台账 ${ours.rows.register.toLocaleString('en-US')} rows with live COUNTIFS formulas and their values, 点评明细 ${ours.rows.comments.toLocaleString('en-US')} rows, 统计 ${ours.rows.statistics} rows; bordered, fonts, number formats, frozen headers, AutoFilter) in a fresh process; ${(ours.bytes / 1024 / 1024).toFixed(1)} MB. the 台账's six count columns are written as shared formulas (one formula text per column, as Excel saves them; LibreOffice recalculates them to the app's values in the unit tests) and strings inline. openpyxl, which cannot write shared formulas, writes the same ${peerResult.rows.toLocaleString('en-US')} rows' values with every formula in full (no styles), timed inside Python from the first row to the saved file`,
      }),
    );
  }
  rows.push(
    limitRow({
      group,
      name: `${name}: peak memory`,
      value: ours.peakRss / 1024 / 1024,
      unit: 'MB',
      limit: 300,
      digits: 1,
      note: `peak resident set size of the exporting process (its input data included; ${(ours.baselineRss / 1024 / 1024).toFixed(0)} MB before building)`,
    }),
  );
  await rm(path.join(folder, 'register.openpyxl.xlsx'), { force: true });
  return rows;
}

