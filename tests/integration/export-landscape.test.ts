/**
 * GB/T 9704-2012 §8 (公文中的横排表格), checked on the PDF LibreOffice lays out (`pdftotext -bbox`): a landscape page
 * keeps its page number where the portrait pages have it once the page is turned with its top to the binding
 * side — on the left edge, set top to bottom, at the same distance from the paper's edge; odd pages at the outer
 * end, even pages at the binding end, one character in — and the table's head is at the top, the binding side.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWordDocument } from '../../electron/core/export';
import type { Report } from '../../electron/core/common/schemas/report';
import { templateSchema } from '../../electron/core/common/schemas/template';
import { docxFilesToPdf, fontsConfPath, makeTempDir, officeTools, removeDir, writeTempFile } from '../helpers/office';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '../..');
const template = templateSchema.parse(JSON.parse(readFileSync(join(root, 'seeds/templates/market-analysis-v2.json'), 'utf8')));

/** A document whose 表2 (13 columns) goes on a landscape page; `repeat` moves it to an odd or an even page. */
function report(repeat: number): Report {
  const text = '本月城关片区销售卷烟平稳，结构优化。'.repeat(repeat);
  const sections: Report['sections'] = {
    'price-class': {
      type: 'table',
      rows: Array.from({ length: 8 }, (_, index) => ({ id: `r${index}`, cells: { 价类: `${index + 1}类烟`, 销量: 12876.35, 上年同期: 9483.7, 销售额: 16045.22, 上年单箱值: 55120, 毛利: 2210.05, 社会库存: 763.18 } })),
    },
  };
  for (const section of template.sections) {
    if (section.kind === 'richtext') sections[section.id] = { type: 'richtext', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } };
  }
  return { id: `land-${repeat}`, templateId: template.id, templateVersion: template.version, kind: template.kind, title: '横排表格', authorId: 'u', authorName: '张伟', region: '城关片区', period: '2026-11', metadata: {}, sections, status: 'draft', rev: 1, revision: 1, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
}

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
interface Page { width: number; height: number; words: Word[] }

function pages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((chunk) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    const words = Array.from(chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g), (match) => ({
      xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: match[5],
    }));
    return { width: Number(size[1]), height: Number(size[2]), words };
  });
}

/** The page number's box: the — n — words together, in the margin (the foot of a portrait page, the left strip of a landscape one). */
function numberBox(page: Page, number: number): { xMin: number; yMin: number; xMax: number; yMax: number } | undefined {
  const inMargin = (word: Word) => (page.width > page.height ? word.xMax < page.width * 0.11 : word.yMin > page.height * 0.85);
  const words = page.words.filter((word) => (word.text === '—' || word.text === String(number)) && inMargin(word));
  const digit = words.find((word) => word.text === String(number));
  if (!digit || words.length < 3) return undefined;
  // The two dashes nearest the digit.
  const near = words.sort((a, b) => Math.hypot(a.xMin - digit.xMin, a.yMin - digit.yMin) - Math.hypot(b.xMin - digit.xMin, b.yMin - digit.yMin)).slice(0, 3);
  return { xMin: Math.min(...near.map((w) => w.xMin)), yMin: Math.min(...near.map((w) => w.yMin)), xMax: Math.max(...near.map((w) => w.xMax)), yMax: Math.max(...near.map((w) => w.yMax)) };
}

describe.skipIf(!officeTools.libreoffice || !officeTools.poppler)('landscape pages per GB/T 9704 §8 (LibreOffice PDF)', () => {
  let dir = '';
  const laidOut: Page[][] = [];

  beforeAll(async () => {
    dir = makeTempDir('reportdesk-landscape-');
    const files = await Promise.all([40, 52].map(async (repeat) => writeTempFile(dir, `land-${repeat}.docx`, await buildWordDocument({ report: report(repeat), template, layout: 'official', charts: false }))));
    const pdfs = docxFilesToPdf(files, join(dir, 'pdf'), fontsConfPath);
    for (const file of files) laidOut.push(pages(pdfs[file]));
  }, 300_000);
  afterAll(() => removeDir(dir));

  it('puts the page number of odd and even landscape pages where the portrait pages have it, once turned', () => {
    const seen = { odd: 0, even: 0 };
    for (const document of laidOut) {
      const portraitOdd = numberBox(document[0], 1)!;
      const portraitEven = numberBox(document[1], 2)!;
      document.forEach((page, index) => {
        if (page.width < page.height) return;
        const number = index + 1;
        const box = numberBox(page, number);
        expect(box, `page ${number}`).toBeDefined();
        const odd = number % 2 === 1;
        seen[odd ? 'odd' : 'even'] += 1;
        // Set top to bottom: taller than wide.
        expect(box!.yMax - box!.yMin).toBeGreaterThan(box!.xMax - box!.xMin);
        // Turned with its top to the binding side, the left edge is the portrait foot: same distance from it.
        expect(Math.abs(box!.xMin - (document[0].height - portraitOdd.yMax))).toBeLessThan(4);
        if (odd) {
          // Outer end, one character in: its end as far from the bottom edge as the portrait odd number from the right.
          expect(Math.abs(page.height - box!.yMax - (document[0].width - portraitOdd.xMax))).toBeLessThan(4);
        } else {
          // Binding end: its start as far from the top edge as the portrait even number from the left.
          expect(Math.abs(box!.yMin - portraitEven.xMin)).toBeLessThan(4);
        }
        // The table's head at the top (the binding side): its title above its header row.
        const title = page.words.find((word) => word.text === '表2');
        if (title) expect(title.yMin).toBeLessThan(page.height / 4);
      });
    }
    expect(seen.odd).toBeGreaterThan(0);
    expect(seen.even).toBeGreaterThan(0);
  });
});
