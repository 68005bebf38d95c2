import type { Profile } from '../common/schemas/profile';
import type { Report } from '../common/schemas/report';
import { anchorText, makeTextAnchor } from '../review/anchors';
import type { RecordBody, ReviewRecord } from '../common/schemas/review';
import type { Template } from '../common/schemas/template';

function later(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * 3600_000).toISOString();
}

/** The first analysis section with text, and a passage of it to comment on. */
function analysisPassage(report: Report, template: Template) {
  for (const section of template.sections) {
    const content = report.sections[section.id];
    if (section.kind !== 'richtext' || content?.type !== 'richtext') continue;
    const { text } = anchorText(content.doc);
    const sentence = /[^。！？\n]{8,60}[。！？]/.exec(text);
    if (sentence) return makeTextAnchor(section.id, text, sentence.index, sentence.index + sentence[0].length);
  }
  return null;
}

/**
 * The review history a demo document in a given state would have: a submission, and for returned or
 * approved ones the supervisor's decision and a comment. Ids are derived from the document id, so loading
 * the demo twice adds nothing.
 */
export function demoReviewRecords(options: {
  report: Report;
  template: Template;
  supervisor: Profile;
  snapshotHash: string;
}): ReviewRecord[] {
  const { report, template, supervisor } = options;
  if (report.status === 'draft') return [];
  const author = { authorId: report.authorId, authorName: report.authorName, role: 'manager' as const };
  const reviewer = { authorId: supervisor.id, authorName: supervisor.name, role: 'supervisor' as const };
  const submittedAt = report.updatedAt;
  const records: ReviewRecord[] = [];
  const add = (suffix: string, by: typeof author | typeof reviewer, at: string, body: RecordBody) =>
    records.push({ id: `${report.id}-${suffix}`, docId: report.id, revision: 1, ...by, at, body });
  add('r1-submit', author, submittedAt, { type: 'submit', snapshotHash: options.snapshotHash });
  if (report.status === 'submitted') return records;
  const anchor = analysisPassage(report, template);
  if (report.status === 'returned') {
    add('r1-c1', reviewer, later(submittedAt, 20), {
      type: 'comment',
      anchor: anchor ?? { kind: 'document' },
      kind: 'problem',
      text: '这段只是罗列现象，没有说明原因，也没有结合本片区的数据。请补充：变化的原因是什么？下一步怎么做？',
    });
    add('r1-decision', reviewer, later(submittedAt, 21), {
      type: 'decision',
      decision: 'return',
      grade: '需改进',
      reason: '分析部分套话较多，缺少数据支撑和原因分析，请按点评修改后重新提交。',
      meetingFlag: 'critique',
    });
    return records;
  }
  add('r1-c1', reviewer, later(submittedAt, 20), {
    type: 'comment',
    anchor: anchor ?? { kind: 'document' },
    kind: 'praise',
    text: '分析有数据、有原因、有措施，值得大家学习。',
  });
  add('r1-decision', reviewer, later(submittedAt, 21), {
    type: 'decision',
    decision: 'approve',
    grade: report.kind === 'work-log' ? '良好' : '优秀',
    meetingFlag: report.kind === 'work-log' ? 'none' : 'praise',
    overall: '内容完整，分析到位。',
  });
  return records;
}
