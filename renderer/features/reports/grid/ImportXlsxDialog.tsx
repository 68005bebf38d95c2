import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Radio, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../../../electron/core/common/formula';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { ColumnDef, TableDef } from '../../../../electron/core/common/schemas/template';
import { toBase64 } from '../../../api/files';
import { ApiCallError, localised, request } from '../../../api/client';
import {
  autoMatchColumns,
  buildImportRows,
  columnLetter,
  pickSheet,
  sheetWidth,
  type ColumnMapping,
  type ImportResult,
} from './column-mapping';
import { cellKey } from './grid-view';
import { inputColumns } from './grid-model';

/** The contract caps the base64 text at 14,000,000 characters, about 10 MB of file. */
const MAXIMUM_FILE_MEGABYTES = 10;
const PREVIEW_ROWS = 5;
/** Select value for "不导入". */
const SKIP = -1;

export interface XlsxSheet {
  name: string;
  rows: string[][];
}

export type ImportMode = 'append' | 'replace';

export interface ImportXlsxDialogProps {
  open: boolean;
  table: TableDef;
  title: string;
  onCancel: () => void;
  onImport: (result: ImportResult, mode: ImportMode) => void;
}


function newId(): string {
  return crypto.randomUUID();
}

/**
 * 从 Excel 导入: pick an .xlsx file (read by the backend channel `tables:read-xlsx`), a sheet, whether
 * its first row is a header, map each input column to a sheet column (auto-matched, editable), preview
 * the first rows, then append or replace.
 */
