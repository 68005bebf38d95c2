import { Badge, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ReportSummary } from '../../../electron/core/common/schemas/report';
import { formatPeriod, statusColors } from './labels';

export type ReportColumns = NonNullable<TableProps<ReportSummary>['columns']>;

export interface ReportColumnOptions {
  /** Search excerpts by document id, shown under the title. */
  snippets?: Map<string, string>;
  /** Documents with review activity the viewer has not seen (shown bold with a dot). */
  unread?: Set<string>;
  /** Add grade, meeting flag and open-comment columns. */
  showReview?: boolean;
  /** Flags shown in their own column (疑似雷同 in the inbox), never cut by the title's ellipsis. */
  titleTags?: Map<string, ReactNode>;
}

/** The document table's columns: title (frozen), kind, period, author, status, the optional ones, updated. */
export function reportColumns(t: TFunction, { snippets, unread, showReview, titleTags }: ReportColumnOptions): ReportColumns {
  return [
    titleColumn(t, snippets, unread),
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
    ...(showReview ? reviewColumns(t) : []),
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
}

function titleColumn(t: TFunction, snippets: Map<string, string> | undefined, unread: Set<string> | undefined): ReportColumns[number] {
  return {
    title: t('reports.columnTitle'),
    dataIndex: 'title',
    key: 'title',
    fixed: 'left',
    ellipsis: { showTitle: true },
    render: (title: string, row: ReportSummary) => {
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
  };
}

function reviewColumns(t: TFunction): ReportColumns {
  return [
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
  ];
}
