import { generateKeyPairSync, sign, verify, createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeConcerns, classifyEntry, folderNameOf, groupedFingerprint, packageFileName, parseFingerprint, parsePackageFileName } from '../../electron/core/sync/layout';
import { isReceived, markReceived, nextSequence, prunable, recipientLacks, signedText, verifySignedFile } from '../../electron/core/sync/plan';
import { identityBodySchema, type OutboxEntry } from '../../electron/core/sync/schema';
import { notBefore } from '../../electron/core/review/use-cases';
import { leavesSomethingToSend } from '../../electron/api/effects';
import { contract, type ChannelName } from '../../electron/api/contract';

const hex = 'ad9e00cf3a7a96f70c9438398557889a';
const other = '0123456789abcdef0123456789abcdef';

describe('office folder names', () => {
  it('names packages per recipient and sequence, and reads back only exact names', () => {
    expect(packageFileName(hex, 12)).toBe(`to-${hex}-000000012.rdpkg`);
    expect(parsePackageFileName(`to-${hex}-000000012.rdpkg`)).toEqual({ recipient: hex, seq: 12 });
    for (const name of [`to-${hex}-000000000.rdpkg`, `to-${hex}-12.rdpkg`, `to-${hex.toUpperCase()}-000000012.rdpkg`, `to-${hex}-000000012.rdpkg (1)`, `../to-${hex}-000000012.rdpkg`]) {
      expect(parsePackageFileName(name), name).toBeNull();
    }
    expect(() => packageFileName('../etc', 1)).toThrow();
  });

  it('tells engine leftovers, conflict copies and our own temporary files from packages', () => {
    const name = packageFileName(hex, 3);
    expect(classifyEntry(name)).toBe('package');
    expect(classifyEntry(`.syncthing.${name}.tmp`)).toBe('engine-temp');
    expect(classifyEntry(`~syncthing~${name}.tmp`)).toBe('engine-temp');
    expect(classifyEntry(`to-${hex}-000000003.sync-conflict-20261204-101010-ABCDEFG.rdpkg`)).toBe('conflict-copy');
    expect(classifyEntry(`.~${name}.a1b2c3d4.part`)).toBe('own-temp');
    expect(classifyEntry('notes.txt')).toBe('other');
  });

  it('reads fingerprints as people type them', () => {
    expect(parseFingerprint('AD9E 00CF 3a7a-96f7 0c94:3839 8557 889a')).toBe(hex);
    expect(parseFingerprint('ad9e 00cf')).toBeNull();
    expect(groupedFingerprint(hex)).toBe('ad9e 00cf 3a7a 96f7 0c94 3839 8557 889a');
    expect(folderNameOf(groupedFingerprint(hex))).toBe(hex);
  });
});

describe('acknowledgements', () => {
  it('folds out-of-order packages into upTo once the gap fills, and never counts one twice', () => {
    let received = markReceived(undefined, 2);
    expect(received).toEqual({ upTo: 0, extra: [2] });
    received = markReceived(received, 3);
    expect(isReceived(received, 1)).toBe(false);
    received = markReceived(received, 1);
    expect(received).toEqual({ upTo: 3, extra: [] });
    expect(markReceived(received, 2)).toBe(received);
  });

  it('prunes only what the recipient acknowledged', () => {
    const entry = (recipient: string, seq: number): OutboxEntry => ({ recipient, seq, file: packageFileName(recipient, seq), docIds: [], at: '', bytes: 1 });
    const entries = [entry(hex, 1), entry(hex, 2), entry(hex, 5), entry(other, 1)];
    expect(prunable(entries, hex, { upTo: 1, extra: [5] }).map((item) => item.seq)).toEqual([1, 5]);
    expect(prunable(entries, hex, undefined)).toEqual([]);
  });

  it('never reuses a sequence number: not the counter, not a file still there, not one acknowledged', () => {
    expect(nextSequence(undefined, [], undefined)).toBe(1);
    expect(nextSequence(3, [7], undefined)).toBe(8);
    expect(nextSequence(2, [], { upTo: 4, extra: [9] })).toBe(10);
  });
});

describe('what a recipient lacks', () => {
  const doc = { docId: 'd', revisions: [1, 2], records: [{ id: 'a', authorId: 'mgr' }, { id: 'b', authorId: 'sup' }] };
  it('sends new revisions and others\' records, never the recipient\'s own back', () => {
    expect(recipientLacks(doc, undefined, 'sup', true)).toBe(true);
    expect(recipientLacks(doc, { revisions: [1, 2], records: ['a'] }, 'sup', true)).toBe(false);
    expect(recipientLacks(doc, { revisions: [1], records: ['a'] }, 'sup', true)).toBe(true);
    expect(recipientLacks(doc, { revisions: [], records: ['b'] }, 'mgr', false)).toBe(false);
    expect(recipientLacks(doc, { revisions: [], records: [] }, 'mgr', false)).toBe(true);
  });
});

