import type { Report } from '../common/schemas/report';
import type { ReviewState } from '../common/review-fold';

/** What a document file caches of its review log, for lists and registers (the log stays the truth). */
export function reviewCache(state: ReviewState, appended: { count: number; head: string }): NonNullable<Report['review']> {
  const submit = [...state.workflow].reverse().find((event) => event.type === 'submit');
  return {
    count: appended.count,
    head: appended.head,
    ...(submit ? { submittedAt: submit.at } : {}),
    ...(state.currentDecision ? { grade: state.currentDecision.grade, meetingFlag: state.currentDecision.meetingFlag } : {}),
    openComments: state.comments.filter((comment) => !comment.retracted && comment.status !== 'resolved').length,
  };
}
