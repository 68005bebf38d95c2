/**
 * The forgery corpus: hand edits of a reviewed document's files, made as someone who has read the code would
 * make them (hash chain recomputed with the store's own `lineHash`, the document's count/head and cached
 * status/grade updated, records re-signed with whatever key the forger can get). Each must be reported by
 * `verify` — over the API (as the supervisor, verify-all) and by the CLI — with the message a supervisor sees.
 * The table under `## Forgery` in docs/reliability.md is generated from these results (UPDATE_RELIABILITY=1
 * rewrites it); the test fails when the table and the corpus differ.
 */
import { createPrivateKey, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../electron/api/contract';
import type { Dispatcher } from '../../electron/api/dispatcher';
import { runCli } from '../../electron/cli';
import { describeFinding, type IntegrityCode, type IntegrityFinding } from '../../electron/core/review/integrity-messages';
import type { LogLine, ReviewRecord } from '../../electron/core/common/schemas/review';
import { recordSigningText } from '../../electron/core/review/signature';
import { reportFilePath } from '../../electron/store/report-repository';
import { decryptPrivateKey } from '../../electron/store/key-store';
import { lineHash, nodeHasher, reviewLogPath, revisionPath } from '../../electron/store/review-repository';
import { fixtureSeedsDir, makeTempDir, office, openTempStore, seedOffice, sequentialIds, testIdentity, testPassphrase, unlockSupervisors } from '../helpers/temp-store';
import { createDispatcher } from '../../electron/api/dispatcher';
import { openStore } from '../../electron/store/open-store';

type VerifyAll = ChannelOutput<'review:verify-all'>;

async function value<T>(dispatcher: Dispatcher, channel: string, profileId: string, input: unknown): Promise<T> {
  const result = await dispatcher.dispatch(channel, profileId, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const docId = office.submitted;

/** A folder where 张明's document went through a review round: comments, a reply, a return (需改进), a resubmission. */
let pristine = '';
let recordIds: { c1: string; c2: string; decision: string } = { c1: '', c2: '', decision: '' };

/** One copy of the reviewed folder for one forgery. */
class Folder {
  constructor(readonly dir: string) {}

  get log(): string {
    return reviewLogPath(this.dir, docId);
  }

  get document(): string {
    return reportFilePath(this.dir, docId);
  }

  async lines(): Promise<LogLine[]> {
    return (await readFile(this.log, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  }

  index(lines: LogLine[], id: string): number {
    const at = lines.findIndex((line) => line.record.id === id);
    expect(at).toBeGreaterThanOrEqual(0);
    return at;
  }

  /** Write the records back as a valid chain and register its count and head in the document, as the code does. */
  async writeChain(records: ReviewRecord[], documentChange: (document: Record<string, unknown>) => void = () => undefined): Promise<void> {
    let prev = '';
    const text = records
      .map((record) => {
        const hash = lineHash(nodeHasher, prev, record);
        const line = JSON.stringify({ record, prev, hash });
        prev = hash;
        return `${line}\n`;
      })
      .join('');
    await writeFile(this.log, text);
    await this.editDocument((document) => {
      const review = document.review as Record<string, unknown>;
      review.count = records.length;
      review.head = prev;
      documentChange(document);
    });
  }

  async writeRaw(lines: string[]): Promise<void> {
    await writeFile(this.log, lines.map((line) => `${line}\n`).join(''));
  }

  async editDocument(change: (document: Record<string, unknown>) => void): Promise<void> {
    const document = JSON.parse(await readFile(this.document, 'utf8')) as Record<string, unknown>;
    change(document);
    await writeFile(this.document, JSON.stringify(document, null, 2));
  }
}

/** Re-sign a record with a private key the forger holds. */
function resign(record: ReviewRecord, privateKeyPem: string | ReturnType<typeof createPrivateKey>): ReviewRecord {
  const key = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  const { signature: _old, ...unsigned } = record;
  return { ...unsigned, signature: edSign(null, Buffer.from(recordSigningText(record), 'utf8'), key).toString('base64') };
}

function unsign(record: ReviewRecord): ReviewRecord {
  const { signature: _old, ...unsigned } = record;
  return unsigned;
}

/** The manager's own key: kept in clear for managers, so a forger at their computer has it. */
async function managerKey(folder: Folder): Promise<string> {
  const file = JSON.parse(await readFile(path.join(folder.dir, 'keys', `${office.manager}.json`), 'utf8')) as { privateKey?: string };
  expect(file.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  return file.privateKey!;
}

function withGrade(record: ReviewRecord, grade: string): ReviewRecord {
  if (record.body.type !== 'decision') throw new Error('not a decision');
  return { ...record, body: { ...record.body, grade, meetingFlag: 'praise' } };
}

interface Forgery {
  kind: string;
  /** What the forger did, in words for the table. */
  edit: string;
  /** The finding that must be reported. */
  expected: IntegrityCode;
  /** The document file is gone: verify-all (not verify of the document) reports it. */
  apply(folder: Folder): Promise<void>;
}

const forgeries: Forgery[] = [
  {
    kind: 'grade-old-signature',
    edit: '等级 需改进 → 优秀，哈希链与登记重算，保留原签名',
    expected: 'bad-signature',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.decision);
      records[at] = withGrade(records[at], '优秀');
      await folder.writeChain(records);
    },
  },
  {
    kind: 'grade-signature-removed',
    edit: '等级 需改进 → 优秀，删去签名，哈希链与登记重算',
    expected: 'unsigned',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.decision);
      records[at] = unsign(withGrade(records[at], '优秀'));
      await folder.writeChain(records);
    },
  },
  {
    kind: 'grade-stranger-key',
    edit: '等级 需改进 → 优秀，用陌生人的密钥重新签名，哈希链与登记重算',
    expected: 'bad-signature',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.decision);
      records[at] = resign(withGrade(records[at], '优秀'), generateKeyPairSync('ed25519').privateKey);
      await folder.writeChain(records);
    },
  },
  {
    kind: 'grade-supervisor-key-file',
    edit: '等级 需改进 → 优秀，想用 keys/ 中主管的密钥文件重新签名（无口令解不开，只能用自己的密钥），哈希链与登记重算',
    expected: 'bad-signature',
    async apply(folder) {
      // The supervisor's key file: the private key is not there in clear, and without the passphrase it does not open.
      const keyFile = JSON.parse(await readFile(path.join(folder.dir, 'keys', `${office.supervisor}.json`), 'utf8')) as {
        publicKey: string;
        privateKey?: string;
        protection: Parameters<typeof decryptPrivateKey>[0];
      };
      expect(keyFile.privateKey).toBeUndefined();
      expect(keyFile.protection.method).toBe('passphrase');
      expect(() => createPrivateKey(Buffer.from(keyFile.protection.ciphertext, 'base64'))).toThrow();
      for (const guess of ['', '123456', '12345678', 'password', '王主任', 'reportdesk']) {
        expect(decryptPrivateKey(keyFile.protection, guess, keyFile.publicKey)).toBeNull();
      }
      // (With the passphrase it would open: the protection is real, not a placeholder.)
      expect(decryptPrivateKey(keyFile.protection, testPassphrase, keyFile.publicKey)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.decision);
      records[at] = resign(withGrade(records[at], '优秀'), await managerKey(folder));
      await folder.writeChain(records);
    },
  },
  {
    kind: 'decision-reattributed-to-manager',
    edit: '退回决定改记在客户经理名下并用客户经理自己的密钥签名，哈希链与登记重算',
    expected: 'forbidden-record',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.decision);
      records[at] = resign({ ...withGrade(records[at], '优秀'), authorId: office.manager, authorName: office.managerName, role: 'manager' }, await managerKey(folder));
      await folder.writeChain(records);
    },
  },
  {
    kind: 'record-role-claimed',
    edit: '客户经理的回复改称主管所写（role: supervisor），用自己的密钥重新签名，哈希链与登记重算',
    expected: 'role-mismatch',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = records.findIndex((record) => record.body.type === 'reply');
      records[at] = resign({ ...records[at], role: 'supervisor' }, await managerKey(folder));
      await folder.writeChain(records);
    },
  },
  {
    kind: 'decision-deleted',
    edit: '删除退回决定，随后自己的重新提交按新位置重新签名，哈希链与登记重算',
    expected: 'workflow-gap',
    async apply(folder) {
      const lines = await folder.lines();
      const at = folder.index(lines, recordIds.decision);
      const records = lines.map((line) => line.record).filter((_, index) => index !== at);
      const key = await managerKey(folder);
      const resubmit = records.findIndex((record, index) => index >= at && record.body.type === 'submit');
      records[resubmit] = resign({ ...records[resubmit], after: records[resubmit - 1].id }, key);
      await folder.writeChain(records, (document) => {
        const review = document.review as Record<string, unknown>;
        delete review.grade;
        delete review.meetingFlag;
      });
    },
  },
  {
    kind: 'comment-deleted',
    edit: '删除一条点评，哈希链与登记重算',
    expected: 'record-missing-before',
    async apply(folder) {
      const lines = await folder.lines();
      const at = folder.index(lines, recordIds.c2);
      await folder.writeChain(lines.map((line) => line.record).filter((_, index) => index !== at), (document) => {
        (document.review as Record<string, unknown>).openComments = 1;
      });
    },
  },
  {
    kind: 'comment-deleted-with-its-thread',
    edit: '删除一条点评（其后主管的“确认整改”仍指向它），哈希链与登记重算',
    expected: 'dangling-reference',
    async apply(folder) {
      const lines = await folder.lines();
      const at = folder.index(lines, recordIds.c2);
      await folder.writeChain(lines.map((line) => line.record).filter((_, index) => index !== at));
    },
  },
  {
    kind: 'records-reordered',
    edit: '调换两条记录的顺序（自己的回复按新位置重新签名），哈希链与登记重算',
    expected: 'record-moved',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const reply = records.findIndex((record) => record.body.type === 'reply');
      const c2 = folder.index(lines, recordIds.c2);
      expect(c2).toBe(reply + 1);
      const swapped = [...records];
      swapped[reply] = records[c2];
      swapped[c2] = resign({ ...records[reply], after: records[c2].id }, await managerKey(folder));
      await folder.writeChain(swapped);
    },
  },
  {
    kind: 'decision-appended',
    edit: '追加一条“通过 · 优秀 · 会上表扬”（以主管名义，用自己的密钥签名），哈希链、登记和文稿状态都重算',
    expected: 'bad-signature',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const last = records[records.length - 1];
      const forged: ReviewRecord = {
        id: 'forged-approval',
        docId,
        revision: 2,
        authorId: office.supervisor,
        authorName: office.supervisorName,
        role: 'supervisor',
        at: new Date(Date.parse(last.at) + 60_000).toISOString(),
        after: last.id,
        body: { type: 'decision', decision: 'approve', grade: '优秀', meetingFlag: 'praise' },
      };
      await folder.writeChain([...records, resign(forged, await managerKey(folder))], (document) => {
        document.status = 'approved';
        Object.assign(document.review as Record<string, unknown>, { grade: '优秀', meetingFlag: 'praise' });
      });
    },
  },
  {
    kind: 'decision-appended-unsigned',
    edit: '追加一条没有签名的“通过 · 优秀”，哈希链、登记和文稿状态都重算',
    expected: 'unsigned',
    async apply(folder) {
      const records = (await folder.lines()).map((line) => line.record);
      const last = records[records.length - 1];
      const forged: ReviewRecord = {
        id: 'forged-approval',
        docId,
        revision: 2,
        authorId: office.supervisor,
        authorName: office.supervisorName,
        role: 'supervisor',
        at: new Date(Date.parse(last.at) + 60_000).toISOString(),
        after: last.id,
        body: { type: 'decision', decision: 'approve', grade: '优秀', meetingFlag: 'praise' },
      };
      await folder.writeChain([...records, forged], (document) => {
        document.status = 'approved';
        Object.assign(document.review as Record<string, unknown>, { grade: '优秀', meetingFlag: 'praise' });
      });
    },
  },
  {
    kind: 'frozen-revision-edited',
    edit: '改动已提交（冻结）的第 1 版的正文',
    expected: 'snapshot-mismatch',
    async apply(folder) {
      const file = revisionPath(folder.dir, docId, 1);
      const revision = JSON.parse(await readFile(file, 'utf8')) as { title: string };
      revision.title = `${revision.title}（修订）`;
      await writeFile(file, JSON.stringify(revision, null, 2));
    },
  },
  {
    kind: 'cached-status-edited',
    edit: '只改文稿文件中缓存的状态（已提交 → 已通过）',
    expected: 'cache-status',
    async apply(folder) {
      await folder.editDocument((document) => {
        document.status = 'approved';
      });
    },
  },
  {
    kind: 'cached-grade-edited',
    edit: '只改文稿文件中缓存的等级与会议标记（→ 优秀、会上表扬）',
    expected: 'cache-grade',
    async apply(folder) {
      await folder.editDocument((document) => {
        Object.assign(document.review as Record<string, unknown>, { grade: '优秀', meetingFlag: 'praise' });
      });
    },
  },
  {
    kind: 'comment-text-edited',
    edit: '改动一条点评的文字（不重算哈希）',
    expected: 'content-changed',
    async apply(folder) {
      const lines = await folder.lines();
      const at = folder.index(lines, recordIds.c1);
      const line = lines[at];
      if (line.record.body.type !== 'comment') throw new Error('not a comment');
      line.record = { ...line.record, body: { ...line.record.body, text: '写得很好。' } };
      await folder.writeRaw(lines.map((item) => JSON.stringify(item)));
    },
  },
  {
    kind: 'comment-text-edited-chain-recomputed',
    edit: '改动一条点评的文字，哈希链与登记重算',
    expected: 'bad-signature',
    async apply(folder) {
      const lines = await folder.lines();
      const records = lines.map((line) => line.record);
      const at = folder.index(lines, recordIds.c1);
      const record = records[at];
      if (record.body.type !== 'comment') throw new Error('not a comment');
      records[at] = { ...record, body: { ...record.body, text: '写得很好。' } };
      await folder.writeChain(records);
    },
  },
  {
    kind: 'line-deleted',
    edit: '删除中间一行（不重算哈希）',
    expected: 'chain-broken',
    async apply(folder) {
      const lines = await folder.lines();
      const at = folder.index(lines, recordIds.c2);
      await folder.writeRaw(lines.filter((_, index) => index !== at).map((line) => JSON.stringify(line)));
    },
  },
  {
    kind: 'last-line-deleted',
    edit: '删除最后一行（不改登记）',
    expected: 'records-missing',
    async apply(folder) {
      const lines = await folder.lines();
      await folder.writeRaw(lines.slice(0, -1).map((line) => JSON.stringify(line)));
    },
  },
  {
    kind: 'review-log-deleted',
    edit: '删除整个审阅记录文件',
    expected: 'log-missing',
    async apply(folder) {
      await rm(folder.log);
    },
  },
  {
    kind: 'document-file-deleted',
    edit: '删除文稿文件（审阅记录还在）',
    expected: 'document-missing',
    async apply(folder) {
      await rm(folder.document);
    },
  },
];

