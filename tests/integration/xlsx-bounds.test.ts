import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxLimits } from '../../electron/core/import/xlsx-reader';
import { docFigure, recordFigures } from '../helpers/reliability-doc';
import { makeTempDir } from '../helpers/temp-store';

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
    const result = JSON.parse(stdout.trim()) as { rows: number[]; peakMB: number };
    expect(result.rows).toEqual([xlsxLimits.rowsPerSheet]);
    expect(result.peakMB).toBeLessThanOrEqual(300);
    await recordFigures('xlsx', { sheetRows: 1_048_576, fileBytes: bytes, keptRows: result.rows[0], peakMB: result.peakMB });
    expect(docFigure('.xlsx with a 1,048,576-row sheet')).toMatch(/^first 5000 rows kept, peak ≤ 300 MB/);
  });
});
