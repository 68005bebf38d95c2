import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../insight/EChart';
import { gradeChartOption, submissionChartOption, type DashboardRow, type DashboardView } from './dashboard-model';

/** One chart in its card; a click on a manager's bar opens their documents. */
function ChartCard({ title, option, testId, view, openList }: { title: string; option: Record<string, unknown>; testId: string; view: DashboardView; openList: (row: DashboardRow) => void }) {
  return (
    <Col xs={24} xl={12}>
      <Card size="small" title={title}>
        <EChart
          option={option}
          height={280}
          testId={testId}
          ariaLabel={title}
          onClick={(name) => {
            const row = view.rows.find((entry) => entry.managerName === name);
            if (row) openList(row);
          }}
        />
      </Card>
    </Col>
  );
}

/** 提交情况 and 评分分布 side by side. */
export function DashboardCharts({ view, openList }: { view: DashboardView; openList: (row: DashboardRow) => void }) {
  const { t } = useTranslation();
  const submissionChart = useMemo(() => submissionChartOption(view, { onTime: t('dashboard.onTime'), late: t('dashboard.late'), missing: t('dashboard.missing') }), [view, t]);
  const gradeChart = useMemo(() => gradeChartOption(view, t('dashboard.ungraded')), [view, t]);
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <ChartCard title={t('dashboard.submissionChart')} option={submissionChart} testId="dashboard-submission-chart" view={view} openList={openList} />
      <ChartCard title={t('dashboard.gradeChart')} option={gradeChart} testId="dashboard-grade-chart" view={view} openList={openList} />
    </Row>
  );
}
