import { CommentOutlined, DiffOutlined, DownOutlined, SafetyCertificateOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { CommentView, ReviewState } from '../../../electron/core/common/review-fold';
import { bringIntoMargin } from './anchor-dom';
import { CommentCard, type CommentAction } from './CommentCard';
import { useMarginTrack } from './useMarginTrack';

export interface CommentPlacement {
  located: boolean;
  target: string;
  /** Sort key: section order, then position within the section. */
  order: number;
}

/**
 * The comments in the margin beside the text (as Word's balloons): each card at the height of its passage or cell,
 * moving with the document (useMarginTrack), under a head with the counts and the pane's commands.
 */
export function CommentMargin({
  report,
  state,
  unseen,
  profile,
  activeCommentId,
  sorted,
  placement,
  busy,
  verifying,
  canCompare,
  onCompare,
  onVerify,
  onSelectComment,
  onEditComment,
  onDocumentComment,
  onAct,
}: {
  report: Report;
  state: ReviewState;
  unseen: number;
  profile: Profile;
  activeCommentId: string | null;
  /** The comments in the order of the text. */
  sorted: CommentView[];
  placement: (comment: CommentView) => CommentPlacement;
  busy: boolean;
  verifying: boolean;
  canCompare: boolean;
  onCompare: () => void;
  onVerify: () => void;
  onSelectComment: (comment: CommentView) => void;
  onEditComment: (comment: CommentView) => void;
  onDocumentComment: () => void;
  onAct: (comment: CommentView, action: CommentAction, text?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { trackRef, outside } = useMarginTrack(sorted, activeCommentId);
  const reach = (id: string | undefined) => {
    const comment = sorted.find((item) => item.id === id);
    if (comment) bringIntoMargin(comment);
  };
  const supervisor = profile.role === 'supervisor';
  const open = state.comments.filter((comment) => !comment.retracted && comment.status === 'open').length;
  return (
    <Card
      size="small"
      className="rd-comment-list"
      data-testid="comment-list"
      classNames={{ body: 'rd-margin-scroller' }}
      title={
        <Space>
          <span>{t('review.comments')}</span>
          <Badge count={open} title={t('review.openCount', { count: open })} />
          {unseen > 0 && <Badge color="red" text={t('review.newCount', { count: unseen })} />}
        </Space>
      }
      extra={
        <Space size={2}>
          {supervisor && report.status !== 'draft' && (
            <Button size="small" icon={<CommentOutlined />} onClick={onDocumentComment}>
              {t('review.documentComment')}
            </Button>
          )}
          {canCompare && (
            <Button size="small" icon={<DiffOutlined />} onClick={onCompare}>
              {t('review.compare')}
            </Button>
          )}
          <Button size="small" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={onVerify} title={t('review.verifyHint')}>
            {t('review.verify')}
          </Button>
        </Space>
      }
    >
      {supervisor && report.status === 'submitted' && state.comments.length === 0 && (
        <Typography.Paragraph type="secondary">{t('review.howToComment')}</Typography.Paragraph>
      )}
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noComments')} />
      ) : (
        <>
          {outside.above.length > 0 && (
            <div className="rd-margin-more rd-margin-more-above">
              <Button size="small" icon={<UpOutlined />} onClick={() => reach(outside.above[outside.above.length - 1])} data-testid="comments-above">
                {t('review.commentsAbove', { count: outside.above.length })}
              </Button>
            </div>
          )}
          <div className="rd-margin-track" ref={trackRef} data-testid="comment-margin">
            {sorted.map((comment) => {
              const where = placement(comment);
              return (
                <div key={comment.id} className="rd-margin-slot" data-margin-id={comment.id}>
                  <CommentCard
                    comment={comment}
                    profile={profile}
                    isAuthorOfDocument={report.authorId === profile.id}
                    located={where.located}
                    target={where.target}
                    active={comment.id === activeCommentId}
                    busy={busy}
                    onSelect={() => onSelectComment(comment)}
                    onEdit={() => onEditComment(comment)}
                    onAct={(action, text) => onAct(comment, action, text)}
                  />
                </div>
              );
            })}
          </div>
          {outside.below.length > 0 && (
            <div className="rd-margin-more rd-margin-more-below">
              <Button size="small" icon={<DownOutlined />} onClick={() => reach(outside.below[0])} data-testid="comments-below">
                {t('review.commentsBelow', { count: outside.below.length })}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
