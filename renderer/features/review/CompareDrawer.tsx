import { Drawer, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextPart } from '../../../electron/api/domain';
import { useChannel } from '../../api/hooks';
import { commentKindColors } from './labels';

function DiffText({ parts }: { parts: TextPart[] }) {
  return (
    <div className="rd-diff-text">
      {parts.map((part, index) =>
        part.change === 'same' ? (
          <span key={index}>{part.value}</span>
        ) : part.change === 'added' ? (
          <ins key={index} className="rd-diff-added">
            {part.value}
          </ins>
        ) : (
          <del key={index} className="rd-diff-removed">
            {part.value}
          </del>
        ),
      )}
    </div>
  );
}

/** Two submitted revisions compared section by section, with the earlier revision's comments beside. */
export function CompareDrawer({ id, revisions, onClose }: { id: string; revisions: number[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(revisions[revisions.length - 2] ?? revisions[0]);
  const [to, setTo] = useState(revisions[revisions.length - 1]);
  const diff = useChannel('review:compare', { id, from, to }, { enabled: from !== undefined && to !== undefined && from !== to });
  const options = revisions.map((revision) => ({ value: revision, label: t('review.revisionTag', { revision }) }));
  const changed = diff.data?.sections.filter((section) => section.changed) ?? [];
  return (
    <Drawer open width={1100} title={t('review.compareTitle')} onClose={onClose} data-testid="compare-drawer">
      <Space style={{ marginBottom: 12 }}>
        <Select value={from} options={options} onChange={setFrom} style={{ width: 120 }} aria-label={t('review.compareFrom')} />
        →
        <Select value={to} options={options} onChange={setTo} style={{ width: 120 }} aria-label={t('review.compareTo')} />
      </Space>
      {from === to ? (
        <Empty description={t('review.compareSame')} />
      ) : (
        <div style={{ display: 'flex', gap: 16 }}>
          <div style={{ flex: 3 }}>
            {diff.isSuccess && changed.length === 0 && <Empty description={t('review.noChanges')} />}
            {changed.map((section) => (
              <div key={section.sectionId} style={{ marginBottom: 16 }}>
                <Typography.Title level={5}>{section.title}</Typography.Title>
                {section.text && <DiffText parts={section.text} />}
                {section.rows && (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(row) => row.rowId}
                    dataSource={section.rows}
                    columns={[
                      {
                        title: t('review.rowChange'),
                        dataIndex: 'change',
                        width: 90,
                        render: (change: string) => <Tag color={change === 'added' ? 'green' : change === 'removed' ? 'red' : 'blue'}>{t(`review.rowChanges.${change}`)}</Tag>,
                      },
                      { title: t('review.row'), dataIndex: 'label', width: 140 },
                      {
                        title: t('review.cells'),
                        dataIndex: 'cells',
                        render: (cells: { columnKey: string; before: string; after: string }[]) =>
                          cells.map((cell) => (
                            <div key={cell.columnKey}>
                              {cell.columnKey}：<del className="rd-diff-removed">{cell.before}</del> → <ins className="rd-diff-added">{cell.after}</ins>
                            </div>
                          )),
                      },
                    ]}
                  />
                )}
              </div>
            ))}
          </div>
          <div style={{ flex: 2 }}>
            <Typography.Title level={5}>{t('review.earlierComments', { revision: from })}</Typography.Title>
            {(diff.data?.comments ?? []).length === 0 && <Typography.Text type="secondary">{t('review.noComments')}</Typography.Text>}
            {(diff.data?.comments ?? []).map((comment) => (
              <div key={comment.id} className="rd-compare-comment">
                <Tag color={commentKindColors[comment.kind]}>{t(`review.kinds.${comment.kind}`)}</Tag>
                <Tag>{t(`review.status.${comment.status}`)}</Tag>
                {comment.anchor.kind === 'text' && <div className="rd-quote">“{comment.anchor.quote}”</div>}
                <div>{comment.text}</div>
                {comment.fixNote && (
                  <Typography.Text type="secondary">
                    {t('review.fixNote')}：{comment.fixNote}
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </Drawer>
  );
}