interface Outcome {
  kind: string;
  edit: string;
  expected: IntegrityCode;
  finding: IntegrityFinding & { message: string };
  codes: string[];
  cli: string;
}

const outcomes: Outcome[] = [];

beforeAll(async () => {
  pristine = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-forgery-pristine-'));
  // A clock that moves a minute per reading and sequential ids: the records, and so the table's messages, are the
  // same on every run.
  let minute = 0;
  const clock = { now: () => new Date(Date.UTC(2026, 10, 5, 2, minute++)) };
  const store = await openStore({ dataDir: pristine, seedsDir: fixtureSeedsDir, clock, ids: sequentialIds('rec'), backgroundCheck: false });
  try {
    await seedOffice(store.services);
    await unlockSupervisors(store.services);
    const dispatcher = createDispatcher(store.services, { identity: testIdentity, logError: () => undefined });
    const c1 = await value<{ id: string }>(dispatcher, 'review:comment', office.supervisor, { id: docId, anchor: { kind: 'document' }, kind: 'problem', text: '请补充库存偏高的原因。' });
    await value(dispatcher, 'review:reply', office.manager, { id: docId, commentId: c1.id, text: '节前备货过多。' });
    const c2 = await value<{ id: string }>(dispatcher, 'review:comment', office.supervisor, { id: docId, anchor: { kind: 'document' }, kind: 'suggestion', text: '下月走访补上城西的三户。' });
    await value(dispatcher, 'review:decide', office.supervisor, { id: docId, decision: 'return', grade: '需改进', reason: '分析不够具体', meetingFlag: 'critique' });
    const returned = await value<{ report: { rev: number } }>(dispatcher, 'reports:get', office.manager, { id: docId });
    await value(dispatcher, 'reports:submit', office.manager, { id: docId, baseRev: returned.report.rev });
    await value(dispatcher, 'review:settle', office.supervisor, { id: docId, commentId: c2.id, action: 'resolve' });
    const records = await value<{ state: { decisions: { id: string }[] } }>(dispatcher, 'review:get', office.supervisor, { id: docId, markRead: false });
    recordIds = { c1: c1.id, c2: c2.id, decision: records.state.decisions[0].id };
    // Untouched, the folder verifies clean.
    expect(await value<VerifyAll>(dispatcher, 'review:verify-all', office.supervisor, {})).toEqual({ checked: 2, problems: [] });
  } finally {
    await store.close();
  }
}, 120_000);

