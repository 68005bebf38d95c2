import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import type { Dispatcher } from '../../electron/api/dispatcher';
import type { LogLine } from '../../electron/core/common/schemas/review';
import { lineHash, nodeHasher } from '../../electron/store/review-repository';
import { office, openTempStore } from '../helpers/temp-store';

type Verify = ChannelOutput<'review:verify'>;
type VerifyAll = ChannelOutput<'review:verify-all'>;

async function value<T>(dispatcher: Dispatcher, channel: string, profileId: string, input: unknown): Promise<T> {
  const result = await dispatcher.dispatch(channel, profileId, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * 张明's submitted document with a review history of five lines: submission, two comments, a reply and an
 * edit. The store is closed afterwards, as when someone edits the files by hand; `reopen` opens it again.
 */
async function reviewedDocument() {
  const { dataDir, dispatcher, close } = await openTempStore({ seed: true });
  const comment = await value<{ id: string }>(dispatcher, 'review:comment', office.supervisor, {
    id: office.submitted,
    anchor: { kind: 'document' },
    kind: 'problem',
    text: '请补充库存偏高的原因。',
  });
  await value(dispatcher, 'review:comment', office.supervisor, { id: office.submitted, anchor: { kind: 'section', sectionId: 'visits' }, kind: 'praise', text: '走访记录完整。' });
  await value(dispatcher, 'review:reply', office.manager, { id: office.submitted, commentId: comment.id, text: '节前备货过多。' });
  await value(dispatcher, 'review:edit-comment', office.supervisor, { id: office.submitted, commentId: comment.id, kind: 'problem', text: '请补充库存偏高的原因和措施。' });
  await close();
  const logFile = path.join(dataDir, 'reviews', office.submitted.slice(0, 2), `${office.submitted}.ndjson`);
  const lines = (await readFile(logFile, 'utf8')).split('\n').filter(Boolean);
  expect(lines).toHaveLength(5);
  return {
    lines,
    write: (next: string[]) => writeFile(logFile, next.map((line) => `${line}\n`).join('')),
    reopen: async () => (await openTempStore({ dataDir })).dispatcher,
  };
}

async function verify(dispatcher: Dispatcher): Promise<{ one: Verify; all: VerifyAll }> {
  return {
    one: await value<Verify>(dispatcher, 'review:verify', office.manager, { id: office.submitted }),
    all: await value<VerifyAll>(dispatcher, 'review:verify-all', office.supervisor, {}),
  };
}

/** The problem verify reports for a line, which must name that line in its message. */
function expectProblemAt(report: Verify, line: number, wording: RegExp): void {
  expect(report.ok).toBe(false);
  const problem = report.problems.find((item) => item.line === line && wording.test(item.message));
  expect(problem, JSON.stringify(report.problems)).toBeDefined();
  expect(problem!.message).toContain(`第 ${line} 条`);
}

/** verify-all reports the same problems for the document, and only it. */
function expectSameInVerifyAll({ one, all }: { one: Verify; all: VerifyAll }): void {
  expect(all.checked).toBe(2);
  expect(all.problems).toEqual([one]);
}

describe('review records edited by hand are detected', () => {
  it('an untouched log verifies, through both channels', async () => {
    const document = await reviewedDocument();
    const { one, all } = await verify(await document.reopen());
    expect(one).toEqual({ docId: office.submitted, ok: true, records: 5, problems: [] });
    expect(all).toEqual({ checked: 2, problems: [] });
  });

  it("a comment's text changed in its line", async () => {
    const document = await reviewedDocument();
    const line: LogLine = JSON.parse(document.lines[1]);
    expect(line.record.body).toMatchObject({ type: 'comment', text: '请补充库存偏高的原因。' });
    line.record.body = { ...line.record.body, text: '写得很好，无需修改。' } as LogLine['record']['body'];
    await document.write([document.lines[0], JSON.stringify(line), ...document.lines.slice(2)]);
    const result = await verify(await document.reopen());
    expectProblemAt(result.one, 2, /内容被修改/);
    // Its signature no longer matches either; only that line: the chain after it still holds.
    expectProblemAt(result.one, 2, /签名与王主任的密钥不符/);
    expect(result.one.problems).toHaveLength(2);
    expectSameInVerifyAll(result);
  });

  it('a line deleted from the middle', async () => {
    const document = await reviewedDocument();
    await document.write([...document.lines.slice(0, 2), ...document.lines.slice(3)]);
    const result = await verify(await document.reopen());
    // The line that now stands third no longer follows the one before it.
    expectProblemAt(result.one, 3, /哈希链断开/);
    expect(result.one.problems.map((problem) => problem.message).join('\n')).toContain('少了 1 条记录');
    expectSameInVerifyAll(result);
  });

  it('the last line deleted', async () => {
    const document = await reviewedDocument();
    await document.write(document.lines.slice(0, 4));
    const result = await verify(await document.reopen());
    expectProblemAt(result.one, 5, /少了 1 条记录/);
    expect(result.one.problems).toHaveLength(1);
    expectSameInVerifyAll(result);
  });

  it('a forged line appended, with its hash computed correctly', async () => {
    const document = await reviewedDocument();
    const last: LogLine = JSON.parse(document.lines[4]);
    const record = { ...last.record, id: 'forged-1', authorId: office.supervisor, authorName: office.supervisorName, role: 'supervisor' as const, body: { type: 'decision' as const, decision: 'approve' as const, grade: '优秀', meetingFlag: 'praise' as const } };
    const forged: LogLine = { record, prev: last.hash, hash: lineHash(nodeHasher, last.hash, record) };
    await document.write([...document.lines, JSON.stringify(forged)]);
    const result = await verify(await document.reopen());
    // Past the registered count, but the registered head is line 5 of this chain: that alone is what an
    // interrupted act leaves (completed at open, no alarm). The forged decision carries a comment edit's
    // signature, which does not sign it: that is the finding.
    expectProblemAt(result.one, 6, /签名与王主任的密钥不符/);
    expect(result.one.problems.map((problem) => problem.code)).toEqual(['bad-signature']);
    expectSameInVerifyAll(result);
  });

  it('a forged line appended with a made-up hash', async () => {
    const document = await reviewedDocument();
    const last: LogLine = JSON.parse(document.lines[4]);
    const forged: LogLine = { record: { ...last.record, id: 'forged-2' }, prev: last.hash, hash: 'f'.repeat(64) };
    await document.write([...document.lines, JSON.stringify(forged)]);
    const result = await verify(await document.reopen());
    expectProblemAt(result.one, 6, /内容被修改/);
    expectProblemAt(result.one, 6, /签名与王主任的密钥不符/);
    expectSameInVerifyAll(result);
  });

  it('a line that is no longer a record at all', async () => {
    const document = await reviewedDocument();
    await document.write([...document.lines.slice(0, 3), '{"record": "被删掉了"', ...document.lines.slice(4)]);
    const result = await verify(await document.reopen());
    expectProblemAt(result.one, 4, /无法解析/);
    expectSameInVerifyAll(result);
  });
});
