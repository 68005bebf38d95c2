import { CommentOutlined, DiffOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { CommentView, ReviewState } from '../../../electron/core/common/review-fold';
import type { ChannelOutput } from '../../../electron/api/contract';
import { useFindingText } from './finding-text';
import { CommentCard } from './CommentCard';
import { CompareDrawer } from './CompareDrawer';
import { DecisionPanel, DecisionSummary } from './DecisionPanel';
import { useReviewActions } from './useReviewActions';
import { CopyCheckCard } from '../insight/CopyCheck';

export interface CommentPlacement {
  located: boolean;
  target: string;
  /** Sort key: section order, then position within the section. */
  order: number;
}

/**
 * The review pane beside the text (as in Word): the decision (or the form to make one), then every recorded
 * comment with its thread and status, version comparison and the record check.
 */
export function ReviewPane({
  report,
  state,
  revisions,
  unseen,
  profile,
  activeCommentId,
  placement,
  onSelectComment,
  onEditComment,
  onDocumentComment,
}: {
  report: Report;
  state: ReviewState;
  revisions: number[];
  unseen: number;
  profile: Profile;
  activeCommentId: string | null;
  placement: (comment: CommentView) => CommentPlacement;
  onSelectComment: (comment: CommentView) => void;
  onEditComment: (comment: CommentView) => void;
  onDocumentComment: () => void;
}) {
  const { t } = useTranslation();
  const { run, busy } = useReviewActions();
  const [comparing, setComparing] = useState(false);
  const [verify, setVerify] = useState<ChannelOutput<'review:verify'> | null>(null);
  const findingText = useFindingText();
  const supervisor = profile.role === 'supervisor';
  const sorted = [...state.comments].sort((a, b) => placement(a).order - placement(b).order || a.at.localeCompare(b.at));
  const open = state.comments.filter((comment) => !comment.retracted && comment.status === 'open').length;

  const act = async (comment: CommentView, action: 'reply' | 'fix' | 'reopen' | 'retract' | 'resolve', text?: string) => {
    const base = { id: report.id, commentId: comment.id };
    const result =
      action === 'reply'
        ? await run('review:reply', { ...base, text: text ?? '' })
        : action === 'fix'
          ? await run('review:mark-fixed', { ...base, note: text ?? '' })
          : action === 'retract'
            ? await run('review:retract-comment', { ...base, ...(text?.trim() ? { reason: text.trim() } : {}) })
            : action === 'resolve'
              ? await run('review:settle', { ...base, action: 'resolve' })
              : await run('review:settle', { ...base, action: 'reopen', reason: text ?? '' });
    return result !== null;
  };

  return (
    <div className="rd-review-pane" data-testid="review-pane">
      {/* The decision and the comments share the pane's height, each scrolling on its own: both stay in view. */}
      <div className="rd-review-top">
        {supervisor ? (
          <DecisionPanel report={report} current={state.currentDecision} />
        ) : (
          state.currentDecision && (
            <Card size="small" title={t('review.decisionTitle')} style={{ marginBottom: 12 }}>
              <DecisionSummary decision={state.currentDecision} />
            </Card>
          )
        )}
        {supervisor && report.status !== 'draft' && <CopyCheckCard id={report.id} title={report.title} />}
      </div>
      <Card
        size="small"
        className="rd-comment-list"
        data-testid="comment-list"
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
            {revisions.length > 1 && (
              <Button size="small" icon={<DiffOutlined />} onClick={() => setComparing(true)}>
                {t('review.compare')}
              </Button>
            )}
            <Button
              size="small"
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              onClick={() => void run('review:verify', { id: report.id }).then(setVerify)}
              title={t('review.verifyHint')}
            >
              {t('review.verify')}
            </Button>
          </Space>
        }
      >
        {verify && (
          <Alert
            closable
            onClose={() => setVerify(null)}
            style={{ marginBottom: 8 }}
            type={verify.ok ? 'success' : 'error'}
            showIcon
            message={verify.ok ? t('review.verifyOk', { count: verify.records }) : t('review.verifyFailed', { count: verify.problems.length })}
            description={verify.ok ? undefined : <List size="small" dataSource={verify.problems} renderItem={(problem) => <List.Item data-testid="verify-finding" data-code={problem.code}>{findingText(problem)}</List.Item>} />}
            data-testid="verify-result"
          />
        )}
        {supervisor && report.status === 'submitted' && state.comments.length === 0 && (
          <Typography.Paragraph type="secondary">{t('review.howToComment')}</Typography.Paragraph>
        )}
        {sorted.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noComments')} />
        ) : (
          sorted.map((comment) => {
            const where = placement(comment);
            return (
              <CommentCard
                key={comment.id}
                comment={comment}
                profile={profile}
                isAuthorOfDocument={report.authorId === profile.id}
                located={where.located}
                target={where.target}
                active={comment.id === activeCommentId}
                busy={busy}
                onSelect={() => onSelectComment(comment)}
                onEdit={() => onEditComment(comment)}
                onAct={(action, text) => act(comment, action, text)}
              />
            );
          })
        )}
      </Card>
      {comparing && <CompareDrawer id={report.id} revisions={revisions} onClose={() => setComparing(false)} />}
    </div>
  );
}
