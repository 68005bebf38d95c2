import { Badge, Grid, Table, Tag, Typography } from 'antd';
import type { GetRef, TableProps } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ReportSummary } from '../../../electron/core/common/schemas/report';
import { openedFrom } from '../../app/shortcuts';
import { formatPeriod, statusColors } from './labels';

type TableRef = GetRef<typeof Table>;

/** The table's height: what is left of the window below its top (at least 240 px), so no page scrolls twice. */
function useFitHeight(element: React.RefObject<HTMLElement | null>, fixed: number | undefined): number {
  const [height, setHeight] = useState(fixed ?? 560);
  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const measure = () => {
      const top = element.current?.getBoundingClientRect().top ?? 200;
      // Header row (about 40 px) and a margin below.
      setHeight(Math.max(240, Math.round(window.innerHeight - top - 40 - 20)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [element, fixed]);
  return height;
}

/**
 * A virtualized document table (handles tens of thousands of rows); a row opens the document. Rows are reached
 * with Tab (one stop for the table), moved through with ↑ ↓ Home End PageUp PageDown and opened with Enter.
 */
export function ReportTable({
  rows,
  loading,
  height,
  snippets,
  unread,
  showReview,
  titleTags,
}: {
  rows: ReportSummary[];
  loading?: boolean;
  height?: number;
  /** Search excerpts by document id, shown under the title. */
  snippets?: Map<string, string>;
  /** Documents with review activity the viewer has not seen (shown bold with a dot). */
  unread?: Set<string>;
  /** Add grade, meeting flag and open-comment columns. */
  showReview?: boolean;
  /** Flags shown in their own column (疑似雷同 in the inbox), never cut by the title's ellipsis. */
  titleTags?: Map<string, React.ReactNode>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const frame = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const fitted = useFitHeight(frame, height);
  const screens = Grid.useBreakpoint();
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const activeId = rows[activeIndex]?.id;

  const open = useCallback(
    (row: ReportSummary) => navigate(`/reports/${row.id}`, { state: openedFrom(location.pathname, location.state) }),
    [navigate, location.pathname, location.state],
  );

  // After an arrow key: bring the row into the virtual list's window, then give it the focus.
  useEffect(() => {
    if (!focusWanted.current || !activeId) return;
    table.current?.scrollTo({ index: activeIndex });
    let frames = 0;
    const tryFocus = () => {
      const element = frame.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(activeId)}"]`);
      if (element) {
        focusWanted.current = false;
        element.focus({ preventScroll: true });
      } else if (frames++ < 10) {
        requestAnimationFrame(tryFocus);
      }
    };
    requestAnimationFrame(tryFocus);
  }, [activeIndex, activeId]);

  const move = (to: number) => {
    focusWanted.current = true;
    setActive(Math.max(0, Math.min(rows.length - 1, to)));
  };
  const page = Math.max(1, Math.floor(fitted / 48) - 1);

  const columns: NonNullable<TableProps<ReportSummary>['columns']> = [
    {
      title: t('reports.columnTitle'),
      dataIndex: 'title',
      key: 'title',
      fixed: 'left',
      ellipsis: { showTitle: true },
      render: (title: string, row) => {
        const excerpt = snippets?.get(row.id);
        const heading = unread?.has(row.id) ? (
          <span className="rd-unread" data-unread="true">
            <Badge status="processing" /> {title}
          </span>
        ) : (
          title
        );
        return excerpt ? (
          <div>
            <div>{heading}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis data-testid="search-snippet">
              {excerpt}
            </Typography.Text>
          </div>
        ) : (
          heading
        );
      },
    },
    { title: t('reports.columnKind'), dataIndex: 'kind', key: 'kind', width: 124, responsive: ['xl'], render: (kind: string) => t(`kinds.${kind}`) },
    {
      title: t('reports.columnPeriod'),
      dataIndex: 'period',
      key: 'period',
      width: 132,
      sorter: (a, b) => a.period.localeCompare(b.period),
      render: (period: string) => formatPeriod(period),
    },
    { title: t('reports.columnAuthor'), dataIndex: 'authorName', key: 'author', width: 84 },
    {
      title: t('reports.columnStatus'),
      dataIndex: 'status',
      key: 'status',
      width: 84,
      render: (status: ReportSummary['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
    },
    ...(titleTags
      ? [
          {
            title: t('workspace.copyColumn'),
            key: 'copy',
            width: 124,
            render: (_: unknown, row: ReportSummary) => titleTags.get(row.id) ?? null,
          },
        ]
      : []),
    ...(showReview
      ? [
          {
            title: t('review.grade'),
            key: 'grade',
            width: 128,
            render: (_: unknown, row: ReportSummary) => (
              <span className="rd-nowrap">
                {row.grade && <Tag color="purple">{row.grade}</Tag>}
                {row.meetingFlag && row.meetingFlag !== 'none' && (
                  <Tag color={row.meetingFlag === 'praise' ? 'gold' : 'volcano'}>{t(`review.meeting.${row.meetingFlag}`)}</Tag>
                )}
              </span>
            ),
          },
          {
            title: t('review.comments'),
            key: 'openComments',
            width: 92,
            render: (_: unknown, row: ReportSummary) =>
              row.openComments ? <Tag color="orange">{t('review.openCount', { count: row.openComments })}</Tag> : null,
          },
        ]
      : []),
    {
      title: t('reports.columnUpdated'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 140,
      responsive: ['xl'],
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  ];
  // The title keeps at least 220 px; narrower windows scroll sideways with the title frozen on the left. Columns
  // shown only on wide windows (类型, 更新时间) count only there.
  const shown = columns.filter((column) => !column.responsive || column.responsive.some((breakpoint) => screens[breakpoint]));
  const minWidth = 220 + shown.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 0), 0);

  return (
    <div ref={frame} className="rd-report-table">
      <Table<ReportSummary>
        ref={table}
        rowKey="id"
        size="middle"
        virtual
        scroll={{ y: fitted, x: minWidth }}
        loading={loading}
        dataSource={rows}
        pagination={false}
        onRow={(row, index = 0) => ({
          onClick: () => {
            setActive(index);
            open(row);
          },
          onFocus: () => {
            if (index !== activeIndex) setActive(index);
          },
          onKeyDown: (event: React.KeyboardEvent) => {
            if (event.target !== event.currentTarget) return;
            const keys: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + page, PageUp: index - page };
            if (event.key in keys) {
              event.preventDefault();
              move(keys[event.key]);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              open(row);
            }
          },
          tabIndex: row.id === activeId ? 0 : -1,
          'aria-rowindex': index + 2,
          style: { cursor: 'pointer' },
        })}
        columns={columns}
      />
    </div>
  );
}
