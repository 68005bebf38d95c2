import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptPrivateKey } from '../../electron/store/key-store';
import { runCli } from '../../electron/cli/index';
import { makeTempDir, office, openTempStore } from '../helpers/temp-store';
import { testPassphrase } from '../helpers/unlock';

const fresh = '换过的新口令-2026-12';

/** The key file as someone with a copy of the data folder reads it. */
async function keyFile(dataDir: string): Promise<{ text: string; json: { publicKey: string; privateKey?: string; protection?: Parameters<typeof decryptPrivateKey>[0] } }> {
  const text = await readFile(path.join(dataDir, 'keys', `${office.supervisor}.json`), 'utf8');
  return { text, json: JSON.parse(text) };
}

describe("a supervisor changes their key's passphrase (profiles:change-passphrase)", { timeout: 60_000 }, () => {
  it('after the change the old passphrase fails, the new one unlocks the same key, and the file never holds it in clear', async () => {
    const store = await openTempStore({ seed: true });
    const before = await keyFile(store.dataDir);
    const pem = decryptPrivateKey(before.json.protection!, testPassphrase, before.json.publicKey)!;
    expect(pem).toContain('PRIVATE KEY');
    const body = pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
    const identity = await store.services.signer.identity(office.supervisor);

    const result = await store.dispatcher.dispatch('profiles:change-passphrase', office.supervisor, { current: testPassphrase, passphrase: fresh, repeat: fresh });
    expect(result).toEqual({ ok: true, value: { changed: true } });

    const after = await keyFile(store.dataDir);
    expect(after.text).not.toContain('PRIVATE KEY');
    expect(after.text).not.toContain(body);
    expect(after.json.privateKey).toBeUndefined();
    expect(after.json.publicKey).toBe(before.json.publicKey);
    expect(after.json.protection!.ciphertext).not.toBe(before.json.protection!.ciphertext);
    expect(decryptPrivateKey(after.json.protection!, testPassphrase, after.json.publicKey)).toBeNull();
    expect(decryptPrivateKey(after.json.protection!, fresh, after.json.publicKey)).toBe(pem);

    // A new start: the old passphrase is refused, the new one unlocks; the fingerprint is the same.
    await store.close();
    const reopened = await openTempStore({ dataDir: store.dataDir, lockedKeys: true });
    const refused = await reopened.dispatcher.dispatch('profiles:select', null, { id: office.supervisor, passphrase: testPassphrase });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reopened.services.signer.keyState(office.supervisor)).toBe('locked');
    expect(await reopened.dispatcher.dispatch('profiles:select', null, { id: office.supervisor, passphrase: fresh })).toMatchObject({ ok: true });
    expect(await reopened.services.signer.keyState(office.supervisor)).toBe('unlocked');
    expect((await reopened.services.signer.identity(office.supervisor)).fingerprint).toBe(identity.fingerprint);
    // Records signed now verify with the key other machines pinned.
    const signature = await reopened.services.signer.sign(office.supervisor, 'text');
    expect(reopened.services.signer.verify(identity.publicKey, 'text', signature)).toBe(true);
  });

  it('a wrong current passphrase, a mismatched repeat, a short or unchanged passphrase, or a manager: a clear message and the key file untouched', async () => {
    const store = await openTempStore({ seed: true });
    const before = (await keyFile(store.dataDir)).text;
    const cases = [
      [office.supervisor, { current: '不对的原口令-wrong', passphrase: fresh, repeat: fresh }, 'forbidden', '原口令不正确，口令没有修改', 'session.passphraseWrong'],
      [office.supervisor, { current: testPassphrase, passphrase: fresh, repeat: `${fresh}x` }, 'invalid-input', '两次输入的新口令不一致', 'session.passphraseRepeat'],
      [office.supervisor, { current: testPassphrase, passphrase: '短口令', repeat: '短口令' }, 'invalid-input', '新口令至少 8 个字符', 'session.passphraseTooShort'],
      [office.supervisor, { current: testPassphrase, passphrase: testPassphrase, repeat: testPassphrase }, 'invalid-input', '新口令与原口令相同，请换一个', 'session.passphraseSame'],
      [office.manager, { current: testPassphrase, passphrase: fresh, repeat: fresh }, 'forbidden', '只有主管身份的签名密钥有口令', 'session.passphraseSupervisorOnly'],
      [null, { current: testPassphrase, passphrase: fresh, repeat: fresh }, 'no-profile', '请先选择或创建一个用户身份', 'profile.required'],
    ] as const;
    for (const [profileId, input, code, message, key] of cases) {
      const result = await store.dispatcher.dispatch('profiles:change-passphrase', profileId, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code, key } });
      expect(!result.ok && result.error.message).toContain(message);
      expect((await keyFile(store.dataDir)).text).toBe(before);
    }
    // Unknown keys and oversized input are refused at the door.
    expect(await store.dispatcher.dispatch('profiles:change-passphrase', office.supervisor, { current: 'x', passphrase: fresh, repeat: fresh, profileId: office.manager })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await store.dispatcher.dispatch('profiles:change-passphrase', office.supervisor, { current: 'x'.repeat(201), passphrase: fresh, repeat: fresh })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await keyFile(store.dataDir)).text).toBe(before);
    // The old passphrase still works.
    store.services.signer.lock(office.supervisor);
    await store.services.signer.unlock(office.supervisor, testPassphrase);
  });

  it('the CLI: passphrase --as <supervisor> with the old and new passphrase files; a wrong old one exits 1 and changes nothing', async () => {
    const store = await openTempStore({ seed: true });
    await store.close();
    const folder = await makeTempDir('reportdesk-passphrase-files-');
    await writeFile(path.join(folder, 'old.txt'), `${testPassphrase}\n`);
    await writeFile(path.join(folder, 'wrong.txt'), '不对的原口令-wrong\n');
    await writeFile(path.join(folder, 'new.txt'), `${fresh}\n`);
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--data', store.dataDir], (text) => out.push(text), (text) => err.push(text));
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const before = (await keyFile(store.dataDir)).text;
    const refused = await run(['passphrase', '--as', office.supervisorName, '--passphrase-file', path.join(folder, 'wrong.txt'), '--new-passphrase-file', path.join(folder, 'new.txt')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('原口令不正确，口令没有修改');
    expect((await keyFile(store.dataDir)).text).toBe(before);

    const changed = await run(['passphrase', '--as', office.supervisorName, '--passphrase-file', path.join(folder, 'old.txt'), '--new-passphrase-file', path.join(folder, 'new.txt')]);
    expect(changed, changed.err).toMatchObject({ code: 0 });
    expect(changed.out).toContain('口令已修改');
    const after = await keyFile(store.dataDir);
    expect(after.text).not.toContain('PRIVATE KEY');
    expect(decryptPrivateKey(after.json.protection!, testPassphrase, after.json.publicKey)).toBeNull();
    expect(decryptPrivateKey(after.json.protection!, fresh, after.json.publicKey)).toContain('PRIVATE KEY');
  });
});
