import { Input, InputNumber, Select, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { isNumericColumnType } from '../../../electron/core/common/formula';
import type { ColumnType } from '../../../electron/core/common/schemas/template';
import { issueMessage, useEditorIssues, WithIssues } from './editor-issues';
import { FormulaInput } from './FormulaInput';
import { RowActions } from './list-rows';
import { isComputed, limits, type DraftColumn } from './template-draft';

const columnTypes: ColumnType[] = ['text', 'integer', 'decimal', 'percent', 'money', 'date'];

/** The grid shared by the column editor's header and its rows. */
export const columnGrid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(80px, 1fr) minmax(90px, 1fr) 96px 64px 64px minmax(200px, 2.2fr) 92px',
  gap: 8,
  alignItems: 'start',
};

interface ColumnRowProps {
  column: DraftColumn;
  index: number;
  count: number;
  /** Issue path of the column: `sections.3.table.columns.1`. */
  path: string;
  testId: string;
  /** The formula engine's problems with this column's formula. */
  formulaProblems: string[];
  onUpdate: (patch: Partial<DraftColumn>) => void;
  /** The key input got focus / lost it (a renamed key renames its references on blur). */
  onKeyFocus: () => void;
  onKeyBlur: () => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

/** One column of a data table: key, label, type, unit, decimals, formula or options; reorder and remove. */
export function ColumnRow({ column, index, count, path, testId, formulaProblems, onUpdate, onKeyFocus, onKeyBlur, onMove, onRemove }: ColumnRowProps) {
  const { t } = useTranslation();
  const numeric = isNumericColumnType(column.type);
  return (
    <div style={{ ...columnGrid, marginBottom: 8 }} data-testid={testId}>
      <WithIssues path={`${path}.key`}>
        {(status) => (
          <Input
            size="small"
            value={column.key}
            status={status}
            maxLength={limits.key}
            aria-label={t('templateEditor.columnKey')}
            onFocus={onKeyFocus}
            onBlur={onKeyBlur}
            onChange={(event) => onUpdate({ key: event.target.value })}
            data-testid={`${testId}-key`}
          />
        )}
      </WithIssues>
      <WithIssues path={`${path}.label`}>
        {(status) => (
          <Input
            size="small"
            value={column.label}
            status={status}
            maxLength={limits.label}
            aria-label={t('templateEditor.columnLabel')}
            onChange={(event) => onUpdate({ label: event.target.value })}
            data-testid={`${testId}-label`}
          />
        )}
      </WithIssues>
      <Select
        size="small"
        value={column.type}
        aria-label={t('templateEditor.columnType')}
        options={columnTypes.map((type) => ({ value: type, label: t(`templateEditor.columnTypes.${type}`) }))}
        onChange={(type) => onUpdate({ type })}
        data-testid={`${testId}-type`}
      />
      <WithIssues path={`${path}.unit`}>
        {(status) => (
          <Input
            size="small"
            value={column.unit ?? ''}
            status={status}
            maxLength={limits.unit}
            placeholder={column.type === 'percent' ? '%' : ''}
            aria-label={t('templateEditor.columnUnit')}
            onChange={(event) => onUpdate({ unit: event.target.value })}
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
        onChange={(decimals) => onUpdate({ decimals: decimals ?? undefined })}
        style={{ width: '100%' }}
      />
      <ColumnRule column={column} path={path} testId={testId} formulaProblems={formulaProblems} onUpdate={onUpdate} />
      <RowActions index={index} count={count} removeLabel={t('templateEditor.removeColumn')} canRemove={count > 1} onMove={onMove} onRemove={onRemove} />
    </div>
  );
}

/** What fills a column: options for an input text column, nothing for an input date column, else a formula. */
function ColumnRule({
  column,
  path,
  testId,
  formulaProblems,
  onUpdate,
}: Pick<ColumnRowProps, 'column' | 'path' | 'testId' | 'formulaProblems' | 'onUpdate'>) {
  const { t } = useTranslation();
  const issues = useEditorIssues();
  if (column.type === 'text' && !isComputed(column)) {
    return (
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
          onChange={(options: string[]) => onUpdate({ options })}
          style={{ width: '100%' }}
        />
        {(column.options?.length ?? 0) > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-options-hint`}>
            {t('officeTemplates.optionsHint')}
          </Typography.Text>
        )}
      </div>
    );
  }
  if (column.type === 'date' && !isComputed(column)) return <span />;
  const problems = [
    ...formulaProblems,
    ...issues
      .at(`${path}.formula`)
      .filter((issue) => issue.code !== 'formula')
      .map((issue) => issueMessage(t, issue)),
  ];
  return <FormulaInput value={column.formula} onChange={(formula) => onUpdate({ formula })} problems={problems} testId={`${testId}-formula`} />;
}
