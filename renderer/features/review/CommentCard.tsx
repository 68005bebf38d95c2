import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../electron/core/common/review-fold';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import { CommentActions, type CommentAction } from './CommentActions';
import { CommentThread, when } from './CommentThread';
import { commentKindColors } from './labels';

export type { CommentAction } from './CommentActions';

/**
 * One recorded comment: what it points at (or "原文已修改" with the original quote), its current text and
 * every earlier version, its thread, its status, and the acts the viewer may take.
 */
export function CommentCard({
  comment,
  profile,
  isAuthorOfDocument,
  located,
  target,
  active,
  busy,
  onSelect,
  onEdit,
  onAct,
}: {
  comment: CommentView;
  profile: Profile;
  isAuthorOfDocument: boolean;
  /** False when the commented passage or cell can no longer be found in the text shown. */
  located: boolean;
  /** Short description of what the comment points at. */
  target: string;
  active: boolean;
  busy: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onAct: (action: CommentAction, text?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const live = !comment.retracted;
  const statusColor = { open: 'orange', fixed: 'blue', resolved: 'green' }[comment.status];
  return (
    <Card
      size="small"
      className={`rd-comment-card${active ? ' rd-comment-card-active' : ''}${live ? '' : ' rd-comment-retracted'}`}
      onClick={onSelect}
      data-testid={`comment-${comment.id}`}
    >
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Tag color={commentKindColors[comment.kind]}>{t(`review.kinds.${comment.kind}`)}</Tag>
        <Typography.Text strong>{comment.by.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {when(comment.at)}
        </Typography.Text>
        <Tag>{t('review.revisionTag', { revision: comment.revision })}</Tag>
        {live ? <Tag color={statusColor}>{t(`review.status.${comment.status}`)}</Tag> : <Tag color="default">{t('review.retracted')}</Tag>}
      </Space>
      <div className="rd-comment-target">
        {!located && <Tag color="warning">{t('review.originalChanged')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {target}
        </Typography.Text>
      </div>
      <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }} delete={!live}>
        {comment.text}
      </Typography.Paragraph>
      {comment.retracted && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('review.retractedBy', { name: comment.retracted.by.name, time: when(comment.retracted.at) })}
          {comment.retracted.reason ? `：${comment.retracted.reason}` : ''}
        </Typography.Paragraph>
      )}
      <CommentThread comment={comment} />
      {live && <CommentActions comment={comment} profile={profile} isAuthorOfDocument={isAuthorOfDocument} busy={busy} onEdit={onEdit} onAct={onAct} />}
    </Card>
  );
}
