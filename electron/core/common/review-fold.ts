/**
 * The folded view of a document's review log (comments, replies, grades, returns, meeting flags): a pure read of
 * the records. In core/common because review, insight, export, exchange, demo and the renderer all read it.
 */
import type { ReportStatus } from './schemas/report';
import type { ReviewRecord } from './schemas/review';
import type { CommentEvent, CommentView, DecisionView, Person, ReviewState, WorkflowEvent } from './schemas/review-view';

// The views' schemas are the source of their types (the API validates its output with the same objects).
export type {
  CommentEvent,
  CommentStatus,
  CommentVersion,
  CommentView,
  DecisionView,
  Person,
  ReviewState,
  WorkflowEvent,
} from './schemas/review-view';

function person(record: ReviewRecord): Person {
  return { id: record.authorId, name: record.authorName, role: record.role };
}

/** Earlier time first, then the smaller id: the tie-break of `orderRecords`. */
function byTimeThenId(a: ReviewRecord, b: ReviewRecord): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Records in one order on every machine, whatever order they arrived in. Each record names, under its
 * signature, the record before it in its writer's log (`after`), so a record never comes before the one it
 * follows — even when the machines' clocks disagree (a manager's laptop an hour fast must not put the
 * supervisor's return before the submission it answers). Among records free to come next, the earlier time,
 * then the smaller id. A reference to a record not in the set (not yet arrived) binds nothing; records caught
 * in a cycle (only a forger can make one) follow in time order.
 */
export function orderRecords(records: ReviewRecord[]): ReviewRecord[] {
  const present = new Set(records.map((record) => record.id));
  const waiting = new Map<string, ReviewRecord[]>();
  const ready: ReviewRecord[] = [];
  const insert = (record: ReviewRecord) => {
    // Binary insertion keeps `ready` sorted by time, then id.
    let low = 0;
    let high = ready.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byTimeThenId(ready[middle], record) <= 0) low = middle + 1;
      else high = middle;
    }
    ready.splice(low, 0, record);
  };
  for (const record of records) {
    const after = record.after;
    if (after && after !== record.id && present.has(after)) {
      const list = waiting.get(after);
      if (list) list.push(record);
      else waiting.set(after, [record]);
    } else insert(record);
  }
  const ordered: ReviewRecord[] = [];
  const placed = new Set<ReviewRecord>();
  while (ready.length) {
    const next = ready.shift()!;
    ordered.push(next);
    placed.add(next);
    const followers = waiting.get(next.id);
    if (followers) {
      waiting.delete(next.id);
      for (const follower of followers) insert(follower);
    }
  }
  if (ordered.length < records.length) ordered.push(...records.filter((record) => !placed.has(record)).sort(byTimeThenId));
  return ordered;
}

/**
 * Fold a document's review records into what the UI shows. Deterministic: the same set of records gives
 * the same state on every machine, whatever order packages brought them in.
 */
export function foldReview(records: ReviewRecord[]): ReviewState {
  const ordered = orderRecords(records);
  const comments = new Map<string, CommentView>();
  for (const record of ordered) {
    if (record.body.type !== 'comment') continue;
    comments.set(record.id, {
      id: record.id,
      revision: record.revision,
      anchor: record.body.anchor,
      kind: record.body.kind,
      text: record.body.text,
      by: person(record),
      at: record.at,
      versions: [{ kind: record.body.kind, text: record.body.text, at: record.at }],
      retracted: null,
      replies: [],
      status: 'open',
      fixNote: null,
      events: [],
    });
  }
  const decisions: DecisionView[] = [];
  const workflow: WorkflowEvent[] = [];
  for (const record of ordered) {
    const body = record.body;
    const by = person(record);
    switch (body.type) {
      case 'comment':
        break;
      case 'submit':
        workflow.push({ id: record.id, type: 'submit', revision: record.revision, by, at: record.at, note: body.note });
        break;
      case 'decision': {
        const decision: DecisionView = {
          id: record.id,
          revision: record.revision,
          decision: body.decision,
          grade: body.grade,
          reason: body.reason,
          meetingFlag: body.meetingFlag,
          overall: body.overall,
          by,
          at: record.at,
        };
        decisions.push(decision);
        workflow.push({ id: record.id, type: body.decision, revision: record.revision, by, at: record.at });
        break;
      }
      case 'reopen':
        workflow.push({ id: record.id, type: 'reopen', revision: record.revision, by, at: record.at, note: body.reason });
        break;
      case 'withdraw':
        workflow.push({ id: record.id, type: 'withdraw', revision: record.revision, by, at: record.at, note: body.reason });
        break;
      default: {
        const comment = comments.get(body.commentId);
        if (!comment) break;
        const event: CommentEvent = { type: body.type, recordId: record.id, by, at: record.at };
        if (body.type === 'comment-edit') {
          comment.kind = body.kind;
          comment.text = body.text;
          comment.versions.push({ kind: body.kind, text: body.text, at: record.at });
          event.text = body.text;
        } else if (body.type === 'comment-retract') {
          comment.retracted = { at: record.at, by, reason: body.reason };
          event.text = body.reason;
        } else if (body.type === 'reply') {
          comment.replies.push({ id: record.id, by, text: body.text, at: record.at });
          event.text = body.text;
        } else if (body.type === 'mark-fixed') {
          comment.status = 'fixed';
          comment.fixNote = body.note;
          event.text = body.note;
        } else if (body.type === 'resolve') {
          comment.status = 'resolved';
        } else if (body.type === 'reopen-comment') {
          comment.status = 'open';
          event.text = body.reason;
        }
        comment.events.push(event);
      }
    }
  }
  // By revision; within one, in the records' order (which follows `after`, not the machines' clocks).
  const sortedWorkflow = [...workflow].sort((a, b) => a.revision - b.revision);
  const last = sortedWorkflow[sortedWorkflow.length - 1];
  let status: ReportStatus = 'draft';
  if (last) {
    status =
      last.type === 'submit' || last.type === 'reopen' ? 'submitted' : last.type === 'return' ? 'returned' : last.type === 'withdraw' ? 'draft' : 'approved';
  }
  const lastSubmittedRevision = Math.max(0, ...workflow.filter((event) => event.type === 'submit').map((event) => event.revision));
  const currentDecision =
    last && (last.type === 'return' || last.type === 'approve') ? decisions.find((decision) => decision.id === last.id) ?? null : null;
  return { comments: [...comments.values()], decisions, workflow: sortedWorkflow, status, lastSubmittedRevision, currentDecision };
}
