/**
 * Print-grade check of the Word exports (issue 11's "Done when"): every built-in template filled with realistic
 * data — the demo set, plus one document per kind with the widest realistic tables — exported in both Word
 * layouts and as a meeting pack, laid out by LibreOffice to PDF and read back with `pdftotext -raw`. Every table
 * cell of up to 12 characters and every number must be whole on one line, and every Chinese punctuation mark of
 * the document's text must be in the PDF's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeetingPack, buildWordDocument, type ExportComment, type MeetingPackDocument } from '../../electron/core/export';
import type { Report, TableRow } from '../../electron/core/common/schemas/report';
import { demoDataSchema } from '../../electron/core/seeds/demo-schema';
import { templateSchema, type ColumnDef, type Template } from '../../electron/core/common/schemas/template';
import { docxFilesToPdf, fontsConfPath, makeTempDir, officeTools, removeDir, writeTempFile } from '../helpers/office';
import { docxBodyText, docxTableCells, pdfRawLines, printProblems, type PrintProblem } from '../helpers/print-check';

const root = join(__dirname, '../..');
const readJson = (relative: string): unknown => JSON.parse(readFileSync(join(root, relative), 'utf8'));

// Every shipped version of the built-ins: v1 (documents made from it still export) and v2 (the office's figures).
const templates = ['market-analysis', 'research', 'guidance-booklet', 'work-log'].flatMap((name) =>
  [`${name}.json`, `${name}-v2.json`].map((file) => templateSchema.parse(readJson(`seeds/templates/${file}`))),
);
const templateOf = (report: Report): Template => {
  const template = templates.find((candidate) => candidate.id === report.templateId && candidate.version === report.templateVersion);
  if (!template) throw new Error(`${report.id}: no template ${report.templateId} v${report.templateVersion}`);
  return template;
};
const demo = demoDataSchema.parse(readJson('seeds/demo/demo.json'));

/** Realistic long values of a county office's tables: the longest 品规 names, 12-digit 许可证号, big figures. */
const BRANDS = ['利群(新版)', '七匹狼(软灰)', '黄山(硬一品)', '中华(硬)', '芙蓉王(硬)', '黄山(新一品)', '南京(炫赫门)', '玉溪(软)', '云烟(紫)', '娇子(宽窄好运)', '长白山(777)', '泰山(心悦)'];
const TEXTS: Record<string, string[]> = {
  许可证号: ['341122100358', '341122100362', '341122100371', '341122100375'],
  客户名称: ['人民路烟酒商行', '惠民便利店', '鼓楼食杂店', '福满多超市'],
  档位: ['23档', '18档', '9档', '30档'],
  到店时间: ['08:40', '09:05', '10:45', '14:30'],
  价类: ['一类烟', '二类烟', '三类烟', '四类烟', '五类烟'],
  单位: ['箱', '万元', '元/箱', '元/条', '万元'],
  未订原因: ['资金紧张，下周再订', '库存足'],
  指标: ['销量（箱）', '销售额（万元）', '单箱值（元/箱）', '订货户数（户）', '毛利率'],
  类别: ['城区便利店', '农村集镇食杂店', '商超'],
  问题: ['是否明码标价', '是否有意愿增加细支烟'],
  选项: ['是', '否', '不确定'],
  建议: ['暂停订购，先消化库存', '适量增加', '保持'],
  客户诉求: ['婚宴多，问12月中华（硬）能否多给', '黄山（硬一品）积压14条'],
  处理情况: ['已登记婚宴用烟需求，报营销部', '本周订量由2条调到4条'],
};

function wideValue(column: ColumnDef, index: number): string | number {
  if (column.type === 'text') {
    if (column.options?.length) return [...column.options].sort((a, b) => b.length - a.length)[index % column.options.length];
    if (column.key === '品规') return BRANDS[index % BRANDS.length];
    return TEXTS[column.key]?.[index % TEXTS[column.key].length] ?? `${column.label}${index + 1}`;
  }
  if (column.key === '序号') return index + 1;
  const base = [12876.35, 9483.7, 16045.22, 763.18, 2210.05, 88.4][index % 6];
  switch (column.type) {
    case 'integer':
      return Math.round(base / (column.unit === '户' ? 10 : 1));
    case 'money':
      return column.unit === '元/条' ? [1060, 280.5, 450, 1350, 192.5][index % 5] : base;
    case 'percent':
      return [0.183, -0.076, 0.0342, 1.254][index % 4];
    default:
      return base;
  }
}

/** A document of the template with every table filled with 12 rows of the widest realistic values. */
function wideReport(template: Template): Report {
  const sections: Report['sections'] = {};
  for (const section of template.sections) {
    if (section.kind === 'table' && section.table) {
      const columns = section.table.columns.filter((column) => !column.formula);
      const rows: TableRow[] = Array.from({ length: 12 }, (_, index) => ({
        id: `${section.id}-r${index + 1}`,
        cells: Object.fromEntries(columns.map((column) => [column.key, wideValue(column, index)])),
      }));
      sections[section.id] = { type: 'table', rows };
    } else if (section.kind === 'richtext') {
      const text =
        '本月城关片区销售卷烟1,286.35箱，同比增长8.5%，单箱值2.86万元，环比下降0.2个百分点；重点品规利群（新版）、七匹狼（软灰）动销良好。' +
        '下阶段要做好节前备货，合理引导零售客户订货，防止库存积压，确保市场平稳运行。';
      sections[section.id] = { type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text.repeat(3) }] }] } };
    }
  }
  const metadata: Record<string, string> = { 报告期: '2026-11', 片区: '城关片区', 客户经理: '张伟', 调研主题: '城区零售终端细支烟消费情况', 许可证号: '341122100358', 店名: '惠民便利店', 档位: '18档', 业态: '便利店' };
  return {
    id: `wide-${template.id}-v${template.version}`,
    templateId: template.id,
    templateVersion: template.version,
    kind: template.kind,
    title: `城关片区2026年11月${template.name}`,
    authorId: 'u-zhang',
    authorName: '张伟',
    region: '城关片区',
    period: '2026-11',
    metadata,
    sections,
    status: 'approved',
    rev: 1,
    revision: 1,
    createdAt: '2026-11-28T02:00:00.000Z',
    updatedAt: '2026-11-28T02:00:00.000Z',
  };
}

