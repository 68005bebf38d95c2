import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Radio, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../../../electron/core/common/formula';
import type { TableRow } from '../../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../../electron/core/common/schemas/template';
import { columnLetter, sheetWidth, type ImportResult } from './column-mapping';
import { cellKey } from './grid-view';
import { columnHeader } from './useGridText';
import { useXlsxImport, type ImportMode, type XlsxImport } from './useXlsxImport';

export type { ImportMode, XlsxSheet } from './useXlsxImport';

const PREVIEW_ROWS = 5;
/** Select value for "不导入". */
const SKIP = -1;

export interface ImportXlsxDialogProps {
  open: boolean;
  table: TableDef;
  title: string;
  onCancel: () => void;
  onImport: (result: ImportResult, mode: ImportMode) => void;
}

/**
 * 从 Excel 导入: pick an .xlsx file (read by the backend channel `tables:read-xlsx`), a sheet, whether
 * its first row is a header, map each input column to a sheet column (auto-matched, editable), preview
 * the first rows, then append or replace.
 */
export function ImportXlsxDialog({ open, table, title, onCancel, onImport }: ImportXlsxDialogProps) {
  const { t } = useTranslation();
  const state = useXlsxImport(table);
  const { full, sheet, sheets } = state;
  const cancel = () => {
    state.reset();
    onCancel();
  };
  return (
    <Modal
      open={open}
      width={820}
      title={t('grid.import.title', { title })}
      onCancel={cancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={cancel}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!full || full.rows.length === 0}
          data-testid="grid-import-submit"
          onClick={() => {
            if (!full) return;
            onImport(full, state.mode);
            state.reset();
          }}
        >
          {t('grid.import.submit')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {/* Each is an item of the Space (its gaps), so none is wrapped in a component of its own. */}
        <input
          ref={state.fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="grid-import-file"
          onChange={(event) => void state.chooseFile(event.target.files?.[0])}
        />
        <FileButton state={state} />
        {state.error && <Alert type="error" showIcon title={state.error} />}
        {state.notices.map((notice) => (
          <Alert key={notice} type="warning" showIcon title={notice} data-testid="xlsx-import-cut" style={{ marginTop: 8 }} />
        ))}
        {sheets && sheet && (
          <>
            <SheetChoice state={state} />
            <MappingTable state={state} />
            {state.mappedColumns.length === 0 ? (
              <Alert type="warning" showIcon title={t('grid.import.nothingMapped')} />
            ) : (
              <ImportPreview state={state} />
            )}
            <Space>
              <Typography.Text>{t('grid.import.mode')}</Typography.Text>
              <Radio.Group value={state.mode} onChange={(event) => state.setMode(event.target.value as ImportMode)}>
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

/** 选择文件, the chosen file's name, and a spinner while it is read. */
function FileButton({ state }: { state: XlsxImport }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} onClick={() => state.fileInput.current?.click()} disabled={state.reading}>
        {t('grid.import.chooseFile')}
      </Button>
      {state.fileName && <Typography.Text type="secondary">{t('grid.import.fileChosen', { name: state.fileName })}</Typography.Text>}
      {state.reading && <Spin size="small" />}
    </Space>
  );
}

function SheetChoice({ state }: { state: XlsxImport }) {
  const { t } = useTranslation();
  return (
    <Space wrap size="large">
      <Space>
        <Typography.Text>{t('grid.import.sheet')}</Typography.Text>
        <Select
          style={{ minWidth: 200 }}
          value={state.sheetIndex}
          aria-label={t('grid.import.sheet')}
          options={(state.sheets ?? []).map((candidate, index) => ({
            value: index,
            label: t('grid.import.sheetRows', { name: candidate.name, count: candidate.rows.length }),
          }))}
          onChange={(index: number) => state.chooseSheet(index)}
        />
      </Space>
      <Checkbox checked={state.hasHeader} onChange={(event) => state.chooseHeader(event.target.checked)}>
        {t('grid.import.firstRowHeader')}
      </Checkbox>
    </Space>
  );
}

/** Each input column with the sheet column it takes its values from (or 不导入). */
function MappingTable({ state }: { state: XlsxImport }) {
  const { t } = useTranslation();
  const { sheet, hasHeader } = state;
  const sheetOptions = useMemo(() => {
    if (!sheet) return [];
    const width = sheetWidth(sheet.rows);
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
  }, [sheet, hasHeader, t]);
  return (
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
          {state.columns.map((column) => (
            <tr key={column.key}>
              <th scope="row">{columnHeader(column, t)}</th>
              <td>
                <Select
                  style={{ width: 280 }}
                  size="small"
                  aria-label={columnHeader(column, t)}
                  data-testid={`grid-import-map-${column.key}`}
                  value={state.mapping[column.key] ?? SKIP}
                  options={sheetOptions}
                  onChange={(value: number) => state.setMapping((current) => ({ ...current, [column.key]: value === SKIP ? null : value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The first rows as they would be imported (refused values in red), and how many rows and refusals in all. */
function ImportPreview({ state }: { state: XlsxImport }) {
  const { t } = useTranslation();
  const { full, rejectedKeys } = state;
  return (
    <div>
      <Typography.Text strong>{t('grid.import.preview')}</Typography.Text>
      <Table<TableRow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        style={{ marginTop: 8 }}
        dataSource={(full?.rows ?? []).slice(0, PREVIEW_ROWS)}
        locale={{ emptyText: t('grid.import.noRows') }}
        columns={state.mappedColumns.map((column) => ({
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
  );
}
