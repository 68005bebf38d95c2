import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FunctionOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell, isNumericColumnType, type ComputedCell } from '../../../electron/core/common/formula';
import type { ColumnType } from '../../../electron/core/common/schemas/template';
import { issueMessage, useEditorIssues, WithIssues } from './editor-issues';
import { FormulaInput } from './FormulaInput';
import {
  cleanTable,
  columnFormulaProblems,
  evaluateSample,
  isComputed,
  limits,
  moveItem,
  newColumn,
  removeItem,
  renameColumnReferences,
  replaceItem,
  sampleInputs,
  type DraftColumn,
  type DraftTable,
} from './template-draft';

const columnTypes: ColumnType[] = ['text', 'integer', 'decimal', 'percent', 'money', 'date'];

const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(80px, 1fr) minmax(90px, 1fr) 96px 64px 64px minmax(200px, 2.2fr) 92px',
  gap: 8,
  alignItems: 'start',
};

/**
 * The columns of a data table: key, label, type, unit, decimals, and a formula (number columns) or
 * options (text columns), with live formula checks, a totals-row switch and a one-row live preview.
 */
export function ColumnEditor({
  table,
  onChange,
  path,
  testId,
}: {
  table: DraftTable;
  onChange: (table: DraftTable) => void;
  /** Issue path of the table: `sections.3.table`. */
  path: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const issues = useEditorIssues();
  const columns = table.columns;
  const problems = useMemo(() => columnFormulaProblems(table), [table]);
  // The key a column had when its key input got focus: references are renamed once, on blur.
  const keyAtFocus = useRef<Record<string, string>>({});

  const setColumns = (next: DraftColumn[]) => onChange({ ...table, columns: next });
  const update = (index: number, patch: Partial<DraftColumn>) => setColumns(replaceItem(columns, index, { ...columns[index], ...patch }));
  const finishKeyEdit = (column: DraftColumn) => {
    const before = keyAtFocus.current[column.uid];
    delete keyAtFocus.current[column.uid];
    if (before !== undefined && before !== column.key.trim()) onChange(renameColumnReferences(table, before, column.key.trim()));
  };

  return (
    <div data-testid={testId}>
      <div style={{ ...grid, marginBottom: 4 }}>
        {[
          t('templateEditor.columnKey'),
          t('templateEditor.columnLabel'),
          t('templateEditor.columnType'),
          t('templateEditor.columnUnit'),
          t('templateEditor.columnDecimals'),
          t('templateEditor.columnFormulaOrOptions'),
          '',
        ].map((title, index) => (
          <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
            {title}
          </Typography.Text>
        ))}
      </div>
      {columns.map((column, index) => {
        const numeric = isNumericColumnType(column.type);
        const formulaPath = `${path}.columns.${index}.formula`;
        const formulaProblems = [
          ...(problems.get(column.uid) ?? []),
          ...issues
            .at(formulaPath)
            .filter((issue) => issue.code !== 'formula')
            .map((issue) => issueMessage(t, issue)),
        ];
        return (
          <div key={column.uid} style={{ ...grid, marginBottom: 8 }} data-testid={`${testId}-column-${index}`}>
            <WithIssues path={`${path}.columns.${index}.key`}>
              {(status) => (
                <Input
                  size="small"
                  value={column.key}
                  status={status}
                  maxLength={limits.key}
                  aria-label={t('templateEditor.columnKey')}
                  onFocus={() => {
                    keyAtFocus.current[column.uid] = column.key.trim();
                  }}
                  onBlur={() => finishKeyEdit(column)}
                  onChange={(event) => update(index, { key: event.target.value })}
                  data-testid={`${testId}-column-${index}-key`}
                />
              )}
            </WithIssues>
            <WithIssues path={`${path}.columns.${index}.label`}>
              {(status) => (
                <Input
                  size="small"
                  value={column.label}
                  status={status}
                  maxLength={limits.label}
                  aria-label={t('templateEditor.columnLabel')}
                  onChange={(event) => update(index, { label: event.target.value })}
                  data-testid={`${testId}-column-${index}-label`}
                />
              )}
            </WithIssues>
            <Select
              size="small"
              value={column.type}
              aria-label={t('templateEditor.columnType')}
              options={columnTypes.map((type) => ({ value: type, label: t(`templateEditor.columnTypes.${type}`) }))}
              onChange={(type) => update(index, { type })}
              data-testid={`${testId}-column-${index}-type`}
            />
            <WithIssues path={`${path}.columns.${index}.unit`}>
              {(status) => (
                <Input
                  size="small"
                  value={column.unit ?? ''}
                  status={status}
                  maxLength={limits.unit}
                  placeholder={column.type === 'percent' ? '%' : ''}
                  aria-label={t('templateEditor.columnUnit')}
                  onChange={(event) => update(index, { unit: event.target.value })}
                />
              )}
            </WithIssues>
            <InputNumber
              size="small"
              min={0}
              max={limits.decimals}
              precision={0}
              value={column.decimals ?? null}
              disabled={!numeric}
              placeholder={numeric ? t('templateEditor.decimalsDefault') : ''}
              aria-label={t('templateEditor.columnDecimals')}
              onChange={(decimals) => update(index, { decimals: decimals ?? undefined })}
              style={{ width: '100%' }}
            />
            {column.type === 'text' && !isComputed(column) ? (
              <div>
                <Select
                  size="small"
                  mode="tags"
                  value={column.options ?? []}
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、']}
                  placeholder={t('templateEditor.columnOptionsPlaceholder')}
                  aria-label={t('templateEditor.options')}
                  onChange={(options: string[]) => update(index, { options })}
                  style={{ width: '100%' }}
                />
                {(column.options?.length ?? 0) > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-column-${index}-options-hint`}>
                    {t('officeTemplates.optionsHint')}
                  </Typography.Text>
                )}
              </div>
            ) : column.type === 'date' && !isComputed(column) ? (
              <span />
            ) : (
              <FormulaInput
                value={column.formula}
                onChange={(formula) => update(index, { formula })}
                problems={formulaProblems}
                testId={`${testId}-column-${index}-formula`}
              />
            )}
            <Space size={2}>
              <Tooltip title={t('templateEditor.moveUp')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('templateEditor.moveUp')}
                  disabled={index === 0}
                  onClick={() => setColumns(moveItem(columns, index, -1))}
                />
              </Tooltip>
              <Tooltip title={t('templateEditor.moveDown')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('templateEditor.moveDown')}
                  disabled={index === columns.length - 1}
                  onClick={() => setColumns(moveItem(columns, index, 1))}
                />
              </Tooltip>
              <Tooltip title={t('templateEditor.removeColumn')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('templateEditor.removeColumn')}
                  disabled={columns.length <= 1}
                  onClick={() => setColumns(removeItem(columns, index))}
                />
              </Tooltip>
            </Space>
          </div>
        );
      })}
      <WithIssues path={`${path}.columns`}>
        {() => (
          <Space wrap style={{ marginTop: 4 }}>
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              disabled={columns.length >= limits.columns}
              onClick={() => setColumns([...columns, newColumn(t('templateEditor.newColumnPrefix'), columns)])}
              data-testid={`${testId}-add-column`}
            >
              {t('templateEditor.addColumn')}
            </Button>
            <Button
              size="small"
              type="dashed"
              icon={<FunctionOutlined />}
              disabled={columns.length >= limits.columns}
              onClick={() => setColumns([...columns, { ...newColumn(t('templateEditor.newColumnPrefix'), columns), formula: '' }])}
              data-testid={`${testId}-add-computed`}
            >
              {t('templateEditor.addComputedColumn')}
            </Button>
            <Space size={6}>
              <Switch size="small" checked={!!table.totalsRow} onChange={(totalsRow) => onChange({ ...table, totalsRow })} aria-label={t('templateEditor.totalsRow')} />
              <Typography.Text>{t('templateEditor.totalsRow')}</Typography.Text>
            </Space>
            {table.starterRows?.length ? (
              <Typography.Text type="secondary">{t('templateEditor.starterRowsKept', { count: table.starterRows.length })}</Typography.Text>
            ) : null}
          </Space>
        )}
      </WithIssues>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {t('templateEditor.formulaHelp', { keys: columns.map((column) => column.key.trim()).filter(Boolean).join('、') })}
      </Typography.Paragraph>
      <TablePreview table={table} testId={`${testId}-preview`} />
    </div>
  );
}

function markerText(t: (key: string) => string, cell: ComputedCell | undefined): string {
  if (!cell?.marker) return '';
  return t(`templateEditor.markers.${cell.marker}`);
}

/** One sample row computed live with the table's formulas; the input cells can be changed to try values. */
function TablePreview({ table, testId }: { table: DraftTable; testId: string }) {
  const { t } = useTranslation();
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const cells = useMemo(() => evaluateSample(table, overrides), [table, overrides]);
  const clean = useMemo(() => cleanTable(table), [table]);
  const samples = useMemo(() => sampleInputs(table), [table]);

  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templateEditor.previewTitle')}
      </Typography.Text>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="id"
        dataSource={[{ id: 'sample' }]}
        columns={table.columns.map((column, index) => ({
          key: column.uid,
          title: (
            <span style={{ whiteSpace: 'nowrap' }}>
              {column.unit ? t('templateEditor.withUnit', { label: column.label || column.key, unit: column.unit }) : column.label || column.key}
              {isComputed(column) && <FunctionOutlined style={{ marginLeft: 4, color: '#1f5fa8' }} aria-label={t('templateEditor.computed')} />}
            </span>
          ),
          align: isNumericColumnType(column.type) ? ('right' as const) : ('left' as const),
          render: () => {
            if (isComputed(column)) {
              const cell = cells[column.key.trim()];
              const shown = cell ? formatCell(clean.columns[index], cell) : '';
              return (
                <Typography.Text strong style={{ color: cell?.marker ? '#cf1322' : '#1f5fa8', whiteSpace: 'nowrap' }} data-testid={`${testId}-cell-${index}`}>
                  {shown || markerText(t, cell) || '—'}
                </Typography.Text>
              );
            }
            return (
              <Input
                size="small"
                variant="borderless"
                value={overrides[column.uid] ?? samples[column.uid]}
                onChange={(event) => setOverrides((previous) => ({ ...previous, [column.uid]: event.target.value }))}
                aria-label={t('templateEditor.sampleValue', { column: column.label || column.key })}
                style={{ minWidth: 64, textAlign: isNumericColumnType(column.type) ? 'right' : 'left', padding: 0 }}
                data-testid={`${testId}-cell-${index}`}
              />
            );
          },
        }))}
      />
    </div>
  );
}
