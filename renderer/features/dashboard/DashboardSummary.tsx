import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rateText, type DashboardView } from './dashboard-model';

/** The headline figures (red where below target), then the targets and which kinds count as expected. */
export function DashboardSummary({ view, supervisor }: { view: DashboardView; supervisor: boolean }) {
  const { t } = useTranslation();
  const noData = t('dashboard.noData');
  const { totals } = view;
  const grades = view.goodGrades.join('/');
  const figures: { title: string; value: string; below?: boolean }[] = [
    { title: supervisor ? t('dashboard.managers') : t('dashboard.manager'), value: String(view.rows.length) },
    { title: t('dashboard.documents'), value: String(totals.documents) },
    { title: t('dashboard.onTimeRate'), value: rateText(totals.onTimeRate, noData), below: totals.below.includes('onTime') },
    { title: t('dashboard.goodShare', { grades }), value: rateText(totals.goodShare, noData), below: totals.below.includes('goodGrade') },
    { title: t('dashboard.open'), value: String(totals.comments.open) },
    ...(supervisor ? [{ title: t('dashboard.copyFlagged'), value: String(totals.copyFlagged ?? 0), below: (totals.copyFlagged ?? 0) > 0 }] : []),
  ];
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {figures.map((item) => (
          <Col key={item.title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={item.title} value={item.value} valueStyle={item.below ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('dashboard.targets', { onTime: rateText(view.targets.onTime, noData), goodGrade: rateText(view.targets.goodGrade, noData), grades })}{' '}
        <Tag color="red" bordered={false}>
          {t('dashboard.belowLegend')}
        </Tag>
        {view.expectedKinds.length > 0 &&
          t('dashboard.expectedKinds', {
            kinds: view.expectedKinds.map((entry) => `${t(`kinds.${entry.kind}`)}（${t(`cadences.${entry.cadence}`)}）`).join('、'),
          })}
      </Typography.Paragraph>
    </>
  );
}
