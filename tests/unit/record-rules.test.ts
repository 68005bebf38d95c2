import { describe, expect, it } from 'vitest';
import { brokenRecordRule, recordRule } from '../../electron/core/review/record-rules';
import type { RecordBody } from '../../electron/core/common/schemas/review';

/** Who may write which review record (the rule verify and the exchange import both apply), kind by kind. */
const author = { authorId: 'mgr-a', role: 'manager' as const };
const otherManager = { authorId: 'mgr-b', role: 'manager' as const };
const supervisor = { authorId: 'sup-a', role: 'supervisor' as const };
const otherSupervisor = { authorId: 'sup-b', role: 'supervisor' as const };

const bodies: Record<string, RecordBody> = {
  submit: { type: 'submit', snapshotHash: 'h' },
  decision: { type: 'decision', decision: 'approve', grade: '优秀', meetingFlag: 'praise' },
  reopen: { type: 'reopen', reason: '重新评定' },
  comment: { type: 'comment', anchor: { kind: 'document' }, kind: 'note', text: '请补充' },
  'comment-edit': { type: 'comment-edit', commentId: 'c1', kind: 'note', text: '请补充数据' },
  'comment-retract': { type: 'comment-retract', commentId: 'c1' },
  reply: { type: 'reply', commentId: 'c1', text: '已补充' },
  'mark-fixed': { type: 'mark-fixed', commentId: 'c1', note: '已改' },
  resolve: { type: 'resolve', commentId: 'c1' },
  'reopen-comment': { type: 'reopen-comment', commentId: 'c1', reason: '未改到位' },
};

// [author, otherManager, supervisor (wrote comment c1), otherSupervisor]: null = allowed, else the rule broken.
const expected: Record<string, (string | null)[]> = {
  submit: [null, 'document-author-only', 'document-author-only', 'document-author-only'],
  decision: ['supervisor-only', 'supervisor-only', null, null],
  reopen: ['supervisor-only', 'supervisor-only', null, null],
  comment: ['supervisor-only', 'supervisor-only', null, null],
  'comment-edit': ['supervisor-only', 'supervisor-only', null, 'comment-author-only'],
  'comment-retract': ['supervisor-only', 'supervisor-only', null, 'comment-author-only'],
  reply: [null, 'author-or-supervisor', null, null],
  'mark-fixed': [null, 'document-author-only', 'document-author-only', 'document-author-only'],
  resolve: ['supervisor-only', 'supervisor-only', null, null],
  'reopen-comment': ['supervisor-only', 'supervisor-only', null, null],
};

describe('record rules', () => {
  it.each(Object.keys(bodies))('%s', (type) => {
    const outcomes = [author, otherManager, supervisor, otherSupervisor].map((writer) => brokenRecordRule({ body: bodies[type] }, writer, 'mgr-a', 'sup-a'));
    expect(outcomes).toEqual(expected[type]);
  });

  it('names the rule of each kind, including a withdrawal if that kind appears', () => {
    expect(recordRule('withdraw')).toBe('document-author-only');
    expect(recordRule('decision')).toBe('supervisor-only');
    expect(recordRule('reply')).toBe('author-or-supervisor');
    expect(recordRule('comment-edit')).toBe('comment-author-only');
  });
});
