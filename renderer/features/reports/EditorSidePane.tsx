import { useTranslation } from 'react-i18next';
import type { CompletenessIssue } from '../../../electron/api/domain';
import type { Profile } from '../../../electron/core/common/schemas/profile';
import type { Report } from '../../../electron/core/common/schemas/report';
import type { CommentView, ReviewState } from '../../../electron/core/common/review-fold';
import { ReviewPane, type CommentPlacement } from '../review/ReviewPane';
import { CompletenessPanel } from './CompletenessPanel';
import type { useCommenting } from './useCommenting';

export type EditorReview = { state: ReviewState; revisions: number[]; unseen: number; withdrawable?: boolean };

function scrollToTarget(issue: CompletenessIssue) {
  const element = document.getElementById(issue.target === 'metadata' ? 'section-metadata' : `section-${issue.target}`);
  element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const focusable = element?.querySelector<HTMLElement>(
    issue.field ? `[aria-label="${CSS.escape(issue.field)}"], [id$="${CSS.escape(issue.field)}"]` : '[contenteditable="true"], input, [tabindex="0"]',
  );
  window.setTimeout(() => focusable?.focus(), 300);
}

/** The pane beside the text: completeness for the writer, the comment margin and the decision for a review. */
export function EditorSidePane({
  report,
  review,
  profile,
  collapsed,
  issues,
  commenting,
  placement,
}: {
  report: Report;
  /** The review, when it is shown. */
  review: EditorReview | null;
  profile: Profile;
  collapsed: boolean;
  /** The completeness findings, for the writer's own editable document. */
  issues: CompletenessIssue[] | null;
  commenting: ReturnType<typeof useCommenting>;
  placement: (comment: CommentView) => CommentPlacement;
}) {
  const { t } = useTranslation();
  return (
    <aside id="editor-side-pane" className="rd-editor-side" data-testid="side-pane" aria-label={t('workspace.sidePane')} hidden={collapsed}>
      <div className="rd-side">
        {issues && <CompletenessPanel issues={issues} onJump={scrollToTarget} />}
        {review && (
          <ReviewPane
            report={report}
            state={review.state}
            revisions={review.revisions}
            unseen={review.unseen}
            profile={profile}
            activeCommentId={commenting.activeComment}
            placement={placement}
            onSelectComment={commenting.revealAnchor}
            onEditComment={(comment) => commenting.setDialog({ mode: 'edit', comment, target: placement(comment).target })}
            onDocumentComment={() => commenting.setDialog({ mode: 'new', anchor: { kind: 'document' }, target: t('review.wholeDocument') })}
          />
        )}
      </div>
    </aside>
  );
}
