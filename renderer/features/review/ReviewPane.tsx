import { Alert, Card, List } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { CommentView, ReviewState } from '../../../electron/core/common/review-fold';
import type { ChannelOutput } from '../../../electron/api/contract';
import { useFindingText } from './finding-text';
import type { CommentAction } from './CommentCard';
import { CommentMargin, type CommentPlacement } from './CommentMargin';
import { CompareDrawer } from './CompareDrawer';
import { DecisionPanel, DecisionSummary } from './DecisionPanel';
import { useReviewActions } from './useReviewActions';
import { CopyCheckCard } from '../insight/CopyCheck';

export type { CommentPlacement } from './CommentMargin';

/**
 * The review pane beside the text (as in Word): every recorded comment in the margin with its thread and status,
 * then the decision (or the form to make one), version comparison and the record check.
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
  const sorted = useMemo(() => [...state.comments].sort((a, b) => placement(a).order - placement(b).order || a.at.localeCompare(b.at)), [state.comments, placement]);

  const act = async (comment: CommentView, action: CommentAction, text?: string) => {
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
      {/* The comments stand in the margin beside the text; the decision below them; each scrolls on its own: both stay in view. */}
      <CommentMargin
        report={report}
        state={state}
        unseen={unseen}
        profile={profile}
        activeCommentId={activeCommentId}
        sorted={sorted}
        placement={placement}
        busy={busy}
        verifying={busy}
        canCompare={revisions.length > 1}
        onCompare={() => setComparing(true)}
        onVerify={() => void run('review:verify', { id: report.id }).then(setVerify)}
        onSelectComment={onSelectComment}
        onEditComment={onEditComment}
        onDocumentComment={onDocumentComment}
        onAct={act}
      />
      <div className="rd-review-top">
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
      {comparing && <CompareDrawer id={report.id} revisions={revisions} onClose={() => setComparing(false)} />}
    </div>
  );
}