describe('the forgery corpus: every hand edit is reported by verify', () => {
  it.each(forgeries.map((forgery) => [forgery.kind, forgery] as const))('%s', async (_kind, forgery) => {
    const dir = await makeTempDir('reportdesk-forgery-');
    await cp(pristine, dir, { recursive: true });
    const folder = new Folder(dir);
    await forgery.apply(folder);

    const { dispatcher, close } = await openTempStore({ dataDir: dir });
    const all = await value<VerifyAll>(dispatcher, 'review:verify-all', office.supervisor, {});
    const report = all.problems.find((item) => item.docId === docId);
    expect(report, JSON.stringify(all)).toBeDefined();
    const finding = report!.problems.find((problem) => problem.code === forgery.expected);
    expect(finding, JSON.stringify(report!.problems)).toBeDefined();
    // The message is the catalog's sentence for the finding, as the UI shows it.
    expect(finding!.message).toBe(describeFinding(finding as IntegrityFinding));
    // Only this document is reported: the other one is untouched.
    expect(all.problems.map((item) => item.docId)).toEqual([docId]);
    if (forgery.expected !== 'document-missing') {
      // The document's own verify (the review pane's 校验记录) says the same.
      const one = await value<ChannelOutput<'review:verify'>>(dispatcher, 'review:verify', office.manager, { id: docId });
      expect(one).toEqual(report);
    }
    await close();

    // The CLI prints the same sentence and exits 1.
    const out: string[] = [];
    const code = await runCli(['verify', '--data', dir, '--as', office.supervisorName], (text) => out.push(text), (text) => out.push(text));
    expect(code).toBe(1);
    expect(out.join('\n')).toContain(finding!.message);

    outcomes.push({ ...forgery, finding: finding as Outcome['finding'], codes: report!.problems.map((problem) => problem.code), cli: out.join('\n') });
  });
});

