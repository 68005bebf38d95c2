import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodePackage, encodePackage } from '../../electron/core/exchange/package';
import { derivedStatus } from '../../electron/core/exchange/plan';
import { buildZip, checkEntryName, rawEntry, readZip, writeZip, ZipError, type ZipLimits } from '../../electron/core/exchange/zip';
import { foldReview } from '../../electron/core/common/review-fold';
import { recordSigningText, sameRecordContent } from '../../electron/core/review/signature';
import type { ReviewRecord } from '../../electron/core/common/schemas/review';
import { FileKeyStore, keyFingerprint, signText, verifyText } from '../../electron/store/key-store';
import { nodeHasher } from '../../electron/store/review-repository';
import { fixedClock, makeTempDir } from '../helpers/temp-store';

const text = (value: string) => new TextEncoder().encode(value);

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof ZipError) return error.problem;
    throw error;
  }
  return 'accepted';
}

describe('the strict zip reader and writer', () => {
  it('round-trips entries, names in UTF-8, empty and incompressible data', () => {
    const random = new Uint8Array(5000).map((_, index) => (index * 7919) % 251);
    const entries = [
      { name: 'manifest.json', data: text('{"a":1}') },
      { name: 'revisions/文稿-1/r1.json', data: text('中文内容'.repeat(200)) },
      { name: 'empty', data: new Uint8Array(0) },
      { name: 'random.bin', data: random },
    ];
    const read = readZip(writeZip(entries));
    expect(read.map((entry) => entry.name)).toEqual(entries.map((entry) => entry.name));
    read.forEach((entry, index) => expect(Buffer.from(entry.data).equals(Buffer.from(entries[index].data))).toBe(true));
  });

  it('checks declared sizes and counts before inflating anything', () => {
    const limits: ZipLimits = { maxEntries: 3, maxEntrySize: 1000, maxTotalSize: 1500, maxRatio: 10, ratioFloor: 100 };
    const entry = (name: string, size: number) => ({ name, data: new Uint8Array(size).fill(65) });
    expect(problemOf(() => readZip(writeZip([entry('a', 1), entry('b', 1), entry('c', 1), entry('d', 1)]), limits))).toBe('too-many-entries');
    expect(problemOf(() => readZip(writeZip([entry('a', 1001)]), limits))).toBe('entry-too-large');
    expect(problemOf(() => readZip(writeZip([entry('a', 800), entry('b', 800)]), limits))).toBe('total-too-large');
    expect(problemOf(() => readZip(writeZip([entry('a', 900)]), limits))).toBe('ratio');
    expect(problemOf(() => readZip(writeZip([entry('a', 90)]), limits))).toBe('accepted');
  });

  it('refuses names that could escape a folder or be ambiguous', () => {
    const cases: [string, string][] = [
      ['../x', 'path-traversal'],
      ['a/../../x', 'path-traversal'],
      ['/etc/passwd', 'absolute-path'],
      ['C:/x', 'absolute-path'],
      ['a\\b', 'backslash'],
      ['a//b', 'bad-name'],
      ['./a', 'bad-name'],
      ['a/', 'bad-name'],
      ['a\u0000b', 'bad-name'],
      ['templates/x/v1.json', 'accepted'],
    ];
    for (const [name, problem] of cases) expect(problemOf(() => checkEntryName(name)), name).toBe(problem);
  });

  it('stops a stream that inflates past its declared size (a lying zip bomb)', () => {
    const big = new Uint8Array(200_000);
    const honest = rawEntry('a', big);
    const bytes = buildZip([{ ...honest, uncompressedSize: 1000 }]);
    expect(problemOf(() => readZip(bytes))).toBe('bomb');
  });
});

