/**
 * Independent readers for exported Office files: python-docx / openpyxl scripts (JSON out),
 * LibreOffice headless conversions (docx → pdf, xlsx → one UTF-8 csv per sheet) and poppler.
 * Each LibreOffice call gets its own throw-away profile so parallel runs do not clash.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';

/** Font aliases mapping 仿宋/黑体/楷体/宋体/小标宋 names to Noto CJK, for rendering checks. */
export const fontsConfPath = resolve(__dirname, '../fixtures/fonts.conf');

const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];
let pythonPath: string | null | undefined;

/** A Python 3 that has python-docx and openpyxl (Debian's, when pyenv shadows it), or null. */
export function findPython(): string | null {
  if (pythonPath !== undefined) return pythonPath;
  pythonPath = null;
  for (const candidate of PYTHON_CANDIDATES) {
    const probe = spawnSync(candidate, ['-c', 'import docx, openpyxl'], { encoding: 'utf8' });
    if (probe.status === 0) {
      pythonPath = candidate;
      break;
    }
  }
  return pythonPath;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export const officeTools = {
  python: findPython() !== null,
  libreoffice: onPath('libreoffice') || onPath('soffice'),
  poppler: onPath('pdftotext') && onPath('pdftoppm'),
};

export function makeTempDir(prefix = 'reportdesk-export-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTempFile(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Run a Python script (`python -c`) with arguments; its stdout must be one JSON document. */
export function runPython<T>(script: string, args: string[] = []): T {
  const python = findPython();
  if (!python) throw new Error('python3 with python-docx and openpyxl is not installed');
  const result = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`python failed (${result.status}): ${result.stderr}`);
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`python printed no JSON: ${result.stdout.slice(0, 500)} ${result.stderr}`);
  }
}

/**
 * LibreOffice profile settings: recalculate formulas of Excel files on load ("always"), so a
 * conversion shows Calc's own results rather than the cached values the writer stored.
 */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  outDir: string;
  /** FONTCONFIG_FILE for the conversion (font aliases for rendering). */
  fontconfigFile?: string;
  /** Force Calc to recalculate every formula on load. */
  recalculate?: boolean;
  timeoutMs?: number;
}

/** `libreoffice --headless --convert-to <target>`; returns the files it wrote into outDir. */
export function libreOfficeConvert(input: string, target: string, options: ConvertOptions): string[] {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  if (options.recalculate) writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
  mkdirSync(options.outDir, { recursive: true });
  const before = new Set(readdirSync(options.outDir));
  const binary = onPath('libreoffice') ? 'libreoffice' : 'soffice';
  try {
    const result = spawnSync(
      binary,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', options.outDir, input],
      {
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 120_000,
        env: { ...process.env, ...(options.fontconfigFile ? { FONTCONFIG_FILE: options.fontconfigFile } : {}) },
      },
    );
    if (result.status !== 0) throw new Error(`libreoffice failed (${result.status}): ${result.stderr}\n${result.stdout}`);
    if (/Error:/i.test(result.stderr ?? '')) throw new Error(`libreoffice reported: ${result.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const written = readdirSync(options.outDir)
    .filter((name) => !before.has(name))
    .map((name) => join(options.outDir, name));
  if (written.length === 0) throw new Error(`libreoffice wrote nothing for ${input}`);
  return written;
}

/** Keep Word comments in the PDF (as annotations). */
export const PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';
/** UTF-8, comma separated, cell text as shown, one csv per sheet (`<name>-<sheet>.csv`). */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

export function docxToPdf(docx: string, outDir: string, fontconfigFile?: string): string {
  const written = libreOfficeConvert(docx, PDF_WITH_NOTES, { outDir, fontconfigFile });
  const pdf = written.find((path) => extname(path) === '.pdf');
  if (!pdf) throw new Error(`no pdf among ${written.join(', ')}`);
  return pdf;
}

/**
 * Many .docx files to PDF (without comments) in one LibreOffice run; returns each input's PDF path. Inputs
 * must have distinct base names.
 */
export function docxFilesToPdf(inputs: string[], outDir: string, fontconfigFile?: string): Record<string, string> {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const binary = onPath('libreoffice') ? 'libreoffice' : 'soffice';
  try {
    const result = spawnSync(binary, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...inputs], {
      encoding: 'utf8',
      timeout: 60_000 + inputs.length * 30_000,
      env: { ...process.env, ...(fontconfigFile ? { FONTCONFIG_FILE: fontconfigFile } : {}) },
    });
    if (result.status !== 0) throw new Error(`libreoffice failed (${result.status}): ${result.stderr}\n${result.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdfs: Record<string, string> = {};
  for (const input of inputs) {
    const pdf = join(outDir, `${basename(input, extname(input))}.pdf`);
    if (!existsSync(pdf)) throw new Error(`libreoffice wrote no PDF for ${input}`);
    pdfs[input] = pdf;
  }
  return pdfs;
}

/** Minimal RFC 4180 csv parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Convert an xlsx with Calc (formulas recalculated) to csv; returns the cells of each sheet by sheet name. */
export function xlsxToCsvSheets(xlsx: string, outDir: string): Record<string, string[][]> {
  const written = libreOfficeConvert(xlsx, CSV_ALL_SHEETS, { outDir, recalculate: true });
  const stem = basename(xlsx, extname(xlsx));
  const sheets: Record<string, string[][]> = {};
  for (const path of written) {
    const name = basename(path, '.csv');
    const sheet = name.startsWith(`${stem}-`) ? name.slice(stem.length + 1) : name;
    sheets[sheet] = parseCsv(readFileSync(path, 'utf8'));
  }
  return sheets;
}

export function pdfToText(pdf: string): string {
  // poppler warns about LibreOffice's comment annotations on stderr ("Bad bounding box"): harmless.
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Page count from pdfinfo. */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Render pages to PNG (`pdftoppm -png -r <dpi>`); returns the image paths in page order. */
export function pdfToPng(pdf: string, outPrefix: string, dpi = 60, pages?: { first?: number; last?: number }): string[] {
  const args = ['-png', '-r', String(dpi)];
  if (pages?.first) args.push('-f', String(pages.first));
  if (pages?.last) args.push('-l', String(pages.last));
  execFileSync('pdftoppm', [...args, pdf, outPrefix], { stdio: ['ignore', 'ignore', 'ignore'] });
  const directory = resolve(outPrefix, '..');
  const stem = basename(outPrefix);
  return readdirSync(directory)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(directory, name));
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