/** The `## Forgery` section of docs/reliability.md, from the corpus's results. */
function forgeryTable(results: Outcome[]): string {
  const ordered = forgeries.map((forgery) => results.find((result) => result.kind === forgery.kind)!);
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '## Forgery',
    '',
    `Generated by \`tests/integration/forgery-corpus.test.ts\` (\`UPDATE_RELIABILITY=1 npx vitest run tests/integration/forgery-corpus.test.ts\`):`,
    `${ordered.length} hand edits of a reviewed document's files, made as someone who has read the code would (hash chain`,
    'recomputed with the store\'s `lineHash`, count/head and cached status/grade updated, records re-signed with any key',
    'the forger can get). Each is reported by `verify` — the review pane\'s 校验记录, `review:verify-all` and',
    '`npm run cli -- verify` (exit 1) — with the message below. Detected: ' + `${ordered.length} of ${ordered.length}.`,
    '',
    '| kind | the edit | finding | what a supervisor reads |',
    '|---|---|---|---|',
    ...ordered.map((result) => `| \`${result.kind}\` | ${escape(result.edit)} | \`${result.finding.code}\` | ${escape(result.finding.message)} |`),
    '',
  ].join('\n');
}

afterAll(async () => {
  if (pristine) await rm(pristine, { recursive: true, force: true });
  if (outcomes.length !== forgeries.length) return;
  const file = path.resolve(__dirname, '..', '..', 'docs', 'reliability.md');
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '# Reliability\n\n';
  }
  const table = forgeryTable(outcomes);
  const section = /## Forgery\n[\s\S]*?(?=\n## |$)/;
  if (process.env.UPDATE_RELIABILITY) {
    const next = section.test(text) ? text.replace(section, table) : `${text.trimEnd()}\n\n${table}`;
    await writeFile(file, next.endsWith('\n') ? next : `${next}\n`);
    return;
  }
  const current = section.exec(text)?.[0] ?? '';
  expect(current.trim(), 'docs/reliability.md ## Forgery is out of date: run with UPDATE_RELIABILITY=1').toBe(table.trim());
});