describe('keys and signatures', () => {
  it('a profile key is made once, kept in the data folder, and signs and verifies', async () => {
    const dataDir = await makeTempDir();
    const keys = new FileKeyStore(dataDir, fixedClock());
    expect(await keys.existingKey('mgr-zhang')).toBeNull();
    const first = await keys.identity('mgr-zhang');
    expect(first.fingerprint).toBe(keyFingerprint(first.publicKey));
    expect(first.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    // Another store on the same folder (a restart) finds the same key.
    const again = new FileKeyStore(dataDir, fixedClock());
    expect((await again.identity('mgr-zhang')).publicKey).toBe(first.publicKey);
    const signature = await again.sign('mgr-zhang', '报告台');
    expect(keys.verify(first.publicKey, '报告台', signature)).toBe(true);
    expect(keys.verify(first.publicKey, '报告台。', signature)).toBe(false);
    expect(keys.verify('not a key', '报告台', signature)).toBe(false);
    expect(keys.verify(first.publicKey, '报告台', 'bm90IGEgc2lnbmF0dXJl')).toBe(false);
    // Two first uses at once still make one key.
    const racing = new FileKeyStore(await makeTempDir(), fixedClock());
    const [a, b] = await Promise.all([racing.identity('sup-wang'), racing.identity('sup-wang')]);
    expect(a.publicKey).toBe(b.publicKey);
  });

  it('a record signature covers everything but the signature itself', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = Buffer.from(String(privateKey.export({ format: 'jwk' }).x), 'base64url').toString('base64');
    const record: ReviewRecord = {
      id: 'r1',
      docId: 'd1',
      revision: 1,
      authorId: 'sup-wang',
      authorName: '王主任',
      role: 'supervisor',
      at: '2026-11-05T02:00:00.000Z',
      body: { type: 'comment', anchor: { kind: 'document' }, kind: 'note', text: '好' },
    };
    const signed = { ...record, signature: signText(privateKey, recordSigningText(record)) };
    expect(verifyText(publicKey, recordSigningText(signed), signed.signature)).toBe(true);
    expect(sameRecordContent(record, signed)).toBe(true);
    const edited = { ...signed, body: { ...signed.body, text: '不好' } } as ReviewRecord;
    expect(verifyText(publicKey, recordSigningText(edited), signed.signature)).toBe(false);
    expect(sameRecordContent(edited, signed)).toBe(false);
  });
});

describe('packages', () => {
  it('encode then decode gives back the documents, templates and people, and the signature checks', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = Buffer.from(String(privateKey.export({ format: 'jwk' }).x), 'base64url').toString('base64');
    const sender = { profileId: 'sup-wang', name: '王主任', role: 'supervisor' as const, unit: '营销部', publicKey };
    const bytes = await encodePackage(
      {
        packageId: 'p1',
        kind: 'reviews',
        createdAt: '2026-11-05T02:00:00.000Z',
        app: 'test',
        sender,
        recipients: [{ profileId: 'mgr-zhang', name: '张明', role: 'manager' }],
        people: [sender],
        documents: [],
        templates: [],
      },
      async (value) => signText(privateKey, value),
      nodeHasher,
    );
    const decoded = decodePackage(bytes, verifyText, nodeHasher);
    expect(decoded.manifest).toMatchObject({ packageId: 'p1', kind: 'reviews', sender: { name: '王主任' }, entries: [] });
    expect(decoded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a document returned at revision N is revision N+1; approved or submitted stays at N', () => {
    const at = (minute: number) => `2026-11-05T02:${String(minute).padStart(2, '0')}:00.000Z`;
    const base = { docId: 'd', authorName: '', revision: 1 };
    const submit = { ...base, id: 's1', authorId: 'm', role: 'manager' as const, at: at(1), body: { type: 'submit' as const, snapshotHash: 'h' } };
    const decision = (id: string, decision: 'return' | 'approve', minute: number, revision = 1) => ({
      ...base,
      id,
      revision,
      authorId: 's',
      role: 'supervisor' as const,
      at: at(minute),
      body: { type: 'decision' as const, decision, grade: '良好', meetingFlag: 'none' as const },
    });
    expect(derivedStatus(foldReview([submit]))).toEqual({ status: 'submitted', revision: 1 });
    expect(derivedStatus(foldReview([submit, decision('d1', 'return', 2)]))).toEqual({ status: 'returned', revision: 2 });
    expect(derivedStatus(foldReview([decision('d1', 'approve', 2), submit]))).toEqual({ status: 'approved', revision: 1 });
  });
});
