import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A stand-in for the `electron` module that records what the main process asks of it. */
const calls = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handled: new Map<string, (request: Request) => Promise<Response>>(),
  windows: [] as { options: { webPreferences?: Record<string, unknown> }; loaded: string[]; loadedFiles: string[] }[],
  menu: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    static fromWebContents = () => null;
    record: (typeof calls.windows)[number];
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      this.record = { options, loaded: [], loadedFiles: [] };
      calls.windows.push(this.record);
    }
    once() {}
    webContents = { on: () => undefined, id: 1 };
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.record.loadedFiles.push(file);
      return Promise.resolve();
    }
  }
  const on = () => undefined;
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on,
      whenReady: () => Promise.resolve(),
      getPath: () => os.tmpdir(),
      getName: () => 'ReportDesk',
      getVersion: () => '0.0.0',
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: { showErrorBox: () => undefined },
    ipcMain: { handle: () => undefined, on: () => undefined },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => (calls.menu.push(template), template) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => calls.handled.set(scheme, handler),
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    shell: { openExternal: () => undefined },
  };
});

// The store is not under test here: an empty stand-in.
vi.mock('../../electron/store/open-store', () => ({
  openStore: async () => ({ dataDir: os.tmpdir(), services: {}, sync: { start: async () => undefined }, close: async () => undefined }),
}));

import { appContentSecurityPolicy, appPageUrl, createAppProtocolHandler, devToolsAllowed, isAppPageUrl } from '../../electron/main/app-protocol';
import { menuTemplate } from '../../electron/main/menu';
import { isAllowedSenderUrl } from '../../electron/main/security';

let site = '';
beforeAll(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-app-protocol-'));
  await mkdir(path.join(site, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(site, 'renderer', 'index.html'), '<!doctype html><title>报告台</title>');
  await writeFile(path.join(site, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(site, 'secret.txt'), 'NOT FOR THE PAGE');
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('the packaged main process', () => {
  it('registers app:// as a privileged scheme, serves the UI from it (not file://) and has no DevTools', { timeout: 60_000 }, async () => {
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(calls.windows).toHaveLength(1), { timeout: 30_000 });
    expect(calls.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect([...calls.handled.keys()]).toEqual(['app']);
    const [window] = calls.windows;
    expect(window.loaded).toEqual([appPageUrl]);
    expect(window.loadedFiles).toEqual([]);
    expect(window.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(JSON.stringify(calls.menu)).not.toContain('toggleDevTools');
  });
});

describe('app:// protocol', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(path.join(site, 'renderer'))(new Request(url, { method }));

  it('serves the renderer files with the CSP as a header', async () => {
    const page = await get('app://reportdesk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(appContentSecurityPolicy);
    expect(await page.text()).toContain('报告台');
    const script = await get('app://reportdesk/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://reportdesk/')).status).toBe(200);
  });

  it.each([
    'app://reportdesk/%2e%2e/secret.txt',
    'app://reportdesk/..%2fsecret.txt',
    'app://reportdesk/assets/%E0%A4%A',
    'app://other/index.html',
    'app://reportdesk/missing.js',
    'file:///etc/passwd',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('NOT FOR THE PAGE');
  });

  it('accepts IPC only from its own page when the UI comes from app://', () => {
    const allowed = { appPage: appPageUrl };
    expect(isAllowedSenderUrl('app://reportdesk/index.html', allowed)).toBe(true);
    expect(isAllowedSenderUrl('app://reportdesk/index.html#/reports/abc', allowed)).toBe(true);
    for (const url of ['app://reportdesk/other.html', 'app://evil/index.html', 'file:///app/out/renderer/index.html', 'http://127.0.0.1/index.html', 'app://x@reportdesk/index.html']) {
      expect(isAllowedSenderUrl(url, allowed), url).toBe(false);
    }
    expect(isAppPageUrl('app://reportdesk/index.html#/x')).toBe(true);
    expect(isAppPageUrl('app://reportdesk/assets/app.js')).toBe(false);
  });

  it('allows DevTools only in development', () => {
    expect(devToolsAllowed({ isPackaged: true, devServerUrl: 'http://localhost:5173' })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toBe(true);
    expect(devToolsAllowed({ isPackaged: false, env: { REPORTDESK_DEVTOOLS: '1' } })).toBe(true);
    expect(JSON.stringify(menuTemplate(false))).not.toContain('toggleDevTools');
    expect(JSON.stringify(menuTemplate(false, true))).toContain('toggleDevTools');
  });
});
