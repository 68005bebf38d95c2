import type { CommentKind } from '../../../electron/core/common/schemas/review';

export const commentKinds: CommentKind[] = ['praise', 'problem', 'suggestion', 'note'];

export const commentKindColors: Record<CommentKind, string> = {
  praise: 'green',
  problem: 'red',
  suggestion: 'blue',
  note: 'default',
};

export const meetingFlags = ['none', 'praise', 'critique'] as const;
