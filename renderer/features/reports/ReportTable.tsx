import { Badge, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReportSummary } from '../../../electron/core/reports/schema';
import { formatPeriod, statusColors } from './labels';

/** A virtualized document table (handles tens of thousands of rows); a row opens the document. */
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
  /** Tags shown after a document's title (e.g. 疑似雷同 in the inbox). */
  titleTags?: Map<string, React.ReactNode>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<ReportSummary>
      rowKey="id"
      size="middle"
      virtual
      scroll={{ y: height ?? 560, x: 900 }}
      loading={loading}
      dataSource={rows}
      pagination={false}
      onRow={(row) => ({ onClick: () => navigate(`/reports/${row.id}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('reports.columnTitle'),
          dataIndex: 'title',
          key: 'title',
          width: 340,
          ellipsis: true,
          render: (title: string, row) => {
            const excerpt = snippets?.get(row.id);
            const isUnread = unread?.has(row.id);
            const tag = titleTags?.get(row.id);
            const named = isUnread ? (
              <span className="rd-unread" data-unread="true">
                <Badge status="processing" /> {title}
              </span>
            ) : (
              title
            );
            const heading = tag ? (
              <span>
                {named} {tag}
              </span>
            ) : (
              named
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
        { title: t('reports.columnKind'), dataIndex: 'kind', key: 'kind', width: 130, render: (kind: string) => t(`kinds.${kind}`) },
        {
          title: t('reports.columnPeriod'),
          dataIndex: 'period',
          key: 'period',
          width: 140,
          sorter: (a, b) => a.period.localeCompare(b.period),
          render: (period: string) => formatPeriod(period),
        },
        { title: t('reports.columnAuthor'), dataIndex: 'authorName', key: 'author', width: 100 },
        {
          title: t('reports.columnStatus'),
          dataIndex: 'status',
          key: 'status',
          width: 100,
          render: (status: ReportSummary['status']) => <Tag color={statusColors[status]}>{t(`statuses.${status}`)}</Tag>,
        },
        ...(showReview
          ? [
              {
                title: t('review.grade'),
                key: 'grade',
                width: 150,
                render: (_: unknown, row: ReportSummary) => (
                  <>
                    {row.grade && <Tag color="purple">{row.grade}</Tag>}
                    {row.meetingFlag && row.meetingFlag !== 'none' && (
                      <Tag color={row.meetingFlag === 'praise' ? 'gold' : 'volcano'}>{t(`review.meeting.${row.meetingFlag}`)}</Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('review.comments'),
                key: 'openComments',
                width: 90,
                render: (_: unknown, row: ReportSummary) =>
                  row.openComments ? <Tag color="orange">{t('review.openCount', { count: row.openComments })}</Tag> : null,
              },
            ]
          : []),
        {
          title: t('reports.columnUpdated'),
          dataIndex: 'updatedAt',
          key: 'updatedAt',
          width: 150,
          defaultSortOrder: 'descend',
          sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
          render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
        },
      ]}
    />
  );
}
