/**
 * Private keys protected at rest: a supervisor's key under a passphrase (scrypt → AES-256-GCM), keys sealed by the
 * OS in the desktop app (Electron safeStorage, mocked here — the real electron module is never imported), and
 * the core's rule that nothing is signed as a supervisor until their key is unlocked.
 */
import { createPrivateKey } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeStorageSealer } from '../../electron/main/key-sealer';
import { FileKeyStore } from '../../electron/store/key-store';
import { fixedClock, hashFolder, makeTempDir, office, openTempStore, testPassphrase } from '../helpers/temp-store';

/** A stand-in for safeStorage: sealing bound to one machine's secret, like DPAPI is bound to an account. */
const machine = vi.hoisted(() => ({ secret: 7 }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.concat([Buffer.from([machine.secret]), Buffer.from(plain, 'utf8').map((byte) => byte ^ machine.secret)]),
    decryptString: (sealed: Buffer) => {
      if (sealed[0] !== machine.secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(sealed.subarray(1).map((byte) => byte ^ machine.secret)).toString('utf8');
    },
  },
}));

const clock = fixedClock();

describe('a passphrase-protected key', { timeout: 120_000 }, () => {
  it('is useless without the passphrase when the key file is copied to another machine', async () => {
    const here = await makeTempDir();
    const keys = new FileKeyStore(here, clock);
    await keys.setPassphrase('sup-1', testPassphrase);
    const { publicKey } = await keys.identity('sup-1');
    const signature = await keys.sign('sup-1', '评定：优秀');
    expect(keys.verify(publicKey, '评定：优秀', signature)).toBe(true);

    const file = JSON.parse(await readFile(path.join(here, 'keys', 'sup-1.json'), 'utf8')) as Record<string, unknown>;
    expect(file.privateKey).toBeUndefined();
    expect(JSON.stringify(file)).not.toContain('PRIVATE KEY');
    expect(file.protection).toMatchObject({ method: 'passphrase', kdf: 'scrypt' });

    // Another machine: the same file, locked.
    const there = await makeTempDir();
    await cp(path.join(here, 'keys'), path.join(there, 'keys'), { recursive: true });
    const copy = new FileKeyStore(there, clock);
    expect(await copy.keyState('sup-1')).toBe('locked');
    expect(await copy.existingKey('sup-1')).toBe(publicKey);
    await expect(copy.sign('sup-1', '评定：优秀')).rejects.toMatchObject({ code: 'locked', details: { reason: 'key-locked' } });
    await expect(copy.unlock('sup-1', '12345678')).rejects.toMatchObject({ code: 'forbidden', message: '口令不正确' });
    // Changing the stored ciphertext or the public key it is bound to does not open it either (GCM authenticates both).
    await copy.unlock('sup-1', testPassphrase);
    expect(await copy.keyState('sup-1')).toBe('unlocked');
    expect(copy.verify(publicKey, 'x', await copy.sign('sup-1', 'x'))).toBe(true);
    copy.lock('sup-1');
    await expect(copy.sign('sup-1', 'x')).rejects.toMatchObject({ code: 'locked' });
  });

  it('migrates a key kept in clear to the same key pair under a passphrase, and a change needs the current passphrase', async () => {
    const dir = await makeTempDir();
    const keys = new FileKeyStore(dir, clock);
    const { publicKey } = await keys.identity('sup-2');
    expect(await keys.keyState('sup-2')).toBe('plain');
    await expect(keys.setPassphrase('sup-2', 'short')).rejects.toMatchObject({ code: 'invalid-input' });
    await keys.setPassphrase('sup-2', testPassphrase);
    expect((await new FileKeyStore(dir, clock).identity('sup-2')).publicKey).toBe(publicKey);
    const reopened = new FileKeyStore(dir, clock);
    await expect(reopened.setPassphrase('sup-2', '另一个口令-another')).rejects.toMatchObject({ code: 'forbidden' });
    await reopened.setPassphrase('sup-2', '另一个口令-another', testPassphrase);
    await expect(new FileKeyStore(dir, clock).unlock('sup-2', testPassphrase)).rejects.toMatchObject({ code: 'forbidden' });
    await new FileKeyStore(dir, clock).unlock('sup-2', '另一个口令-another');
  });
});

