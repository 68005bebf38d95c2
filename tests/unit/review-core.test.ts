import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, RichNode } from '../../electron/core/common/schemas/report';
import { anchorText, locateQuote, makeTextAnchor } from '../../electron/core/review/anchors';
import { diffRevisions } from '../../electron/core/review/diff';
import { foldReview, orderRecords } from '../../electron/core/common/review-fold';
import { reviewRecordSchema, type RecordBody, type ReviewRecord } from '../../electron/core/common/schemas/review';
import { templateSchema, type Template } from '../../electron/core/common/schemas/template';
import { plainToRichText } from '../../electron/core/common/text/rich-text';
import { fixtureSeedsDir } from '../helpers/temp-store';

const manager = { authorId: 'mgr-zhang', authorName: '张明', role: 'manager' as const };
const supervisor = { authorId: 'sup-wang', authorName: '王主任', role: 'supervisor' as const };
const otherSupervisor = { authorId: 'sup-zhao', authorName: '赵科长', role: 'supervisor' as const };

/** A valid record (parsed by the core schema, so the fold sees what the store would hand it). */
function record(id: string, at: string, by: typeof manager | typeof supervisor, body: RecordBody, revision = 1): ReviewRecord {
  return reviewRecordSchema.parse({ id, docId: 'doc-1', revision, ...by, at: `2026-11-05T${at}:00.000Z`, body });
}

/** A small deterministic shuffle (mulberry32), so a failure can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const passage = { kind: 'text' as const, sectionId: 'summary', quote: '库存偏高', prefix: '走访东街烟酒店，', suffix: '，建议控制进货。', offset: 8 };

/** A document's whole review: submitted, commented, returned, fixed, resubmitted, resolved, approved. */
const history: ReviewRecord[] = [
  record('a-submit', '09:00', manager, { type: 'submit', snapshotHash: 'h1' }),
  record('b-comment', '10:00', supervisor, { type: 'comment', anchor: passage, kind: 'problem', text: '库存偏高的原因是什么？' }),
  record('c-comment', '10:00', supervisor, { type: 'comment', anchor: { kind: 'document' }, kind: 'note', text: '整体偏简略' }),
  record('d-edit', '10:05', supervisor, { type: 'comment-edit', commentId: 'b-comment', kind: 'suggestion', text: '请说明库存偏高的原因，并给出控制措施。' }),
  record('e-other', '10:06', otherSupervisor, { type: 'comment', anchor: { kind: 'section', sectionId: 'visits' }, kind: 'praise', text: '走访记录完整' }),
  record('f-retract', '10:10', supervisor, { type: 'comment-retract', commentId: 'c-comment', reason: '与上一条重复' }),
  record('g-decision', '10:30', supervisor, { type: 'decision', decision: 'return', grade: '需改进', reason: '缺少原因分析', meetingFlag: 'critique' }),
  record('h-reply', '11:00', manager, { type: 'reply', commentId: 'b-comment', text: '主要是节前备货过多。' }),
  record('i-reply', '11:30', supervisor, { type: 'reply', commentId: 'b-comment', text: '那下周的订货量打算怎么调？' }),
  record('j-fixed', '12:00', manager, { type: 'mark-fixed', commentId: 'b-comment', note: '已补充原因和下周订货计划' }),
  record('k-submit', '12:05', manager, { type: 'submit', snapshotHash: 'h2' }, 2),
  record('l-resolve', '13:00', supervisor, { type: 'resolve', commentId: 'b-comment' }, 1),
  record('m-decision', '13:10', supervisor, { type: 'decision', decision: 'approve', grade: '优秀', meetingFlag: 'praise', overall: '改得好' }, 2),
];