export function ImportXlsxDialog({ open, table, title, onCancel, onImport }: ImportXlsxDialogProps) {
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
  const width = sheet ? sheetWidth(sheet.rows) : 0;

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

  const mappedCount = columns.filter((column) => mapping[column.key] !== null && mapping[column.key] !== undefined).length;
  const full = useMemo(
    () => (sheet && mappedCount > 0 ? buildImportRows(table, sheet.rows, { hasHeader, mapping }, newId) : null),
    [sheet, table, hasHeader, mapping, mappedCount],
  );
  const rejectedKeys = useMemo(() => new Map((full?.rejected ?? []).map((cell) => [cellKey(cell.rowId, cell.key), cell.text])), [full]);

  const sheetOptions = useMemo(() => {
    if (!sheet) return [];
    const header = sheet.rows[0] ?? [];
    const sample = hasHeader ? header : (sheet.rows.find((row) => row.some((cell) => cell.trim() !== '')) ?? []);
    return [
      { value: SKIP, label: t('grid.import.skipColumn') },
      ...Array.from({ length: width }, (_, index) => {
        const text = (sample[index] ?? '').trim();
        const letter = columnLetter(index);
        return {
          value: index,
          label: text ? t('grid.import.sheetColumnLabel', { letter, sample: text.length > 24 ? `${text.slice(0, 24)}…` : text }) : t('grid.import.sheetColumnEmpty', { letter }),
        };
      }),
    ];
  }, [sheet, hasHeader, width, t]);

  const mappedColumns = columns.filter((column) => mapping[column.key] !== null && mapping[column.key] !== undefined);
  const previewRows = (full?.rows ?? []).slice(0, PREVIEW_ROWS);
  const canImport = !!full && full.rows.length > 0;

  const reset = () => {
    setFileName(null);
    setSheets(null);
    setError(null);
    setNotices([]);
    setMapping({});
    setMode('append');
  };

  return (
    <Modal
      open={open}
      width={820}
      title={t('grid.import.title', { title })}
      onCancel={() => {
        reset();
        onCancel();
      }}
      destroyOnHidden
      footer={[
        <Button
          key="cancel"
          onClick={() => {
            reset();
            onCancel();
          }}
        >
          {t('common.cancel')}
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!canImport}
          data-testid="grid-import-submit"
          onClick={() => {
            if (!full) return;
            onImport(full, mode);
            reset();
          }}
        >
          {t('grid.import.submit')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="grid-import-file"
          onChange={(event) => void chooseFile(event.target.files?.[0])}
        />
        <Space wrap>
          <Button icon={<FileExcelOutlined />} onClick={() => fileInput.current?.click()} disabled={reading}>
            {t('grid.import.chooseFile')}
          </Button>
          {fileName && <Typography.Text type="secondary">{t('grid.import.fileChosen', { name: fileName })}</Typography.Text>}
          {reading && <Spin size="small" />}
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
        {notices.map((notice) => (
          <Alert key={notice} type="warning" showIcon title={notice} data-testid="xlsx-import-cut" style={{ marginTop: 8 }} />
        ))}
        {sheets && sheet && (
          <>
            <Space wrap size="large">
              <Space>
                <Typography.Text>{t('grid.import.sheet')}</Typography.Text>
                <Select
                  style={{ minWidth: 200 }}
                  value={sheetIndex}
                  aria-label={t('grid.import.sheet')}
                  options={sheets.map((candidate, index) => ({
                    value: index,
                    label: t('grid.import.sheetRows', { name: candidate.name, count: candidate.rows.length }),
                  }))}
                  onChange={(index: number) => {
                    setSheetIndex(index);
                    remap(sheets[index], hasHeader);
                  }}
                />
              </Space>
              <Checkbox
                checked={hasHeader}
                onChange={(event) => {
                  setHasHeader(event.target.checked);
                  remap(sheet, event.target.checked);
                }}
              >
                {t('grid.import.firstRowHeader')}
              </Checkbox>
            </Space>
            <div>
              <Typography.Text strong>{t('grid.import.mapping')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('grid.import.mappingHint')}
              </Typography.Paragraph>
              <table className="rd-grid-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('grid.import.tableColumn')}</th>
                    <th scope="col">{t('grid.import.sheetColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {columns.map((column) => (
                    <tr key={column.key}>
                      <th scope="row">{columnHeader(column, t)}</th>
                      <td>
                        <Select
                          style={{ width: 280 }}
                          size="small"
                          aria-label={columnHeader(column, t)}
                          data-testid={`grid-import-map-${column.key}`}
                          value={mapping[column.key] ?? SKIP}
                          options={sheetOptions}
                          onChange={(value: number) => setMapping((current) => ({ ...current, [column.key]: value === SKIP ? null : value }))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {mappedCount === 0 ? (
              <Alert type="warning" showIcon title={t('grid.import.nothingMapped')} />
            ) : (
              <div>
                <Typography.Text strong>{t('grid.import.preview')}</Typography.Text>
                <Table<TableRow>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  scroll={{ x: true }}
                  style={{ marginTop: 8 }}
                  dataSource={previewRows}
                  locale={{ emptyText: t('grid.import.noRows') }}
                  columns={mappedColumns.map((column) => ({
                    key: column.key,
                    title: columnHeader(column, t),
                    align: column.type === 'text' || column.type === 'date' ? 'left' : 'right',
                    render: (_: unknown, row: TableRow) => {
                      const rejected = rejectedKeys.get(cellKey(row.id, column.key));
                      if (rejected !== undefined) return <span className="rd-grid-import-rejected">{rejected}</span>;
                      const value = row.cells[column.key];
                      return value === undefined || value === null ? '' : formatCell(column, { value });
                    },
                  }))}
                />
                {full && (
                  <Space orientation="vertical" size={0} style={{ marginTop: 8 }}>
                    <Typography.Text type={full.rejected.length ? 'warning' : 'secondary'} data-testid="grid-import-summary">
                      {full.rejected.length
                        ? t('grid.import.summaryRejected', { count: full.rows.length, rejected: full.rejected.length })
                        : t('grid.import.summary', { count: full.rows.length })}
                    </Typography.Text>
                    {full.blankRows > 0 && <Typography.Text type="secondary">{t('grid.import.blankRows', { count: full.blankRows })}</Typography.Text>}
                  </Space>
                )}
              </div>
            )}
            <Space>
              <Typography.Text>{t('grid.import.mode')}</Typography.Text>
              <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
                <Radio value="append">{t('grid.import.append')}</Radio>
                <Radio value="replace">{t('grid.import.replace')}</Radio>
              </Radio.Group>
            </Space>
          </>
        )}
      </Space>
    </Modal>
  );
}

/** "销量（箱）": a column's label with its unit. */
export function columnHeader(column: ColumnDef, t: (key: string, options?: Record<string, unknown>) => string): string {
  return column.unit ? t('grid.headerWithUnit', { label: column.label, unit: column.unit }) : column.label;
}
