import { FunctionOutlined } from '@ant-design/icons';
import { Input, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell, isNumericColumnType, type ComputedCell } from '../../../electron/core/common/formula';
import { cleanTable, evaluateSample, isComputed, sampleInputs, type DraftTable } from './template-draft';

function markerText(t: (key: string) => string, cell: ComputedCell | undefined): string {
  if (!cell?.marker) return '';
  return t(`templateEditor.markers.${cell.marker}`);
}

/** One sample row computed live with the table's formulas; the input cells can be changed to try values. */
export function TablePreview({ table, testId }: { table: DraftTable; testId: string }) {
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
