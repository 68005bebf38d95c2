/**
 * Print checks of exported Word files, as an examiner reads a PDF: every short table cell and every number
 * whole on one line of `pdftotext -raw`, and every Chinese punctuation mark of the document's text present.
 */
import { execFileSync } from 'node:child_process';

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Text lines of a PDF in content order (`pdftotext -raw`), white space removed inside each line. */
export function pdfRawLines(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  return text.split(/\n|\f/).map((line) => line.replace(/\s+/g, ''));
}

/** The body text of a .docx (`word/document.xml`'s w:t runs, one paragraph a line), read with unzip. */
export function docxBodyText(docx: string): string {
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml
    .split(/<\/w:p>/)
    .map((part) => Array.from(part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (match) => unescapeXml(match[1])).join(''))
    .join('\n');
}

/** Texts of every table cell of a .docx except header rows (those may wrap at a unit bracket), one entry a cell. */
export function docxTableCells(docx: string): string[] {
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cells: string[] = [];
  for (const row of xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
    if (/<w:tblHeader\b/.test(row[0])) continue;
    for (const cell of row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const text = cell[0]
        .split(/<\/w:p>|<w:br\/>/)
        .map((part) => Array.from(part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (match) => unescapeXml(match[1])).join(''))
        .filter((line) => line !== '')
        .join('\n');
      cells.push(text);
    }
  }
  return cells;
}

/** Chinese punctuation counted by the check. */
export const CHECKED_PUNCTUATION = ['，', '。', '、', '；', '：', '？', '！', '“', '”', '（', '）', '《', '》'];

function count(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

export interface PrintProblem {
  kind: 'cell' | 'number' | 'punctuation';
  text: string;
}

/** Numbers as they print: 1,234.56 · 8.5% · −0.20 · 341122100358. */
const NUMBER = /-?\d[\d,]*(?:\.\d+)?%?/g;

/**
 * What of `cells` (table cell texts of the document) and of `source` (its body text) does not print whole:
 * cells of up to 12 characters and numbers not found on one PDF line, and punctuation marks missing.
 */
export function printProblems(lines: string[], cells: string[], source: string): PrintProblem[] {
  const problems: PrintProblem[] = [];
  const onOneLine = (text: string): boolean => lines.some((line) => line.includes(text));
  const seen = new Set<string>();
  for (const raw of cells) {
    for (const cellLine of raw.split('\n')) {
      const text = cellLine.replace(/\s+/g, '');
      if (!text || seen.has(text)) continue;
      seen.add(text);
      if (Array.from(text).length <= 12 && !onOneLine(text)) problems.push({ kind: 'cell', text });
      for (const match of text.matchAll(NUMBER)) {
        const number = match[0];
        if (number.replace(/\D/g, '').length < 2 || seen.has(`#${number}`)) continue;
        seen.add(`#${number}`);
        if (!onOneLine(number)) problems.push({ kind: 'number', text: number });
      }
    }
  }
  const printed = lines.join('');
  for (const mark of CHECKED_PUNCTUATION) {
    const missing = count(source, mark) - count(printed, mark);
    if (missing > 0) problems.push({ kind: 'punctuation', text: `${mark} ×${missing}` });
  }
  return problems;
}
