import type { App, Session, Shell } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// Never load the real module: requiring it downloads the Electron binary. Nothing below needs more than types.
vi.mock('electron', () => ({}));

import { channelNames } from '../../electron/api/channels';
import { contract } from '../../electron/api/contract';
import type { Dispatcher } from '../../electron/api/dispatcher';
import { installSecurityGuards } from '../../electron/main/guards';
import { registerIpcTransport } from '../../electron/main/ipc';
import { menuTemplate } from '../../electron/main/menu';
import { isAllowedNavigation, isAllowedSenderUrl, isSafeExternalUrl } from '../../electron/main/security';
import { appPageUrl, fakeInvokeEvent, fakeIpcMain, rendererFile } from '../helpers/transports';

describe('isSafeExternalUrl', () => {
  it.each(['https://www.tobacco.gov.cn/news', 'http://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM/'])('lets %s open in the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.com',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'http://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedSenderUrl', () => {
  const packaged = { rendererFile };
  const dev = { rendererFile, devServerUrl: 'http://localhost:5173' };

  it('accepts the packaged renderer page, with or without a route in the hash', () => {
    expect(isAllowedSenderUrl(appPageUrl, packaged)).toBe(true);
    expect(isAllowedSenderUrl(`${appPageUrl}#/reports/abc`, packaged)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'not a url',
    'file:///app/out/renderer/other.html',
    'file:///etc/passwd',
    'file:///app/out/renderer/index.html.evil/x',
    'file://evil-share/app/out/renderer/index.html',
    'file:///app/out/renderer/%E0%A4%A',
    'https://evil.example/app/out/renderer/index.html',
    'http://localhost:5173/',
  ])('refuses %s in the packaged app', (url) => {
    expect(isAllowedSenderUrl(url, packaged)).toBe(false);
  });

  it('accepts the dev server origin in development, and only that origin', () => {
    expect(isAllowedSenderUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAllowedSenderUrl('http://localhost:5173/#/reports', dev)).toBe(true);
    expect(isAllowedSenderUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedSenderUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedSenderUrl('http://evil.example/', dev)).toBe(false);
  });

  it('accepts the page when the app is installed under a folder with Chinese, spaces, % or # in its name', () => {
    for (const folder of ['/home/张三/报告台', '/opt/Report Desk', '/data/100%', '/srv/team#2']) {
      const file = `${folder}/out/renderer/index.html`;
      // How Chromium writes the URL of a local file.
      const url = `file://${file.split('/').map(encodeURIComponent).join('/')}`;
      expect(isAllowedSenderUrl(url, { rendererFile: file }), url).toBe(true);
      expect(isAllowedSenderUrl('file:///etc/passwd', { rendererFile: file })).toBe(false);
    }
  });

  it('accepts a Windows renderer path', () => {
    const windows = { rendererFile: 'C:\\Program Files\\ReportDesk\\resources\\app\\out\\renderer\\index.html' };
    expect(isAllowedSenderUrl('file:///C:/Program%20Files/ReportDesk/resources/app/out/renderer/index.html', windows)).toBe(true);
    expect(isAllowedSenderUrl('file:///C:/Windows/evil.html', windows)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows moving within the app page (hash routes)', () => {
    expect(isAllowedNavigation(`${appPageUrl}#/reports`, appPageUrl)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/a', 'http://localhost:5173/#/b')).toBe(true);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'file:///app/out/renderer/other.html', 'javascript:alert(1)', 'not a url'])(
    'refuses navigating to %s',
    (target) => {
      expect(isAllowedNavigation(target, appPageUrl)).toBe(false);
    },
  );
});

type Listener = (...args: unknown[]) => unknown;

/** Fake app, shell, session and web contents that record what the guards install. */
function fakeShell() {
  const appListeners = new Map<string, Listener>();
  const app = {
    on: (event: string, listener: Listener) => appListeners.set(event, listener),
    whenReady: () => Promise.resolve(),
  } as unknown as App;
  const shell = { openExternal: vi.fn(async () => undefined) };
  const session = {
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheck = handler;
    },
  };
  const contentsListeners = new Map<string, Listener>();
  let windowOpen: Listener = () => undefined;
  const contents = {
    on: (event: string, listener: Listener) => contentsListeners.set(event, listener),
    getURL: () => appPageUrl,
    setWindowOpenHandler: (handler: Listener) => {
      windowOpen = handler;
    },
  };
  installSecurityGuards(app, shell as unknown as Shell, () => session as unknown as Session);
  appListeners.get('web-contents-created')!({}, contents);
  const fire = (event: string, url?: string) => {
    const domEvent = { preventDefault: vi.fn() };
    contentsListeners.get(event)!(domEvent, url);
    return domEvent.preventDefault.mock.calls.length > 0;
  };
  return { shell, session, fire, windowOpen: (url: string) => windowOpen({ url }) };
}

describe('installSecurityGuards', () => {
  it('prevents navigating or redirecting the window away from the app page', () => {
    const { fire } = fakeShell();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', `${appPageUrl}#/reports`)).toBe(false);
  });

  it('denies every new window and sends only http(s) links to the browser', () => {
    const { shell, windowOpen } = fakeShell();
    expect(windowOpen('https://www.example.com/policy')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.example.com/policy');
    shell.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'smb://host/share']) {
      expect(windowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching webviews', () => {
    const { fire } = fakeShell();
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies every permission request and check once the app is ready', async () => {
    const { session } = fakeShell();
    await vi.waitFor(() => expect(session.permissionRequest).not.toBeNull());
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!({}, permission)).toBe(false);
    }
  });
});

describe('registerIpcTransport', () => {
  function setUp() {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'dispatched' }));
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpcTransport(ipcMain, { dispatch, onChange: () => () => undefined } as Dispatcher, (url) => isAllowedSenderUrl(url, { rendererFile }));
    return { dispatch, handlers };
  }

  it('registers one handler per channel', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('runs a call as its window\'s profile, chosen with profiles:select in that window', async () => {
    const { dispatch, handlers } = setUp();
    dispatch.mockResolvedValueOnce({ ok: true as const, value: { id: 'mgr-zhang', name: '张伟' } as never });
    await handlers.get('profiles:select')!(fakeInvokeEvent(appPageUrl), null, { id: 'mgr-zhang' });
    const result = await handlers.get('reports:list')!(fakeInvokeEvent(appPageUrl), 'mgr-zhang', { status: 'draft' });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenLastCalledWith('reports:list', 'mgr-zhang', { status: 'draft' });
    // A call that names no profile still acts as the window's.
    await handlers.get('reports:list')!(fakeInvokeEvent(appPageUrl), null, {});
    expect(dispatch).toHaveBeenLastCalledWith('reports:list', 'mgr-zhang', {});
  });

  it('refuses a call naming a profile its window has not chosen, without dispatching', async () => {
    const { dispatch, handlers } = setUp();
    const result = await handlers.get('reports:list')!(fakeInvokeEvent(appPageUrl), 'mgr-zhang', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'session.noneActive', details: { reason: 'profile-not-active' } } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('treats a profile id that is not a string as no profile', async () => {
    const { dispatch, handlers } = setUp();
    await handlers.get('reports:list')!(fakeInvokeEvent(appPageUrl), { id: 'mgr-zhang' }, {});
    expect(dispatch).toHaveBeenCalledWith('reports:list', null, {});
  });

  it.each([
    ['a sub-frame of the app page', fakeInvokeEvent(appPageUrl, { url: appPageUrl })],
    ['a foreign page', fakeInvokeEvent('https://evil.example/')],
    ['another local file', fakeInvokeEvent('file:///tmp/evil.html')],
    ['a destroyed frame', fakeInvokeEvent(undefined)],
  ])('refuses %s with forbidden, without dispatching', async (_name, event) => {
    const { dispatch, handlers } = setUp();
    const result = await handlers.get('reports:delete')!(event, 'mgr-zhang', { id: 'x', baseRev: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('menuTemplate', () => {
  type Item = { label?: string; type?: string; submenu?: unknown };

  function items(template: Item[]): Item[] {
    return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu as Item[]) : [])]);
  }

  it.each([false, true])('labels every item in Chinese (mac: %s)', (isMac) => {
    const all = items(menuTemplate(isMac) as Item[]).filter((item) => item.type !== 'separator');
    expect(all.length).toBeGreaterThan(5);
    for (const item of all) expect(item.label, JSON.stringify(item)).toMatch(/\p{Script=Han}/u);
  });
});

describe('channelNames (the preload list)', () => {
  it('equals the contract channels, once each', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort());
  });
});
