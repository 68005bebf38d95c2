import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import type { ApiError, Result } from '../../electron/api/result';
import type { RichNode } from '../../electron/core/common/schemas/report';
import { anchorText, locateQuote, makeTextAnchor } from '../../electron/core/review/anchors';
import type { Clock } from '../../electron/core/common/ports';
import { hashFolder, office, openTempStore } from '../helpers/temp-store';

type Person = 'manager' | 'supervisor';
const profileIds: Record<Person, string> = { manager: office.manager, supervisor: office.supervisor };

/** A clock that moves on a minute at every reading, so each record has its own time, as in real use. */
function steppingClock(start: string): Clock {
  let time = Date.parse(start);
  return { now: () => new Date((time += 60_000)) };
}

function paragraphs(...lines: string[]): RichNode {
  return { type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}

const analysis = [
  '上午走访北关综合商店和东街烟酒店，了解近期进销存情况。',
  '北关综合商店库存偏高，主要是节前备货过多，细支烟动销慢。',
  '建议下周控制进货，重点推荐动销快的品规。',
];

describe('a document through review, as the two people do it', () => {
  it('draft → refused incomplete submit → submit → comments → return → reply, fix, resubmit → compare → resolve → approve → reopen', async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true, clock: steppingClock('2026-11-06T01:00:00.000Z') });

    async function call<K extends ChannelName>(as: Person, channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
      const result = await dispatcher.dispatch(channel, profileIds[as], input);
      if (!result.ok) throw new Error(`${channel} as ${as}: ${result.error.code} ${result.error.message}`);
      return result.value as ChannelOutput<K>;
    }
    /** A call that must fail; returns the error, and checks the data folder was not touched. */
    async function refused<K extends ChannelName>(as: Person, channel: K, input: ChannelInput<K>): Promise<ApiError> {
      const before = await hashFolder(dataDir);
      const result = await dispatcher.dispatch(channel, profileIds[as], input);
      if (result.ok) throw new Error(`${channel} as ${as} should have been refused`);
      expect(await hashFolder(dataDir), `${channel} as ${as} was refused but wrote`).toEqual(before);
      return result.error;
    }
    const inbox = (as: Person, input: ChannelInput<'review:inbox'> = {}) => call(as, 'review:inbox', input);
    const unreadOf = async (as: Person, id: string) => (await inbox(as)).entries.find((entry) => entry.summary.id === id)?.unread;

    // 1. The manager starts a log and saves a first, unfinished version.
    const created = await call('manager', 'reports:create', { templateId: office.templateId, metadata: { 店名: '北关综合商店' } });
    const id = created.id;
    expect(created).toMatchObject({ status: 'draft', period: '2026-11-06', revision: 1 });
    let draft = await call('manager', 'reports:save-draft', {
      id,
      baseRev: created.rev,
      metadata: { 片区: '' },
      sections: { summary: { type: 'richtext', doc: paragraphs('走访{{店名}}。') } },
    });

    // 2. Submitting an incomplete draft is refused, listing what blocks it; nothing is written.
    const incomplete = await refused('manager', 'reports:submit', { id, baseRev: draft.rev });
    expect(incomplete.code).toBe('invalid-input');
    expect(incomplete.message).toContain('还有 3 项未完成');
    expect(incomplete.issues).toEqual([
      { path: 'metadata.片区', message: '基本信息“片区”未填写' },
      { path: 'summary', message: '“今日工作”仅 9 字，至少需要 10 字' },
      { path: 'summary', message: '“今日工作”中还有未替换的占位符' },
    ]);
    expect((await call('manager', 'reports:get', { id })).report).toMatchObject({ status: 'draft', rev: draft.rev });
    expect((await call('manager', 'review:get', { id })).revisions).toEqual([]);

    // 3. Filled in until complete, it is submitted: revision 1 is frozen.
    draft = await call('manager', 'reports:save-draft', {
      id,
      baseRev: draft.rev,
      metadata: { 片区: '城关片区' },
      sections: {
        summary: { type: 'richtext', doc: paragraphs(...analysis) },
        visits: {
          type: 'table',
          rows: [
            { id: 'row-beiguan', cells: { 店名: '北关综合商店', 销量: 100, 库存: 300 } },
            { id: 'row-dongjie', cells: { 店名: '东街烟酒店', 销量: 80, 库存: 60 } },
          ],
        },
        notes: { type: 'fields', values: { 天气: '晴' } },
      },
    });
    const submitted = await call('manager', 'reports:submit', { id, baseRev: draft.rev, note: '请审阅' });
    expect(submitted).toMatchObject({ status: 'submitted', revision: 1 });
    const r1 = await call('supervisor', 'review:revision', { id, revision: 1 });
    expect(r1.report).toMatchObject({ revision: 1, status: 'submitted', sections: draft.sections });

    // The supervisor has it in 待审阅, unread; opening the review marks it read.
    const waiting = await inbox('supervisor');
    expect(waiting.entries.map((entry) => [entry.summary.id, entry.unread])).toEqual([
      [id, true],
      [office.submitted, true],
    ]);
    expect(waiting.counts).toMatchObject({ unread: 2, submitted: 2, approved: 1 });
    expect((await call('supervisor', 'review:get', { id })).unseen).toBe(1);
    expect(await unreadOf('supervisor', id)).toBe(false);

    // 4. The supervisor comments on a passage of the frozen revision and on a table cell.
    const summaryOf = (content: (typeof r1.report.sections)[string]) => {
      if (content?.type !== 'richtext') throw new Error('summary is rich text');
      return content.doc;
    };
    const r1Text = anchorText(summaryOf(r1.report.sections['summary'])).text;
    const quote = '主要是节前备货过多';
    const start = r1Text.indexOf(quote);
    const passage = makeTextAnchor('summary', r1Text, start, start + quote.length);
    expect(passage.prefix).toContain('北关综合商店库存偏高');
    const textComment = await call('supervisor', 'review:comment', { id, anchor: passage, kind: 'problem', text: '备货过多的原因要结合订货数据说明。' });
    expect(textComment).toMatchObject({ revision: 1, anchor: passage, status: 'open' });
    const cellAnchor = { kind: 'cell' as const, sectionId: 'visits', rowId: 'row-beiguan', columnKey: '库存', quote: '300' };
    const cellComment = await call('supervisor', 'review:comment', { id, anchor: cellAnchor, kind: 'suggestion', text: '库存 300 条偏高，请核实。' });
    expect(cellComment.anchor).toEqual(cellAnchor);
    // An anchor that does not match the frozen text, or a row that does not exist, is refused.
    expect((await refused('supervisor', 'review:comment', { id, anchor: { ...passage, offset: passage.offset + 1 }, kind: 'note', text: '错位' })).issues).toEqual([
      { path: 'anchor.quote', message: '所选文字不存在' },
    ]);
    expect((await refused('supervisor', 'review:comment', { id, anchor: { ...cellAnchor, rowId: 'no-row' }, kind: 'note', text: '错行' })).code).toBe('invalid-input');
    // The supervisor's own comments are not news to them.
    expect(await unreadOf('supervisor', id)).toBe(false);

    // 5. 需改进 needs a reason: refused naming `reason`, nothing written. With one, the document goes back.
    const noReason = await refused('supervisor', 'review:decide', { id, decision: 'return', grade: '需改进', meetingFlag: 'critique' });
    expect(noReason.code).toBe('invalid-input');
    expect(noReason.issues?.map((issue) => issue.path)).toEqual(['reason']);
    const returned = await call('supervisor', 'review:decide', { id, decision: 'return', grade: '需改进', reason: '原因分析不足，请按点评修改。', meetingFlag: 'critique' });
    expect(returned).toMatchObject({ status: 'returned', revision: 2, review: { grade: '需改进', meetingFlag: 'critique', openComments: 2 } });

    // 6. The manager sees new review activity, replies, revises the draft, marks the comment fixed and resubmits.
    expect(await unreadOf('manager', id)).toBe(true);
    const managerView = await call('manager', 'review:get', { id });
    expect(managerView.state).toMatchObject({ status: 'returned', currentDecision: { decision: 'return', reason: '原因分析不足，请按点评修改。' } });
    expect(managerView.state.comments.map((comment) => comment.id)).toEqual([textComment.id, cellComment.id]);
    expect(await unreadOf('manager', id)).toBe(false);
    const replied = await call('manager', 'review:reply', { id, commentId: textComment.id, text: '本周订货 120 条，实际销售 100 条。' });
    expect(replied.replies.map((reply) => reply.text)).toEqual(['本周订货 120 条，实际销售 100 条。']);
    const returnedDoc = (await call('manager', 'reports:get', { id })).report;
    const revised = await call('manager', 'reports:save-draft', {
      id,
      baseRev: returnedDoc.rev,
      metadata: {},
      sections: {
        summary: { type: 'richtext', doc: paragraphs(analysis[0], `本周订货 120 条、销售 100 条。${analysis[1]}`, analysis[2]) },
        visits: {
          type: 'table',
          rows: [
            { id: 'row-beiguan', cells: { 店名: '北关综合商店', 销量: 100, 库存: 180 } },
            { id: 'row-dongjie', cells: { 店名: '东街烟酒店', 销量: 80, 库存: 60 } },
          ],
        },
      },
    });
    expect(revised).toMatchObject({ status: 'returned', revision: 2 });
    const fixed = await call('manager', 'review:mark-fixed', { id, commentId: textComment.id, note: '已补充订货和销售数据。' });
    expect(fixed).toMatchObject({ status: 'fixed', fixNote: '已补充订货和销售数据。' });
    // Replying and marking fixed are review activity, not edits: the editor's rev from its last save still holds.
    const resubmitted = await call('manager', 'reports:submit', { id, baseRev: revised.rev });
    expect(resubmitted).toMatchObject({ status: 'submitted', revision: 2 });

    // r2 is frozen; r1 is still there and unchanged.
    expect((await call('manager', 'review:get', { id })).revisions).toEqual([1, 2]);
    expect(await call('supervisor', 'review:revision', { id, revision: 1 })).toEqual(r1);
    const r2 = await call('supervisor', 'review:revision', { id, revision: 2 });
    expect(r2.report).toMatchObject({ revision: 2, sections: revised.sections });
    // The passage is found again in the revised text, further on.
    const r2Text = anchorText(summaryOf(r2.report.sections['summary'])).text;
    const found = locateQuote(r2Text, passage);
    expect(found && r2Text.slice(found.start, found.end)).toBe(quote);
    expect(found!.start).toBeGreaterThan(passage.offset);

    // 7. The supervisor sees the resubmission as new, compares r1 → r2 with r1's comments, and resolves.
    expect(await unreadOf('supervisor', id)).toBe(true);
    await call('supervisor', 'review:get', { id });
    expect(await unreadOf('supervisor', id)).toBe(false);
    const compared = await call('supervisor', 'review:compare', { id, from: 1, to: 2 });
    const summaryDiff = compared.sections.find((section) => section.sectionId === 'summary')!;
    expect(summaryDiff.text!.filter((part) => part.change === 'added').map((part) => part.value).join('')).toBe('本周订货 120 条、销售 100 条。');
    expect(compared.sections.find((section) => section.sectionId === 'visits')!.rows).toEqual([
      { rowId: 'row-beiguan', change: 'changed', label: '北关综合商店', cells: [{ columnKey: '库存', before: '300', after: '180' }] },
    ]);
    expect(compared.comments.map((comment) => [comment.id, comment.status])).toEqual([
      [textComment.id, 'fixed'],
      [cellComment.id, 'open'],
    ]);
    expect((await call('supervisor', 'review:settle', { id, commentId: textComment.id, action: 'resolve' })).status).toBe('resolved');
    expect((await call('supervisor', 'review:settle', { id, commentId: cellComment.id, action: 'resolve' })).status).toBe('resolved');

    // 8. Graded 优秀, to be praised at the meeting, and approved.
    const approved = await call('supervisor', 'review:decide', { id, decision: 'approve', grade: '优秀', meetingFlag: 'praise', overall: '数据翔实，分析到位。' });
    expect(approved).toMatchObject({ status: 'approved', revision: 2, review: { grade: '优秀', meetingFlag: 'praise', openComments: 0 } });
    const final = await call('manager', 'review:get', { id });
    expect(final.state).toMatchObject({ status: 'approved', lastSubmittedRevision: 2, currentDecision: { grade: '优秀', meetingFlag: 'praise', revision: 2, overall: '数据翔实，分析到位。' } });
    expect(final.state.workflow.map((event) => `${event.type}@${event.revision}`)).toEqual(['submit@1', 'return@1', 'submit@2', 'approve@2']);
    expect((await inbox('supervisor', { status: 'approved', grade: '优秀' })).entries.map((entry) => entry.summary.id)).toEqual([id]);

    // 9. Approved work cannot be changed by its writer.
    const locked = await refused('manager', 'reports:save-draft', { id, baseRev: approved.rev, metadata: {}, sections: { summary: { type: 'richtext', doc: paragraphs('通过后偷偷改') } } });
    expect(locked.code).toBe('forbidden');

    // 10. Reopening is recorded with its reason; the approval stays on record.
    const reopened = await call('supervisor', 'review:reopen', { id, reason: '台账数据需要再核对' });
    expect(reopened).toMatchObject({ status: 'submitted', revision: 2 });
    const afterReopen = await call('manager', 'review:get', { id });
    expect(afterReopen.state).toMatchObject({ status: 'submitted', currentDecision: null });
    expect(afterReopen.state.workflow.at(-1)).toMatchObject({ type: 'reopen', revision: 2, note: '台账数据需要再核对', by: { id: office.supervisor } });
    expect(afterReopen.state.decisions.map((decision) => decision.grade)).toEqual(['需改进', '优秀']);

    // The whole history verifies.
    const records = afterReopen.state.workflow.length + 2 /* comments */ + 1 /* reply */ + 1 /* fixed */ + 2; /* resolves */
    expect(await call('supervisor', 'review:verify', { id })).toEqual({ docId: id, ok: true, records, problems: [] });
    expect(await call('supervisor', 'review:verify-all', {})).toEqual({ checked: 3, problems: [] });
  });

  it('two comments made at the same moment are both recorded, and the log still verifies', async () => {
    const { dispatcher } = await openTempStore({ seed: true });
    const comment = (text: string) =>
      dispatcher.dispatch('review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text });
    const results = await Promise.all([comment('第一条'), comment('第二条'), comment('第三条')]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    const review = (await dispatcher.dispatch('review:get', office.manager, { id: office.submitted })) as Result<ChannelOutput<'review:get'>>;
    expect(review.ok && review.value.state.comments.map((item) => item.text).sort()).toEqual(['第一条', '第三条', '第二条']);
    expect(await dispatcher.dispatch('review:verify', office.supervisor, { id: office.submitted })).toEqual({
      ok: true,
      value: { docId: office.submitted, ok: true, records: 4, problems: [] },
    });
    // The document still counts them all.
    const report = (await dispatcher.dispatch('reports:get', office.manager, { id: office.submitted })) as Result<ChannelOutput<'reports:get'>>;
    expect(report.ok && report.value.report.review).toMatchObject({ count: 4, openComments: 3 });
  });
});
