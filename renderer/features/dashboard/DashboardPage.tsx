import { Empty, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentKind } from '../../../electron/core/common/schemas/template';
import { useChannel } from '../../api/hooks';
import '../insight/insight.css';
import { useProfile } from '../profiles/session';
import { DashboardCharts } from './DashboardCharts';
import { dashboardColumns } from './dashboardColumns';
import { DashboardHeader } from './DashboardHeader';
import { reportsListPath, type DashboardRow } from './dashboard-model';
import { DashboardSummary } from './DashboardSummary';
import { DashboardTable } from './DashboardTable';

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

  const openList = (row: DashboardRow) => navigate(reportsListPath(row, month, kind, supervisor));

  // openList reads only month, kind and supervisor, which are dependencies.
  const columns = useMemo(() => (view ? dashboardColumns({ view, t, noData, supervisor, openList }) : []), [view, t, noData, supervisor, month, kind]);

  return (
    <div className="rd-page rd-dashboard" data-testid="dashboard">
      <DashboardHeader supervisor={supervisor} month={month} kind={kind} onMonth={setMonth} onKind={setKind} />
      {dashboard.isLoading || !view || !view.totals ? (
        <Spin style={{ margin: 48 }} />
      ) : view.rows.length === 0 ? (
        <Empty description={t('dashboard.noManagers')} />
      ) : (
        <>
          <DashboardSummary view={view} supervisor={supervisor} />
          <DashboardCharts view={view} openList={openList} />
          <DashboardTable rows={view.rows} totals={view.totals} columns={columns} />
        </>
      )}
    </div>
  );
}
