import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOption, tableChartData } from '../../../electron/api/domain';
import type { TableRow } from '../../../electron/core/common/schemas/report';
import type { TableDef } from '../../../electron/core/common/schemas/template';
import { EChart } from './EChart';

/** The chart a template declares for a table (trend or structure), drawn live from the rows under edit. */
export function TableChart({ table, rows, title, sectionId }: { table: TableDef; rows: TableRow[]; title: string; sectionId: string }) {
  const { t } = useTranslation();
  const data = useMemo(() => tableChartData(table, rows, title), [table, rows, title]);
  const option = useMemo(() => (data ? chartOption(data, { withTitle: true }) : null), [data]);
  if (!table.chart) return null;
  return (
    <div className="rd-table-chart" data-testid={`table-chart-${sectionId}`}>
      {option && data ? (
        <EChart option={option} height={data.type === 'pie' ? 300 : 280} ariaLabel={data.title} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{t('insight.chartNoData')}</Typography.Text>} />
      )}
    </div>
  );
}