/** A supervisor's comments on a document: one on a table cell, one on the whole document. */
function commentsOn(report: Report, template: Template): ExportComment[] {
  const comments: ExportComment[] = [
    { id: `${report.id}-c1`, sectionId: template.sections[0].id, anchor: { kind: 'document' }, author: '陈主任', date: '2026-11-04T01:30:00.000Z', kindLabel: '建议', text: '数据来源要写清楚，口径与营销系统一致。', replies: [], statusLabel: '待整改' },
  ];
  const table = template.sections.find((section) => section.kind === 'table' && report.sections[section.id]?.type === 'table');
  const content = table ? report.sections[table.id] : undefined;
  if (table?.table && content?.type === 'table' && content.rows.length > 0) {
    const column = table.table.columns[table.table.columns.length - 1];
    comments.push({ id: `${report.id}-c2`, sectionId: table.id, anchor: { kind: 'cell', rowId: content.rows[0].id, columnKey: column.key }, author: '陈主任', date: '2026-11-04T02:00:00.000Z', kindLabel: '问题', text: '这个数偏高，核实一下。', replies: [{ author: report.authorName, date: '2026-11-05T01:00:00.000Z', text: '已核实，系统口径。' }], statusLabel: '已整改' });
  }
  return comments;
}

const reports: Report[] = [...demo.reports, ...templates.map(wideReport)];
const canRender = officeTools.libreoffice && officeTools.poppler;

describe.skipIf(!canRender)('Word exports print whole on paper (LibreOffice → PDF → pdftotext -raw)', () => {
  let dir = '';
  const files: { name: string; docx: string; pdf: string }[] = [];

  beforeAll(async () => {
    dir = makeTempDir('reportdesk-print-');
    const built: { name: string; docx: string }[] = [];
    for (const report of reports) {
      const template = templateOf(report);
      for (const layout of ['official', 'plain'] as const) {
        const bytes = await buildWordDocument({ report, template, layout, charts: false, comments: commentsOn(report, template), includeReviewAppendix: true, reviewSummary: { grade: '良好', reviewer: '陈主任', reviewedAt: '2026-11-04T02:00:00.000Z' }, utcOffsetMinutes: 480 });
        const name = `${report.id}-${layout}`;
        built.push({ name, docx: writeTempFile(dir, `${name}.docx`, bytes) });
      }
    }
    const packDocuments: MeetingPackDocument[] = reports
      .filter((report) => report.status === 'approved' || report.id.startsWith('wide-'))
      .map((report, index) => ({ report, template: templateOf(report), meetingFlag: index % 2 === 0 ? 'praise' : 'critique', charts: false, comments: commentsOn(report, templateOf(report)), reviewSummary: { grade: '优秀', reviewer: '陈主任' } }));
    for (const layout of ['official', 'plain'] as const) {
      const bytes = await buildMeetingPack({ layout, meetingName: '11月份营销工作例会', meetingDate: '2026-12-02', organiser: '陈主任', officeName: '某某县烟草专卖局（营销部）', documents: packDocuments, utcOffsetMinutes: 480 });
      built.push({ name: `meeting-pack-${layout}`, docx: writeTempFile(dir, `meeting-pack-${layout}.docx`, bytes) });
    }
    const pdfs = docxFilesToPdf(built.map((file) => file.docx), join(dir, 'pdf'), fontsConfPath);
    for (const file of built) files.push({ ...file, pdf: pdfs[file.docx] });
  }, 900_000);

  afterAll(() => (process.env.PRINT_CHECK_KEEP ? console.log(`kept ${dir}`) : removeDir(dir)));

  it('exports every demo document, one wide document per kind and both meeting packs', () => {
    expect(files.length).toBe(reports.length * 2 + 2);
    expect(new Set(reports.map((report) => report.kind))).toEqual(new Set(['market-analysis', 'research', 'guidance-booklet', 'work-log']));
  });

  // Reads every table cell of every file back (python-docx and pdftotext): 20–40 s on a busy machine.
  it('prints every short table cell and every number whole on one line, and every punctuation mark', { timeout: 300_000 }, () => {
    const failures: Record<string, string[]> = {};
    let cellsChecked = 0;
    for (const file of files) {
      const cells = docxTableCells(file.docx);
      cellsChecked += cells.length;
      const problems = printProblems(pdfRawLines(file.pdf), cells, docxBodyText(file.docx));
      if (problems.length > 0) failures[file.name] = problems.map((problem: PrintProblem) => `${problem.kind} ${problem.text}`);
    }
    expect(cellsChecked).toBeGreaterThan(2000);
    if (process.env.PRINT_CHECK_SUMMARY) console.log(JSON.stringify(failures));
    expect(failures).toEqual({});
  });
});
