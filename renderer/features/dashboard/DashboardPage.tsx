import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChannelOutput } from '../../../electron/api/contract';
import type { DocumentKind } from '../../../electron/core/common/schemas/template';
import { useChannel } from '../../api/hooks';
import { EChart } from '../insight/EChart';
import '../insight/insight.css';
import { useProfile } from '../profiles/session';
import { documentKinds, formatPeriod } from '../reports/labels';

type View = ChannelOutput<'insight:dashboard'>;
type DashboardRow = View['rows'][number];

const colors = { onTime: '#3a9d5d', late: '#d9822b', missing: '#c23b3b', pending: '#bfbfbf' };
const gradeColors = ['#1f5fa8', '#2a9fb0', '#d9a62b', '#c23b3b', '#7b5ea7', '#8c6d31'];
const fontFamily = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";

/** A rate as a percentage, or 无数据 when there is nothing to count. */
function rateText(rate: number | null, noData: string): string {
  return rate === null || !Number.isFinite(rate) ? noData : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function stackedBars(categories: string[], series: { name: string; color: string; values: number[] }[]): Record<string, unknown> {
  const textStyle = { fontFamily, fontSize: 12 };
  return {
    animation: false,
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle },
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0, fontFamily } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily } },
    series: series.map((entry) => ({
      type: 'bar',
      name: entry.name,
      stack: 'total',
      barMaxWidth: 40,
      itemStyle: { color: entry.color },
      label: { show: true, fontFamily, formatter: (params: { value: number }) => (params.value ? String(params.value) : '') },
      data: entry.values,
    })),
  };
}

