import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/api/result';
import { registerIpcTransport } from '../../electron/main/ipc';
import { isAllowedSenderUrl } from '../../electron/main/security';
import { profileHeader, sessionHeader, tokenHeader } from '../../electron/server/http-transport';
import { hashFolder, office, openTempStore, type TempStore } from '../helpers/temp-store';
import { appPageUrl, fakeInvokeEvent, fakeIpcMain, rendererFile, startTestServer } from '../helpers/transports';

/**
 * The transport side owns each window's active profile: a page that puts another profile's id into a request
 * cannot act as that profile. Checked over both transports as a hostile page would try it: the manager's window
 * names the supervisor on a decision, on reading the inbox, on an export of review packages.
 */
type WindowCall = (channel: string, claimed: string | null, input: unknown) => Promise<Result<unknown>>;
type Transport = (store: TempStore) => Promise<(window: number) => WindowCall>;

const ipc: Transport = async (store) => {
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpcTransport(ipcMain, store.dispatcher, (url) => isAllowedSenderUrl(url, { rendererFile }));
  const senders = new Map<number, { id: number }>();
  return (window) => async (channel, claimed, input) => {
    if (!senders.has(window)) senders.set(window, { id: window });
    const result = await handlers.get(channel)!(fakeInvokeEvent(appPageUrl, null, senders.get(window)), claimed, structuredClone(input));
    return structuredClone(result) as Result<unknown>;
  };
};

const http: Transport = async (store) => {
  const transport = await startTestServer({ dispatcher: store.dispatcher });
  return (window) => async (channel, claimed, input) => {
    const response = await fetch(`${transport.url}api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [tokenHeader]: transport.token,
        [sessionHeader]: `browser-tab-number-${window}`,
        ...(claimed ? { [profileHeader]: claimed } : {}),
      },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  };
};

describe.each([
  ['IPC', ipc],
  ['HTTP', http],
])('the %s transport owns the active profile', (_name, transport) => {
  it("a manager's window naming the supervisor cannot act as the supervisor; the folder is unchanged", async () => {
    const store = await openTempStore({ seed: true });
    const windows = await transport(store);
    const manager = windows(1);
    expect(await manager('profiles:select', null, { id: office.manager })).toMatchObject({ ok: true, value: { id: office.manager } });
    const before = await hashFolder(store.dataDir);

    const decision = await manager('review:decide', office.supervisor, { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' });
    expect(decision).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'session.notActive', params: { active: office.managerName }, details: { reason: 'profile-not-active' } },
    });
    expect(decision.ok === false && decision.error.message).toContain(`当前的身份是“${office.managerName}”`);
    for (const [channel, input] of [
      ['review:inbox', {}],
      ['exchange:export-reviews', {}],
      ['review:comment', { id: office.submitted, revision: 1, kind: 'general', text: '冒名点评' }],
    ] as const) {
      expect(await manager(channel, office.supervisor, input)).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'session.notActive' } });
    }
    expect(await hashFolder(store.dataDir)).toEqual(before);
    expect((await store.services.reports.get(office.submitted))?.status).toBe('submitted');

    // Naming nobody acts as the window's own profile, never as anyone else: a manager may not decide.
    expect(await manager('review:decide', null, { id: office.submitted, decision: 'approve', grade: '优秀', meetingFlag: 'praise' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await hashFolder(store.dataDir)).toEqual(before);
  });

  it('a window that has chosen nobody cannot name a profile; two windows keep their own profiles; sign-out ends one', async () => {
    const store = await openTempStore({ seed: true });
    const windows = await transport(store);
    const first = windows(1);
    const second = windows(2);
    expect(await first('reports:list', office.manager, {})).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'session.noneActive' } });
    // Without any profile, a call that needs one says so.
    expect(await first('reports:list', null, {})).toMatchObject({ ok: false, error: { code: 'no-profile' } });

    await first('profiles:select', null, { id: office.manager });
    await second('profiles:select', null, { id: office.supervisor });
    expect(await first('reports:list', office.manager, {})).toMatchObject({ ok: true });
    expect(await second('review:inbox', office.supervisor, {})).toMatchObject({ ok: true });
    // Each window is refused the other's profile.
    expect(await first('review:inbox', office.supervisor, {})).toMatchObject({ ok: false, error: { key: 'session.notActive' } });
    expect(await second('reports:list', office.manager, {})).toMatchObject({ ok: false, error: { key: 'session.notActive', params: { active: office.supervisorName } } });

    expect(await second('profiles:sign-out', office.supervisor, {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(await second('review:inbox', office.supervisor, {})).toMatchObject({ ok: false, error: { key: 'session.noneActive' } });
    expect(await first('reports:list', office.manager, {})).toMatchObject({ ok: true });
  });

  it("switching to a supervisor whose key is locked needs the passphrase; a refused switch keeps the window's profile", async () => {
    const store = await openTempStore({ seed: true });
    const windows = await transport(store);
    const window = windows(1);
    await window('profiles:select', null, { id: office.manager });
    store.services.signer.lock(office.supervisor);
    const refused = await window('profiles:select', office.manager, { id: office.supervisor });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', details: { reason: 'passphrase-required' } } });
    expect(await window('review:inbox', office.supervisor, {})).toMatchObject({ ok: false, error: { key: 'session.notActive' } });
    expect(await window('reports:list', office.manager, {})).toMatchObject({ ok: true });
    const wrong = await window('profiles:select', office.manager, { id: office.supervisor, passphrase: '不对的口令-wrong' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await window('review:inbox', office.supervisor, {})).toMatchObject({ ok: false, error: { key: 'session.notActive' } });
  });
});