describe('signed small files', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = (key: typeof publicKey) => key.export({ format: 'der', type: 'spki' }).subarray(-32);
  const publicB64 = raw(publicKey).toString('base64');
  const keys = {
    fingerprint: (key: string) => groupedFingerprint(createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)),
    verify: (key: string, text: string, signature: string) => {
      try {
        const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key, 'base64')]);
        return verify(null, Buffer.from(text), createPublicKey({ key: spki, format: 'der', type: 'spki' }), Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
  const folder = folderNameOf(keys.fingerprint(publicB64));
  const body = { format: 'reportdesk-sync-identity', version: 1, person: { profileId: 'mgr-1', name: '张伟', role: 'manager', unit: '城关', publicKey: publicB64 }, writtenAt: '2026-12-04T00:00:00Z' };
  const file = (value: unknown) => JSON.stringify({ body: value, signature: sign(null, Buffer.from(signedText(value)), privateKey).toString('base64') });
  const check = (text: string, where = folder, expected?: string) => verifySignedFile(text, identityBodySchema, (value) => value.person.publicKey, where, keys, expected);

  it('accepts the owner\'s file in the owner\'s folder', () => {
    expect(check(file(body))).toMatchObject({ ok: true });
  });

  it('refuses a changed body, another folder, another key, and garbage — each with its reason', () => {
    const forged = JSON.parse(file(body)) as { body: typeof body; signature: string };
    forged.body.person.role = 'supervisor' as never;
    expect(check(JSON.stringify(forged))).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(check(file(body), other)).toMatchObject({ ok: false, reason: 'wrong-folder' });
    const otherKey = raw(generateKeyPairSync('ed25519').publicKey).toString('base64');
    expect(check(file(body), folder, otherKey)).toMatchObject({ ok: false, reason: 'wrong-key' });
    expect(check('{')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(check(JSON.stringify({ body }))).toMatchObject({ ok: false, reason: 'schema' });
  });
});

describe('file events and acts that start a pass', () => {
  it('a watcher event starts a pass unless it is a package for someone else or an unfinished or conflict file', () => {
    expect(changeConcerns(`to-${hex}-000000003.rdpkg`, hex)).toBe(true);
    expect(changeConcerns(`to-${other}-000000003.rdpkg`, hex)).toBe(false);
    expect(changeConcerns(`.syncthing.to-${hex}-000000003.rdpkg.tmp`, hex)).toBe(false);
    expect(changeConcerns(`~syncthing~to-${hex}-000000003.rdpkg.tmp`, hex)).toBe(false);
    expect(changeConcerns(`to-${hex}-000000003.sync-conflict-20261204-101010-ABCDEFG.rdpkg`, hex)).toBe(false);
    expect(changeConcerns(`.~acks.json.1a2b3c4d.part`, hex)).toBe(false);
    for (const name of ['acks.json', 'roster.json', 'identity.json', 'outbox', other]) expect(changeConcerns(name, hex), name).toBe(true);
    // No name from the watcher, or my folder not known yet: a pass, to be safe.
    expect(changeConcerns(null, hex)).toBe(true);
    expect(changeConcerns(`to-${other}-000000003.rdpkg`, null)).toBe(true);
  });

  it('every act that writes a review record or an office template starts a pass, 撤回 included; nothing else does', () => {
    const triggers = (Object.keys(contract) as ChannelName[]).filter(leavesSomethingToSend);
    expect(triggers.sort()).toEqual(
      [
        'reports:submit',
        'review:withdraw',
        'review:reply',
        'review:mark-fixed',
        'review:comment',
        'review:edit-comment',
        'review:retract-comment',
        'review:decide',
        'review:reopen',
        'review:settle',
        'templates:save',
        'templates:duplicate',
        'templates:import',
        'templates:retire',
      ].sort(),
    );
  });
});

describe('record times under clock skew', () => {
  it('a record is dated after the latest record its author has seen, and keeps its own time otherwise', () => {
    expect(notBefore('2026-12-05T08:00:00.000Z', '')).toBe('2026-12-05T08:00:00.000Z');
    expect(notBefore('2026-12-05T08:00:00.000Z', '2026-12-05T07:59:59.999Z')).toBe('2026-12-05T08:00:00.000Z');
    // A clock three days behind the submission it answers: 1 ms after it.
    expect(notBefore('2026-12-02T08:00:00.000Z', '2026-12-05T08:00:00.000Z')).toBe('2026-12-05T08:00:00.001Z');
    // The same instant (a clock standing still): still strictly after.
    expect(notBefore('2026-12-05T08:00:00.000Z', '2026-12-05T08:00:00.000Z')).toBe('2026-12-05T08:00:00.001Z');
  });
});