describe('keys sealed by the operating system (desktop: Electron safeStorage)', { timeout: 120_000 }, () => {
  it('seals new and clear keys; a sealed file does not open on another machine or in the CLI', async () => {
    const { safeStorage } = await import('electron');
    const sealer = safeStorageSealer(safeStorage, 'linux');
    const dir = await makeTempDir();
    // A key made in browser mode (clear), then the desktop app opens the folder: sealed from then on.
    const { publicKey } = await new FileKeyStore(dir, clock).identity('mgr-1');
    const desktop = new FileKeyStore(dir, clock, { sealer });
    expect(await desktop.keyState('mgr-1')).toBe('os');
    const file = JSON.parse(await readFile(path.join(dir, 'keys', 'mgr-1.json'), 'utf8')) as { privateKey?: string; protection: { method: string; ciphertext: string } };
    expect(file.privateKey).toBeUndefined();
    expect(file.protection.method).toBe('os');
    expect(() => createPrivateKey(Buffer.from(file.protection.ciphertext, 'base64'))).toThrow();
    expect(desktop.verify(publicKey, 'a', await new FileKeyStore(dir, clock, { sealer }).sign('mgr-1', 'a'))).toBe(true);

    // The CLI (no sealer) and another machine's OS cannot use it.
    await expect(new FileKeyStore(dir, clock).sign('mgr-1', 'a')).rejects.toMatchObject({ code: 'locked', details: { reason: 'key-sealed-by-os' } });
    machine.secret = 9;
    await expect(new FileKeyStore(dir, clock, { sealer }).sign('mgr-1', 'a')).rejects.toMatchObject({ code: 'locked', details: { reason: 'key-sealed-by-os' } });
    machine.secret = 7;
  });

  it('is not used where safeStorage would only obfuscate (Linux without a secret service)', async () => {
    const sealer = safeStorageSealer({ isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' }, 'linux');
    expect(sealer.available()).toBe(false);
  });
});

describe('signing as a supervisor needs the key unlocked', { timeout: 120_000 }, () => {
  it('refuses every supervisor act until the passphrase is given, writing nothing; choosing the profile with it sets or unlocks it', async () => {
    const { dispatcher, dataDir } = await openTempStore({ seed: true, lockedKeys: true });
    const comment = { id: office.submitted, anchor: { kind: 'document' }, kind: 'note', text: '请补充。' };
    const before = await hashFolder(dataDir);
    const refused = await dispatcher.dispatch('review:comment', office.supervisor, comment);
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', details: { reason: 'passphrase-required', mode: 'set' } } });
    expect(await hashFolder(dataDir)).toEqual(before);
    // Choosing the profile without the passphrase says what is needed; with one, the demo's clear key is protected.
    expect(await dispatcher.dispatch('profiles:select', null, { id: office.supervisor })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatcher.dispatch('profiles:select', null, { id: office.supervisor, passphrase: testPassphrase })).toMatchObject({ ok: true });
    expect(await dispatcher.dispatch('review:comment', office.supervisor, comment)).toMatchObject({ ok: true });
    // A manager's acts never need one.
    expect(await dispatcher.dispatch('profiles:select', null, { id: office.manager })).toMatchObject({ ok: true });
  });

  it('after a restart the key is locked again; a wrong passphrase is refused', async () => {
    const first = await openTempStore({ seed: true });
    await first.close();
    const { dispatcher } = await openTempStore({ dataDir: first.dataDir, lockedKeys: true });
    const act = () => dispatcher.dispatch('review:decide', office.supervisor, { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' });
    expect(await act()).toMatchObject({ ok: false, error: { code: 'locked', details: { mode: 'unlock' } } });
    expect(await dispatcher.dispatch('profiles:select', null, { id: office.supervisor, passphrase: '不对的口令-wrong' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: '口令不正确' } });
    expect(await dispatcher.dispatch('profiles:select', null, { id: office.supervisor, passphrase: testPassphrase })).toMatchObject({ ok: true });
    expect(await act()).toMatchObject({ ok: true });
  });

  it('a new supervisor profile needs a passphrase; a profile with the name and role of someone trusted needs a confirmation', async () => {
    const { dispatcher, services } = await openTempStore();
    expect(await dispatcher.dispatch('profiles:create', null, { name: '陈主任', role: 'supervisor', unit: '营销部' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await services.exchange.addTrusted([
      {
        profileId: 'real-chen',
        name: '陈主任',
        role: 'supervisor',
        unit: '营销部',
        publicKey: 'A'.repeat(43) + '=',
        fingerprint: 'aaaa bbbb cccc dddd eeee ffff 0000 1111',
        firstSeen: '2026-11-01T00:00:00.000Z',
        introducedBy: { packageId: 'p1', senderId: 'real-chen', senderName: '陈主任' },
        source: 'package',
      },
    ]);
    const input = { name: '陈主任', role: 'supervisor', unit: '营销部', passphrase: testPassphrase };
    expect(await dispatcher.dispatch('profiles:create', null, input)).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'same-name-as-trusted' } } });
    expect(await dispatcher.dispatch('profiles:create', null, { ...input, confirmSameName: true })).toMatchObject({ ok: true });
  });
});
