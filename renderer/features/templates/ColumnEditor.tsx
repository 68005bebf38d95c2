import { FunctionOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { WithIssues } from './editor-issues';
import { columnGrid, ColumnRow } from './ColumnRow';
import { GridHeader } from './list-rows';
import { TablePreview } from './TablePreview';
import {
  columnFormulaProblems,
  limits,
  moveItem,
  newColumn,
  removeItem,
  renameColumnReferences,
  replaceItem,
  type DraftColumn,
  type DraftTable,
} from './template-draft';

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
  const columns = table.columns;
  const problems = useMemo(() => columnFormulaProblems(table), [table]);
  // The key a column had when its key input got focus: references are renamed once, on blur.
  const keyAtFocus = useRef<Record<string, string>>({});

  const setColumns = (next: DraftColumn[]) => onChange({ ...table, columns: next });
  const update = (index: number, patch: Partial<DraftColumn>) => setColumns(replaceItem(columns, index, { ...columns[index], ...patch }));
  const startKeyEdit = (column: DraftColumn) => {
    keyAtFocus.current[column.uid] = column.key.trim();
  };
  const finishKeyEdit = (column: DraftColumn) => {
    const before = keyAtFocus.current[column.uid];
    delete keyAtFocus.current[column.uid];
    if (before !== undefined && before !== column.key.trim()) onChange(renameColumnReferences(table, before, column.key.trim()));
  };

  return (
    <div data-testid={testId}>
      <GridHeader
        grid={columnGrid}
        titles={[
          t('templateEditor.columnKey'),
          t('templateEditor.columnLabel'),
          t('templateEditor.columnType'),
          t('templateEditor.columnUnit'),
          t('templateEditor.columnDecimals'),
          t('templateEditor.columnFormulaOrOptions'),
          '',
        ]}
      />
      {columns.map((column, index) => (
        <ColumnRow
          key={column.uid}
          column={column}
          index={index}
          count={columns.length}
          path={`${path}.columns.${index}`}
          testId={`${testId}-column-${index}`}
          formulaProblems={problems.get(column.uid) ?? []}
          onUpdate={(patch) => update(index, patch)}
          onKeyFocus={() => startKeyEdit(column)}
          onKeyBlur={() => finishKeyEdit(column)}
          onMove={(delta) => setColumns(moveItem(columns, index, delta))}
          onRemove={() => setColumns(removeItem(columns, index))}
        />
      ))}
      <ColumnListActions table={table} onChange={onChange} path={path} testId={testId} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {t('templateEditor.formulaHelp', { keys: columns.map((column) => column.key.trim()).filter(Boolean).join('、') })}
      </Typography.Paragraph>
      <TablePreview table={table} testId={`${testId}-preview`} />
    </div>
  );
}

/** Under the columns: add a column or a computed column, the totals-row switch, the starter rows kept. */
function ColumnListActions({ table, onChange, path, testId }: { table: DraftTable; onChange: (table: DraftTable) => void; path: string; testId: string }) {
  const { t } = useTranslation();
  const columns = table.columns;
  const add = (column: DraftColumn) => onChange({ ...table, columns: [...columns, column] });
  return (
    <WithIssues path={`${path}.columns`}>
      {() => (
        <Space wrap style={{ marginTop: 4 }}>
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={columns.length >= limits.columns}
            onClick={() => add(newColumn(t('templateEditor.newColumnPrefix'), columns))}
            data-testid={`${testId}-add-column`}
          >
            {t('templateEditor.addColumn')}
          </Button>
          <Button
            size="small"
            type="dashed"
            icon={<FunctionOutlined />}
            disabled={columns.length >= limits.columns}
            onClick={() => add({ ...newColumn(t('templateEditor.newColumnPrefix'), columns), formula: '' })}
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
  );
}