/**
 * 统计: per customer manager for a month — documents by kind, on time / late / missing against each template's
 * cadence, grades, comments, meeting flags and 疑似雷同 — with the figures below the office's targets in red,
 * charts of submissions and grades, and a click through to the documents. A manager sees their own row.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const profile = useProfile();
  const supervisor = profile.role === 'supervisor';
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const dashboard = useChannel('insight:dashboard', { period: month, ...(kind ? { kind } : {}) });
  const view = dashboard.data;
  const noData = t('dashboard.noData');

  const openList = (row: DashboardRow) => {
    const params = new URLSearchParams({ period: month });
    if (supervisor && row.managerId) params.set('authorId', row.managerId);
    if (kind) params.set('kind', kind);
    navigate(`/reports?${params.toString()}`);
  };

  const submissionChart = useMemo(() => {
    if (!view) return null;
    const names = view.rows.map((row) => row.managerName);
    return stackedBars(names, [
      { name: t('dashboard.onTime'), color: colors.onTime, values: view.rows.map((row) => row.onTime) },
      { name: t('dashboard.late'), color: colors.late, values: view.rows.map((row) => row.late) },
      { name: t('dashboard.missing'), color: colors.missing, values: view.rows.map((row) => row.missing) },
    ]);
  }, [view, t]);

  const gradeChart = useMemo(() => {
    if (!view) return null;
    const names = view.rows.map((row) => row.managerName);
    return stackedBars(names, [
      ...view.grades.map((grade, index) => ({ name: grade, color: gradeColors[index % gradeColors.length], values: view.rows.map((row) => row.grades[grade] ?? 0) })),
      { name: t('dashboard.ungraded'), color: colors.pending, values: view.rows.map((row) => row.ungraded) },
    ]);
  }, [view, t]);

  const columns = useMemo<ColumnsType<DashboardRow>>(() => {
    if (!view) return [];
    const below = (row: DashboardRow, target: 'onTime' | 'goodGrade') => (row.below.includes(target) ? 'rd-below' : undefined);
    const count = (title: string, key: string, value: (row: DashboardRow) => number, width = 64) => ({
      title,
      key,
      width,
      align: 'right' as const,
      render: (_: unknown, row: DashboardRow) => <span data-testid={`dash-${key}-${row.managerId || 'total'}`}>{value(row)}</span>,
    });
    const shownKinds = documentKinds.filter((entry) => entry !== 'custom' || view.totals.byKind.custom > 0);
    return [
      {
        title: t('dashboard.manager'),
        key: 'manager',
        fixed: 'left',
        width: 96,
        render: (_: unknown, row) =>
          row.managerId ? (
            <Typography.Link onClick={() => openList(row)} data-testid={`dash-manager-${row.managerId}`}>
              {row.managerName}
            </Typography.Link>
          ) : (
            <Typography.Text strong>{t('dashboard.total')}</Typography.Text>
          ),
      },
      { title: t('dashboard.unit'), dataIndex: 'unit', key: 'unit', width: 100, ellipsis: true },
      {
        title: t('dashboard.documents'),
        children: [
          count(t('dashboard.all'), 'documents', (row) => row.documents, 56),
          ...shownKinds.map((entry) => count(t(`dashboard.kindsShort.${entry}`), `kind-${entry}`, (row) => row.byKind[entry] ?? 0, 64)),
        ],
      },
      {
        title: t('dashboard.submission'),
        children: [
          count(t('dashboard.onTime'), 'onTime', (row) => row.onTime, 56),
          count(t('dashboard.late'), 'late', (row) => row.late, 56),
          count(t('dashboard.missing'), 'missing', (row) => row.missing, 56),
          {
            title: t('dashboard.onTimeRate'),
            key: 'onTimeRate',
            width: 80,
            align: 'right',
            onCell: (row) => ({ className: below(row, 'onTime') }),
            render: (_: unknown, row) => <span data-testid={`dash-onTimeRate-${row.managerId || 'total'}`}>{rateText(row.onTimeRate, noData)}</span>,
          },
        ],
      },
      {
        title: t('dashboard.grades'),
        children: [
          ...view.grades.map((grade) => count(grade, `grade-${grade}`, (row) => row.grades[grade] ?? 0, 56)),
          {
            title: t('dashboard.goodShare', { grades: view.goodGrades.join('/') }),
            key: 'goodShare',
            width: 96,
            align: 'right',
            onCell: (row) => ({ className: below(row, 'goodGrade') }),
            render: (_: unknown, row) => <span data-testid={`dash-goodShare-${row.managerId || 'total'}`}>{rateText(row.goodShare, noData)}</span>,
          },
        ],
      },
      {
        title: t('dashboard.comments'),
        children: [
          count(t('dashboard.open'), 'open', (row) => row.comments.open, 64),
          count(t('dashboard.fixed'), 'fixed', (row) => row.comments.fixed, 64),
          count(t('dashboard.resolved'), 'resolved', (row) => row.comments.resolved, 64),
        ],
      },
      {
        title: t('dashboard.meeting'),
        children: [count(t('dashboard.praise'), 'praise', (row) => row.praise, 56), count(t('dashboard.critique'), 'critique', (row) => row.critique, 56)],
      },
      ...(supervisor ? [count(t('dashboard.copyFlagged'), 'copyFlagged', (row) => row.copyFlagged ?? 0, 72)] : []),
    ];
    // openList reads only month, kind and supervisor, which are dependencies.
  }, [view, t, noData, supervisor, month, kind]);

  const totals = view?.totals;
  return (
    <div className="rd-page rd-dashboard" data-testid="dashboard">
      <div className="rd-page-header">
        <h2>
          {supervisor ? t('dashboard.title') : t('dashboard.titleOwn')}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
            {formatPeriod(month)}
            {kind ? ` · ${t(`kinds.${kind}`)}` : ''}
          </Typography.Text>
        </h2>
        <Space className="rd-no-print">
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
            aria-label={t('dashboard.period')}
            data-testid="dashboard-month"
          />
          <Select
            allowClear
            placeholder={t('reports.filterKind')}
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            aria-label={t('reports.filterKind')}
            options={documentKinds.map((entry) => ({ value: entry, label: t(`kinds.${entry}`) }))}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
        </Space>
      </div>
      {dashboard.isLoading || !view || !totals ? (
        <Spin style={{ margin: 48 }} />
      ) : view.rows.length === 0 ? (
        <Empty description={t('dashboard.noManagers')} />
      ) : (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              { title: supervisor ? t('dashboard.managers') : t('dashboard.manager'), value: String(view.rows.length) },
              { title: t('dashboard.documents'), value: String(totals.documents) },
              { title: t('dashboard.onTimeRate'), value: rateText(totals.onTimeRate, noData), below: totals.below.includes('onTime') },
              { title: t('dashboard.goodShare', { grades: view.goodGrades.join('/') }), value: rateText(totals.goodShare, noData), below: totals.below.includes('goodGrade') },
              { title: t('dashboard.open'), value: String(totals.comments.open) },
              ...(supervisor ? [{ title: t('dashboard.copyFlagged'), value: String(totals.copyFlagged ?? 0), below: (totals.copyFlagged ?? 0) > 0 }] : []),
            ].map((item) => (
              <Col key={item.title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={item.title} value={item.value} valueStyle={item.below ? { color: '#cf1322' } : undefined} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('dashboard.targets', {
              onTime: rateText(view.targets.onTime, noData),
              goodGrade: rateText(view.targets.goodGrade, noData),
              grades: view.goodGrades.join('/'),
            })}{' '}
            <Tag color="red" bordered={false}>
              {t('dashboard.belowLegend')}
            </Tag>
            {view.expectedKinds.length > 0 &&
              t('dashboard.expectedKinds', {
                kinds: view.expectedKinds.map((entry) => `${t(`kinds.${entry.kind}`)}（${t(`cadences.${entry.cadence}`)}）`).join('、'),
              })}
          </Typography.Paragraph>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.submissionChart')}>
                {submissionChart && (
                  <EChart
                    option={submissionChart}
                    height={280}
                    testId="dashboard-submission-chart"
                    ariaLabel={t('dashboard.submissionChart')}
                    onClick={(name) => {
                      const row = view.rows.find((entry) => entry.managerName === name);
                      if (row) openList(row);
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.gradeChart')}>
                {gradeChart && (
                  <EChart
                    option={gradeChart}
                    height={280}
                    testId="dashboard-grade-chart"
                    ariaLabel={t('dashboard.gradeChart')}
                    onClick={(name) => {
                      const row = view.rows.find((entry) => entry.managerName === name);
                      if (row) openList(row);
                    }}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Table<DashboardRow>
            className="rd-dashboard-table"
            size="small"
            bordered
            rowKey={(row) => row.managerId || 'total'}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={view.rows}
            onRow={(row) => ({ 'data-testid': `dashboard-row-${row.managerId}` }) as React.HTMLAttributes<HTMLElement>}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  {flatColumns(columns).map((column, index) => {
                    const cell = column.render ? column.render(undefined, totals, 0) : null;
                    const className = column.onCell ? (column.onCell(totals, 0) as { className?: string }).className : undefined;
                    return (
                      <Table.Summary.Cell key={String(column.key ?? index)} index={index} align={column.align} className={className}>
                        {column.key === 'unit' ? '' : (cell as React.ReactNode)}
                      </Table.Summary.Cell>
                    );
                  })}
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </>
      )}
    </div>
  );
}

type LeafColumn = {
  key?: React.Key;
  align?: 'left' | 'right' | 'center';
  render?: (value: unknown, row: DashboardRow, index: number) => React.ReactNode;
  onCell?: (row: DashboardRow, index: number) => unknown;
};

/** The leaf columns of grouped columns, in order (for the 合计 row). */
function flatColumns(columns: ColumnsType<DashboardRow>): LeafColumn[] {
  return columns.flatMap((column) => ('children' in column && column.children ? flatColumns(column.children) : [column as LeafColumn]));
}
