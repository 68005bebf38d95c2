import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import { ApiCallError, localised, request } from '../../../api/client';
import { toBase64 } from '../../../api/files';
import { autoMatchColumns, buildImportRows, pickSheet, sheetWidth, type ColumnMapping, type ImportResult } from './column-mapping';
import { inputColumns } from './grid-model';
import { cellKey } from './grid-view';

/** The contract caps the base64 text at 14,000,000 characters, about 10 MB of file. */
const MAXIMUM_FILE_MEGABYTES = 10;

export interface XlsxSheet {
  name: string;
  rows: string[][];
}

export type ImportMode = 'append' | 'replace';

function newId(): string {
  return crypto.randomUUID();
}

/**
 * The state of 从 Excel 导入: the chosen file read by the backend channel `tables:read-xlsx`, its sheets, the
 * chosen sheet, whether its first row is a header, the column mapping (auto-matched, editable), and the rows it gives.
 */
export function useXlsxImport(table: TableDef) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What reading the file left out at its caps (rows, columns, sheets), in the UI's language.
  const [notices, setNotices] = useState<string[]>([]);
  const [sheets, setSheets] = useState<XlsxSheet[] | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [mode, setMode] = useState<ImportMode>('append');
  const columns = useMemo(() => inputColumns(table), [table]);
  const sheet = sheets?.[sheetIndex] ?? null;

  const remap = (next: XlsxSheet | null, header: boolean) => {
    if (!next) return setMapping({});
    setMapping(autoMatchColumns(table, header && next.rows.length ? next.rows[0] : null, sheetWidth(next.rows)));
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotices([]);
    setSheets(null);
    setFileName(file.name);
    if (!/\.xlsx$/i.test(file.name)) return setError(t('grid.import.notXlsx'));
    if (file.size > MAXIMUM_FILE_MEGABYTES * 1024 * 1024) return setError(t('grid.import.tooLarge', { size: MAXIMUM_FILE_MEGABYTES }));
    setReading(true);
    try {
      const result = await request('tables:read-xlsx', { fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) });
      setNotices(result.notices.map((notice) => localised({ code: 'invalid-input', message: notice.message, key: notice.key, params: notice.params }).message));
      const withData = result.sheets.filter((candidate) => candidate.rows.some((row) => row.some((cell) => cell.trim() !== '')));
      if (withData.length === 0) {
        setError(t('grid.import.noSheets'));
        return;
      }
      const first = pickSheet(table, withData);
      setSheets(withData);
      setSheetIndex(first);
      setHasHeader(true);
      remap(withData[first], true);
    } catch (caught) {
      const message = caught instanceof ApiCallError ? caught.error.message : caught instanceof Error ? caught.message : String(caught);
      setError(t('grid.import.readFailed', { message }));
    } finally {
      setReading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const mappedColumns = columns.filter((column) => mapping[column.key] !== null && mapping[column.key] !== undefined);
  const mappedCount = mappedColumns.length;
  const full: ImportResult | null = useMemo(
    () => (sheet && mappedCount > 0 ? buildImportRows(table, sheet.rows, { hasHeader, mapping }, newId) : null),
    [sheet, table, hasHeader, mapping, mappedCount],
  );
  const rejectedKeys = useMemo(() => new Map((full?.rejected ?? []).map((cell) => [cellKey(cell.rowId, cell.key), cell.text])), [full]);

  const reset = () => {
    setFileName(null);
    setSheets(null);
    setError(null);
    setNotices([]);
    setMapping({});
    setMode('append');
  };

  const chooseSheet = (index: number) => {
    setSheetIndex(index);
    remap(sheets?.[index] ?? null, hasHeader);
  };

  const chooseHeader = (header: boolean) => {
    setHasHeader(header);
    remap(sheet, header);
  };

  return {
    fileInput,
    fileName,
    reading,
    error,
    notices,
    sheets,
    sheetIndex,
    sheet,
    hasHeader,
    mapping,
    setMapping,
    mode,
    setMode,
    columns,
    mappedColumns,
    full,
    rejectedKeys,
    chooseFile,
    chooseSheet,
    chooseHeader,
    reset,
  };
}

export type XlsxImport = ReturnType<typeof useXlsxImport>;