describe('foldReview', () => {
  it('gives the same state whatever order the records arrive in', () => {
    const expected = foldReview(history);
    for (let seed = 1; seed <= 50; seed++) {
      expect(foldReview(shuffled(history, seed)), `seed ${seed}`).toEqual(expected);
    }
    // Records with the same time are ordered by id, so machines agree on ties too.
    expect(orderRecords(shuffled(history, 7)).map((item) => item.id)).toEqual(history.map((item) => item.id));
  });

  it('shows the workflow, the decisions and the status they imply', () => {
    const state = foldReview(shuffled(history, 3));
    expect(state.workflow.map((event) => `${event.type}@${event.revision}`)).toEqual(['submit@1', 'return@1', 'submit@2', 'approve@2']);
    expect(state.status).toBe('approved');
    expect(state.lastSubmittedRevision).toBe(2);
    expect(state.currentDecision).toMatchObject({ decision: 'approve', grade: '优秀', meetingFlag: 'praise', revision: 2, overall: '改得好' });
    expect(state.decisions.map((decision) => decision.grade)).toEqual(['需改进', '优秀']);
    expect(state.decisions[0]).toMatchObject({ reason: '缺少原因分析', meetingFlag: 'critique', by: { id: 'sup-wang', name: '王主任' } });
  });

  it('keeps every version of an edited comment, oldest first', () => {
    const comment = foldReview(history).comments.find((item) => item.id === 'b-comment')!;
    expect(comment.text).toBe('请说明库存偏高的原因，并给出控制措施。');
    expect(comment.kind).toBe('suggestion');
    expect(comment.versions).toEqual([
      { kind: 'problem', text: '库存偏高的原因是什么？', at: '2026-11-05T10:00:00.000Z' },
      { kind: 'suggestion', text: '请说明库存偏高的原因，并给出控制措施。', at: '2026-11-05T10:05:00.000Z' },
    ]);
    expect(comment.anchor).toEqual(passage);
    expect(comment.revision).toBe(1);
  });

  it('keeps a retracted comment, visible as retracted with who, when and why', () => {
    const state = foldReview(history);
    const retracted = state.comments.find((item) => item.id === 'c-comment')!;
    expect(retracted.text).toBe('整体偏简略');
    expect(retracted.retracted).toEqual({ at: '2026-11-05T10:10:00.000Z', by: { id: 'sup-wang', name: '王主任', role: 'supervisor' }, reason: '与上一条重复' });
    expect(retracted.events.map((event) => event.type)).toEqual(['comment-retract']);
    expect(state.comments.map((item) => item.id)).toEqual(['b-comment', 'c-comment', 'e-other']);
  });

  it('threads replies under their comment in time order, from both sides', () => {
    const comment = foldReview(shuffled(history, 11)).comments.find((item) => item.id === 'b-comment')!;
    expect(comment.replies.map((reply) => [reply.by.role, reply.text])).toEqual([
      ['manager', '主要是节前备货过多。'],
      ['supervisor', '那下周的订货量打算怎么调？'],
    ]);
    expect(comment.events.map((event) => event.type)).toEqual(['comment-edit', 'reply', 'reply', 'mark-fixed', 'resolve']);
    // Other comments have no thread.
    expect(foldReview(history).comments.find((item) => item.id === 'e-other')!.replies).toEqual([]);
  });

  it('moves a comment open → fixed → resolved → open again (reopened), keeping the fix note', () => {
    const base = history.slice(0, 2);
    const status = (records: ReviewRecord[]) => foldReview(records).comments.find((item) => item.id === 'b-comment')!;
    expect(status(base)).toMatchObject({ status: 'open', fixNote: null });
    const fixed = [...base, record('c-fixed', '11:00', manager, { type: 'mark-fixed', commentId: 'b-comment', note: '已补充原因' })];
    expect(status(fixed)).toMatchObject({ status: 'fixed', fixNote: '已补充原因' });
    const resolved = [...fixed, record('d-resolve', '12:00', supervisor, { type: 'resolve', commentId: 'b-comment' })];
    expect(status(resolved)).toMatchObject({ status: 'resolved', fixNote: '已补充原因' });
    const reopened = [...resolved, record('e-reopen', '13:00', supervisor, { type: 'reopen-comment', commentId: 'b-comment', reason: '措施仍不具体' })];
    const comment = status(shuffled(reopened, 5));
    expect(comment.status).toBe('open');
    expect(comment.events.map((event) => [event.type, event.text])).toEqual([
      ['mark-fixed', '已补充原因'],
      ['resolve', undefined],
      ['reopen-comment', '措施仍不具体'],
    ]);
  });

  it('is a draft with nothing recorded, submitted again after a reopen, and ignores records about unknown comments', () => {
    expect(foldReview([])).toEqual({ comments: [], decisions: [], workflow: [], status: 'draft', lastSubmittedRevision: 0, currentDecision: null });
    const reopened = foldReview([
      ...history,
      record('n-reopen', '14:00', supervisor, { type: 'reopen', reason: '需补充台账数据' }, 2),
      record('o-orphan', '14:05', manager, { type: 'reply', commentId: 'no-such-comment', text: '？' }, 2),
    ]);
    expect(reopened.status).toBe('submitted');
    expect(reopened.currentDecision).toBeNull();
    expect(reopened.workflow.at(-1)).toMatchObject({ type: 'reopen', note: '需补充台账数据' });
    expect(reopened.comments.flatMap((comment) => comment.replies.map((reply) => reply.text))).not.toContain('？');
  });

  it('follows each record\'s `after`, not the clocks: a manager\'s laptop an hour fast does not put the return before the submission', () => {
    const linked = (base: ReviewRecord, after: string) => reviewRecordSchema.parse({ ...base, after });
    // The laptop is an hour fast: its submissions carry 10:00 and 11:30; the supervisor's machine is right.
    const submit1 = record('m1', '10:00', manager, { type: 'submit', snapshotHash: 'a'.repeat(64) }, 1);
    const comment = linked(record('s1', '09:10', supervisor, { type: 'comment', anchor: { kind: 'document' }, kind: 'problem', text: '缺少原因分析' }, 1), 'm1');
    const back = linked(record('s2', '09:12', supervisor, { type: 'decision', decision: 'return', grade: '需改进', reason: '分析不足', meetingFlag: 'none' }, 1), 's1');
    const reply = linked(record('m2', '11:20', manager, { type: 'reply', commentId: 's1', text: '已补充' }, 1), 's2');
    const submit2 = linked(record('m3', '11:30', manager, { type: 'submit', snapshotHash: 'b'.repeat(64) }, 2), 'm2');
    const approve = linked(record('s3', '10:40', supervisor, { type: 'decision', decision: 'approve', grade: '良好', meetingFlag: 'none' }, 2), 'm3');
    const all = [submit1, comment, back, reply, submit2, approve];
    for (let seed = 1; seed <= 20; seed++) {
      const order = orderRecords(shuffled(all, seed)).map((item) => item.id);
      expect(order, `seed ${seed}`).toEqual(['m1', 's1', 's2', 'm2', 'm3', 's3']);
    }
    const returned = foldReview([submit1, comment, back]);
    expect(returned.status).toBe('returned');
    expect(returned.currentDecision).toMatchObject({ decision: 'return', grade: '需改进' });
    const approved = foldReview(shuffled(all, 7));
    expect(approved.status).toBe('approved');
    expect(approved.workflow.map((event) => event.type)).toEqual(['submit', 'return', 'submit', 'approve']);
    // Before the return's record arrives, its followers wait for nothing that is missing.
    expect(orderRecords([submit1, reply, submit2]).map((item) => item.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('orders records of one instant by `after` too, and a forged cycle still yields every record once', () => {
    const at = '12:00';
    const submit = record('z-submit', at, manager, { type: 'submit', snapshotHash: 'c'.repeat(64) }, 1);
    const withdraw = reviewRecordSchema.parse({ ...record('a-withdraw', at, manager, { type: 'withdraw', reason: '填错了' }, 1), after: 'z-submit' });
    expect(orderRecords([withdraw, submit]).map((item) => item.id)).toEqual(['z-submit', 'a-withdraw']);
    expect(foldReview([withdraw, submit]).status).toBe('draft');
    const x = reviewRecordSchema.parse({ ...record('x', '12:01', manager, { type: 'reply', commentId: 'none', text: '1' }), after: 'y' });
    const y = reviewRecordSchema.parse({ ...record('y', '12:02', manager, { type: 'reply', commentId: 'none', text: '2' }), after: 'x' });
    expect(orderRecords([y, submit, x]).map((item) => item.id)).toEqual(['z-submit', 'x', 'y']);
  });
});

describe('locateQuote', () => {
  const original = '上午走访东街烟酒店，库存偏高，建议控制进货。下午走访西街便利店，库存正常。\n';
  const start = original.indexOf('库存偏高');
  const anchor = makeTextAnchor('summary', original, start, start + 4);

  it('records the quote with up to 40 characters of context and its offset', () => {
    expect(anchor).toEqual({ kind: 'text', sectionId: 'summary', quote: '库存偏高', prefix: '上午走访东街烟酒店，', suffix: '，建议控制进货。下午走访西街便利店，库存正常。\n', offset: 10 });
    const long = '甲'.repeat(100) + '乙' + '丙'.repeat(100);
    const made = makeTextAnchor('s', long, 100, 101);
    expect([made.prefix.length, made.suffix.length]).toEqual([40, 40]);
  });

  it('finds the quote where it was, and again after text is added before or after it', () => {
    expect(locateQuote(original, anchor)).toEqual({ start, end: start + 4 });
    const before = `今天天气晴。${original}`;
    expect(locateQuote(before, anchor)).toEqual({ start: start + 6, end: start + 10 });
    const after = original.replace('建议控制进货。', '建议控制进货，先消化现有库存。');
    expect(locateQuote(after, anchor)).toEqual({ start, end: start + 4 });
    const both = `补记：${after}另附明日计划。`;
    const found = locateQuote(both, anchor)!;
    expect(both.slice(found.start, found.end)).toBe('库存偏高');
    expect(found.start).toBe(start + 3);
  });

  it('picks the right one among repeated quotes by its context, even when its offset moved', () => {
    const text = '东街烟酒店库存偏高。西街便利店库存偏高，建议控制进货。北街超市库存偏高。';
    const second = text.indexOf('西街便利店库存偏高') + 5;
    const made = makeTextAnchor('summary', text, second, second + 4);
    expect(locateQuote(text, made)).toEqual({ start: second, end: second + 4 });
    // Insert a sentence with the same words before all three: the offset now points at the wrong one.
    const edited = `南街商店库存偏高，已调整。${text}`;
    const found = locateQuote(edited, made)!;
    expect(found.start).toBe(edited.indexOf('西街便利店库存偏高') + 5);
    // With no context left to tell them apart, the one nearest the old offset wins.
    const bare = { quote: '库存偏高', prefix: '', suffix: '', offset: second };
    expect(locateQuote(text, bare)).toEqual({ start: second, end: second + 4 });
  });

  it('returns null when the quote is gone ("原文已修改"), or empty', () => {
    expect(locateQuote(original.replace('库存偏高', '库存较高'), anchor)).toBeNull();
    expect(locateQuote('', anchor)).toBeNull();
    expect(locateQuote(original, { ...anchor, quote: '' })).toBeNull();
  });
});

describe('anchorText', () => {
  const schema = getSchema([StarterKit]);

  /** Compare every character's position with what ProseMirror itself says is there. */
  function expectProseMirrorPositions(json: RichNode): { text: string; positions: number[] } {
    const doc = ProseMirrorNode.fromJSON(schema, json);
    const result = anchorText(json);
    expect(result.positions).toHaveLength(result.text.length);
    let characters = '';
    result.positions.forEach((position, index) => {
      const character = result.text[index];
      const where = `character ${index} ${JSON.stringify(character)} at ${position}`;
      // A character of a text node, including a newline inside a code block.
      if (character !== '\n' || doc.textBetween(position, position + 1) === '\n') {
        expect(doc.textBetween(position, position + 1), where).toBe(character);
        characters += character;
        return;
      }
      // A leaf (hard break, horizontal rule) is one position, shown as a newline.
      const node = doc.nodeAt(position);
      if (node && node.isLeaf && !node.isText) return;
      // A block's newline sits at the end of its content: inside the text block, after its last character.
      const resolved = doc.resolve(position);
      expect(resolved.parent.isTextblock, where).toBe(true);
      expect(resolved.parentOffset, where).toBe(resolved.parent.content.size);
    });
    // Every character of the document is in the text, in order.
    expect(characters).toBe(doc.textBetween(0, doc.content.size, '', ''));
    return result;
  }

  it('matches ProseMirror positions in paragraphs, with marks', () => {
    const { text } = expectProseMirrorPositions({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '销量' }, { type: 'text', text: '同比增长', marks: [{ type: 'bold' }] }, { type: 'text', text: '5%。' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '二、问题' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '断货率偏高。' }] },
      ],
    });
    expect(text).toBe('销量同比增长5%。\n二、问题\n断货率偏高。\n');
  });

  it('matches ProseMirror positions in bullet and ordered lists and block quotes', () => {
    const item = (value: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] });
    const { text } = expectProseMirrorPositions({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '措施：' }] },
        { type: 'bulletList', content: [item('控制进货'), { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '加强陈列' }] }, { type: 'bulletList', content: [item('重点品规')] }] }] },
        { type: 'orderedList', attrs: { start: 1 }, content: [item('一'), item('二')] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '客户原话' }] }] },
      ],
    });
    expect(text).toBe('措施：\n控制进货\n加强陈列\n重点品规\n一\n二\n客户原话\n');
  });

  it('matches ProseMirror positions across hard breaks, empty paragraphs, rules and characters outside the BMP', () => {
    const { text, positions } = expectProseMirrorPositions({
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '第一行' }, { type: 'hardBreak' }, { type: 'text', text: '第二行' }] },
        { type: 'paragraph' },
        { type: 'horizontalRule' },
        { type: 'paragraph', content: [{ type: 'text', text: '店主𠮷先生说' }] },
        { type: 'codeBlock', content: [{ type: 'text', text: 'a\nb' }] },
      ],
    });
    expect(text).toBe('\n第一行\n第二行\n\n\n店主𠮷先生说\na\nb\n');
    // A passage ending in a surrogate pair maps back to the whole character.
    const doc = ProseMirrorNode.fromJSON(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '店主𠮷' }] }] });
    const short = anchorText(doc.toJSON() as RichNode);
    expect(doc.textBetween(short.positions[0], short.positions[3] + 1)).toBe('店主𠮷');
    expect(positions[0]).toBe(1);
  });

  it('is empty for an empty document', () => {
    expect(anchorText({ type: 'doc' })).toEqual({ text: '', positions: [] });
    expectProseMirrorPositions({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('diffRevisions', () => {
  const template: Template = templateSchema.parse(JSON.parse(readFileSync(path.join(fixtureSeedsDir, 'templates', 'fixture-log.json'), 'utf8')));

  function revision(summary: string, rows: { id: string; cells: Record<string, string | number | null> }[], weather = '晴'): Report {
    return {
      id: 'doc-1',
      templateId: template.id,
      templateVersion: 1,
      kind: 'work-log',
      title: '城关片区2026年11月4日工作日志',
      authorId: 'mgr-zhang',
      authorName: '张明',
      region: '城关片区',
      period: '2026-11-04',
      metadata: { 片区: '城关片区', 报告期: '2026-11-04' },
      sections: {
        summary: { type: 'richtext', doc: plainToRichText(summary) },
        visits: { type: 'table', rows },
        notes: { type: 'fields', values: { 天气: weather } },
      },
      status: 'submitted',
      rev: 1,
      revision: 1,
      createdAt: '2026-11-04T01:00:00.000Z',
      updatedAt: '2026-11-04T09:00:00.000Z',
    };
  }

  const rowsBefore = [
    { id: 'r1', cells: { 店名: '东街烟酒店', 销量: 120, 库存: 300 } },
    { id: 'r2', cells: { 店名: '西街便利店', 销量: 80, 库存: 40 } },
  ];

  it('reports nothing changed between equal revisions', () => {
    const sections = diffRevisions(template, revision('库存偏高。', rowsBefore), revision('库存偏高。', rowsBefore));
    expect(sections.map((section) => [section.sectionId, section.kind, section.changed])).toEqual([
      ['summary', 'richtext', false],
      ['visits', 'table', false],
      ['notes', 'fields', false],
    ]);
    expect(sections[1].rows).toEqual([]);
  });

  it('shows text as removed and added runs that rebuild both versions', () => {
    const [summary] = diffRevisions(
      template,
      revision('走访东街烟酒店，库存偏高。', rowsBefore),
      revision('走访东街烟酒店，库存偏高，原因是节前备货过多。', rowsBefore),
    );
    expect(summary.changed).toBe(true);
    const parts = summary.text!;
    expect(parts.filter((part) => part.change !== 'added').map((part) => part.value).join('')).toBe('走访东街烟酒店，库存偏高。');
    expect(parts.filter((part) => part.change !== 'removed').map((part) => part.value).join('')).toBe('走访东街烟酒店，库存偏高，原因是节前备货过多。');
    expect(parts.filter((part) => part.change === 'added').map((part) => part.value).join('')).toContain('原因是节前备货过多');
  });

  it('shows table changes by row and cell: changed, added and removed rows, named by their first column', () => {
    const after = [
      { id: 'r1', cells: { 店名: '东街烟酒店', 销量: 120, 库存: 200 } },
      { id: 'r3', cells: { 店名: '北街超市', 销量: 60, 库存: 30 } },
    ];
    const sections = diffRevisions(template, revision('同', rowsBefore), revision('同', after, '阴'));
    const visits = sections.find((section) => section.sectionId === 'visits')!;
    expect(visits.changed).toBe(true);
    expect(visits.rows).toEqual([
      { rowId: 'r1', change: 'changed', label: '东街烟酒店', cells: [{ columnKey: '库存', before: '300', after: '200' }] },
      {
        rowId: 'r3',
        change: 'added',
        label: '北街超市',
        cells: [
          { columnKey: '店名', before: '', after: '北街超市' },
          { columnKey: '销量', before: '', after: '60' },
          { columnKey: '库存', before: '', after: '30' },
        ],
      },
      {
        rowId: 'r2',
        change: 'removed',
        label: '西街便利店',
        cells: [
          { columnKey: '店名', before: '西街便利店', after: '' },
          { columnKey: '销量', before: '80', after: '' },
          { columnKey: '库存', before: '40', after: '' },
        ],
      },
    ]);
    const notes = sections.find((section) => section.sectionId === 'notes')!;
    expect(notes.changed).toBe(true);
    expect(notes.text!.filter((part) => part.change === 'removed').map((part) => part.value).join('')).toContain('晴');
    expect(sections.find((section) => section.sectionId === 'summary')!.changed).toBe(false);
  });

  it('treats a cell cleared to null as a change to empty, and a missing section as empty', () => {
    const before = revision('同', [{ id: 'r1', cells: { 店名: '东街烟酒店', 销量: 120 } }]);
    const after = revision('同', [{ id: 'r1', cells: { 店名: '东街烟酒店', 销量: null } }]);
    const visits = diffRevisions(template, before, after).find((section) => section.sectionId === 'visits')!;
    expect(visits.rows).toEqual([{ rowId: 'r1', change: 'changed', label: '东街烟酒店', cells: [{ columnKey: '销量', before: '120', after: '' }] }]);
    const withoutSummary: Report = { ...after, sections: { visits: after.sections['visits'] } };
    const summary = diffRevisions(template, before, withoutSummary)[0];
    expect(summary.text).toEqual([{ value: '同', change: 'removed' }]);
  });
});
