import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { documentKinds } from '../reports/labels';
import { rateText, rowHook, type DashboardRow, type DashboardView } from './dashboard-model';

/** A right-aligned count column whose cells carry the test hook dash-<key>-<manager or total>. */
function count(title: string, key: string, value: (row: DashboardRow) => number, width = 64) {
  return {
    title,
    key,
    width,
    align: 'right' as const,
    render: (_: unknown, row: DashboardRow) => <span data-testid={`dash-${key}-${rowHook(row)}`}>{value(row)}</span>,
  };
}

/** A rate column, red (rd-below) where the row is below the office's target. */
function rate(title: string, key: 'onTimeRate' | 'goodShare', target: 'onTime' | 'goodGrade', width: number, noData: string): ColumnsType<DashboardRow>[number] {
  return {
    title,
    key,
    width,
    align: 'right',
    onCell: (row) => ({ className: row.below.includes(target) ? 'rd-below' : undefined }),
    render: (_: unknown, row) => <span data-testid={`dash-${key}-${rowHook(row)}`}>{rateText(row[key], noData)}</span>,
  };
}

interface ColumnsInput {
  view: DashboardView;
  t: TFunction;
  noData: string;
  supervisor: boolean;
  openList: (row: DashboardRow) => void;
}

/** The statistics table's grouped columns: manager, unit, documents by kind, submission, grades, comments, meeting. */
export function dashboardColumns({ view, t, noData, supervisor, openList }: ColumnsInput): ColumnsType<DashboardRow> {
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
        rate(t('dashboard.onTimeRate'), 'onTimeRate', 'onTime', 80, noData),
      ],
    },
    {
      title: t('dashboard.grades'),
      children: [
        ...view.grades.map((grade) => count(grade, `grade-${grade}`, (row) => row.grades[grade] ?? 0, 56)),
        rate(t('dashboard.goodShare', { grades: view.goodGrades.join('/') }), 'goodShare', 'goodGrade', 96, noData),
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
}
