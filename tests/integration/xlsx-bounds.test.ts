import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxLimits } from '../../electron/core/import/xlsx-reader';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { formatMessage } from '../../electron/core/common/messages';
import { makeTempDir, office, openTempStore } from '../helpers/temp-store';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('.xlsx import of a full-height sheet', () => {
  it('streams a 1,048,576-row sheet within the size limit, stops at its row cap, in under 300 MB', { timeout: 300_000 }, async () => {
    const dir = await makeTempDir('reportdesk-xlsx-');
    const file = path.join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('大表');
    for (let row = 0; row < 1_048_576; row++) sheet.addRow([row]).commit();
    await sheet.commit();
    await writer.commit();
    const bytes = (await readFile(file)).length;
    expect(bytes).toBeLessThanOrEqual(xlsxLimits.bytes);

    // Its own process, so the peak memory is the reader's (plus Node and tsx), not the test runner's.
    const { stdout } = await promisify(execFile)(tsx, [path.join(root, 'tests', 'fixtures', 'read-xlsx.ts'), file], { cwd: root, maxBuffer: 1024 * 1024 });
    const result = JSON.parse(stdout.trim()) as { rows: number[]; notices: string[]; peakMB: number };
    expect(result.rows).toEqual([xlsxLimits.rowsPerSheet]);
    expect(result.notices).toEqual([`工作表“大表”超过 5000 行的上限：只导入了前 5000 行，其余的行没有导入。请把表格拆成几个文件分别导入`]);
    expect(result.peakMB).toBeLessThanOrEqual(300);
    await recordFigures('xlsx', { sheetRows: 1_048_576, fileBytes: bytes, keptRows: result.rows[0], peakMB: result.peakMB });
    expect(docFigure('.xlsx with a 1,048,576-row sheet')).toMatch(/^first 5000 rows kept, peak ≤ 300 MB/);
  });
});

describe('.xlsx import over its row cap says so', () => {
  it('the table import channel names how many rows were imported and that the rest was not, in zh-CN and English', { timeout: 120_000 }, async () => {
    const dir = await makeTempDir('reportdesk-xlsx-cut-');
    const file = path.join(dir, 'over.xlsx');
    const workbook = new ExcelJS.Workbook();
    const over = workbook.addWorksheet('走访明细');
    over.addRow(['序号', '客户名称']);
    for (let row = 1; row <= xlsxLimits.rowsPerSheet + 700; row++) over.addRow([row, `零售户${row}`]);
    const small = workbook.addWorksheet('汇总');
    small.addRow(['合计', 5700]);
    await workbook.xlsx.writeFile(file);
    const store = await openTempStore({ seed: true });
    const result = await store.dispatcher.dispatch('tables:read-xlsx', office.manager, { fileName: '走访明细.xlsx', dataBase64: (await readFile(file)).toString('base64') });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { sheets: { name: string; rows: string[][]; cut?: { rows: boolean } }[]; notices: { key: string; params: Record<string, string | number>; message: string }[] };
    expect(value.sheets.map((sheet) => [sheet.name, sheet.rows.length, sheet.cut?.rows ?? false])).toEqual([
      ['走访明细', xlsxLimits.rowsPerSheet, true],
      ['汇总', 1, false],
    ]);
    // The rows kept are the sheet's first ones: the header and rows 1 … 4999.
    expect(value.sheets[0].rows.at(-1)).toEqual([String(xlsxLimits.rowsPerSheet - 1), `零售户${xlsxLimits.rowsPerSheet - 1}`]);
    expect(value.notices).toHaveLength(1);
    expect(value.notices[0].message).toBe('工作表“走访明细”超过 5000 行的上限：只导入了前 5000 行，其余的行没有导入。请把表格拆成几个文件分别导入');
    expect(formatMessage(value.notices[0].key, value.notices[0].params, 'en')).toBe(
      'Sheet “走访明细” is over the limit of 5000 rows: only its first 5000 rows were imported; the rest were not. Split the sheet into several files to import them.',
    );

    // A sheet within the cap has no notice.
    const fits = new ExcelJS.Workbook();
    fits.addWorksheet('小表').addRow(['一', '二']);
    const quiet = await store.dispatcher.dispatch('tables:read-xlsx', office.manager, { fileName: '小表.xlsx', dataBase64: Buffer.from(await fits.xlsx.writeBuffer()).toString('base64') });
    expect(quiet).toMatchObject({ ok: true, value: { notices: [] } });
  });
});
