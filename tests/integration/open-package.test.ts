import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

/** A stand-in for Electron's main-process API: enough for electron/main/index.ts to start, recorded for checks. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appHandlers = new Map<string, Listener[]>();
  const ipcOn = new Map<string, Listener>();
  const windows: { webContents: { send: ReturnType<typeof vi.fn> }; focus: ReturnType<typeof vi.fn> }[] = [];
  const userData = { dir: '' };
  return { appHandlers, ipcOn, windows, userData };
});

vi.mock('electron', () => {
  const on = (event: string, listener: (...args: unknown[]) => unknown) => {
    fake.appHandlers.set(event, [...(fake.appHandlers.get(event) ?? []), listener]);
  };
  class BrowserWindow {
    webContents = { send: vi.fn(), on: vi.fn() };
    focus = vi.fn();
    constructor() {
      fake.windows.push(this);
    }
    once() {}
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    static getAllWindows() {
      return fake.windows;
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on,
      getPath: () => fake.userData.dir,
      getName: () => 'ReportDesk 报告台',
      getVersion: () => '0.0.0-test',
      quit: vi.fn(),
      isPackaged: false,
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: vi.fn(), on: (channel: string, listener: (...args: unknown[]) => unknown) => fake.ipcOn.set(channel, listener) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => ({})) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: vi.fn(), decryptString: vi.fn() },
  };
});

import { appPageUrl } from '../../electron/main/app-protocol';
import { createPackageRouter, packagePathFromArgv, readPackageFile, type PackageMessage } from '../../electron/main/open-package';

describe('packagePathFromArgv', () => {
  const cwd = path.resolve('/home/zhang/下载');
  it.each([
    [['C:\\Program Files\\ReportDesk\\reportdesk.exe', 'D:\\交换\\城关片区.rdpkg'], path.resolve(cwd, 'D:\\交换\\城关片区.rdpkg')],
    [['/opt/ReportDesk/reportdesk', '--no-sandbox', '城关片区_10月.RDPKG'], path.join(cwd, '城关片区_10月.RDPKG')],
    [['/usr/bin/electron', '.', '/tmp/a.rdpkg'], '/tmp/a.rdpkg'],
    [['reportdesk', '/tmp/a.rdpkg', '/tmp/b.rdpkg', '--allow-file-access-from-files'], '/tmp/b.rdpkg'],
  ])('finds the package in %j', (argv, expected) => {
    expect(packagePathFromArgv(argv, cwd)).toBe(expected);
  });

  it.each([[['reportdesk']], [['reportdesk', '--inspect=9229']], [['reportdesk', 'report.docx']], [['/tmp/only-the-exe.rdpkg']], [['reportdesk', '--file=/tmp/a.rdpkg']]])(
    'finds none in %j',
    (argv) => {
      expect(packagePathFromArgv(argv, cwd)).toBeNull();
    },
  );
});

describe('the package router', () => {
  it('holds packages until the page listens, then sends them in order; focuses the window', async () => {
    const sent: PackageMessage[] = [];
    const focus = vi.fn();
    const router = createPackageRouter({ send: (message) => sent.push(message), focus, read: async (file) => ({ ok: true, fileName: path.basename(file), dataBase64: 'AA==' }) });
    expect(await router.handleArgv(['reportdesk', '/tmp/first.rdpkg'], '/')).toBe(true);
    expect(await router.handleArgv(['reportdesk'], '/')).toBe(false);
    expect(sent).toEqual([]);
    router.pageReady();
    expect(sent.map((message) => message.fileName)).toEqual(['first.rdpkg']);
    await router.handleArgv(['reportdesk', '/tmp/second.rdpkg'], '/');
    expect(sent.map((message) => message.fileName)).toEqual(['first.rdpkg', 'second.rdpkg']);
    router.pageGone();
    await router.handleArgv(['reportdesk', '/tmp/third.rdpkg'], '/');
    expect(sent).toHaveLength(2);
    router.pageReady();
    expect(sent.map((message) => message.fileName)).toEqual(['first.rdpkg', 'second.rdpkg', 'third.rdpkg']);
    expect(focus).toHaveBeenCalledTimes(3);
  });

  it('reads a file, and says why it cannot', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-open-'));
    try {
      await writeFile(path.join(dir, 'ok.rdpkg'), Buffer.from([1, 2, 3]));
      await writeFile(path.join(dir, 'huge.rdpkg'), Buffer.alloc(18 * 1024 * 1024 + 1));
      expect(await readPackageFile(path.join(dir, 'ok.rdpkg'))).toEqual({ ok: true, fileName: 'ok.rdpkg', dataBase64: 'AQID' });
      expect(await readPackageFile(path.join(dir, 'gone.rdpkg'))).toEqual({ ok: false, fileName: 'gone.rdpkg', reason: 'missing' });
      expect(await readPackageFile(path.join(dir, 'huge.rdpkg'))).toMatchObject({ ok: false, reason: 'too-large' });
      expect(await readPackageFile(dir)).toMatchObject({ ok: false, reason: 'not-file' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the desktop main process (electron mocked)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    // Quit as Electron would: the host closes the store (and takes its exit backup), then quits again.
    const { app } = await import('electron');
    for (const listener of fake.appHandlers.get('will-quit') ?? []) listener({ preventDefault: () => undefined });
    if (fake.windows.length) await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 20_000 });
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('opens a package named on the first command line and one handed over by a second start in the import preview', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-main-'));
    dirs.push(dir);
    fake.userData.dir = path.join(dir, 'userData');
    const first = path.join(dir, '城关片区_提交.rdpkg');
    const second = path.join(dir, '审阅结果.rdpkg');
    await writeFile(first, 'first package');
    await writeFile(second, 'second package');
    const previous = { argv: process.argv, data: process.env.REPORTDESK_DATA_DIR };
    process.argv = ['/opt/ReportDesk/reportdesk', first];
    process.env.REPORTDESK_DATA_DIR = path.join(dir, 'data');
    try {
      await import('../../electron/main/index');
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 });
    } finally {
      process.argv = previous.argv;
      if (previous.data === undefined) delete process.env.REPORTDESK_DATA_DIR;
      else process.env.REPORTDESK_DATA_DIR = previous.data;
    }
    const window = fake.windows[0];
    const ready = fake.ipcOn.get('app:open-package-ready')!;
    expect(ready).toBeTypeOf('function');
    // A page that is not the app's is ignored; nothing is sent before the app's page listens.
    ready({ senderFrame: { url: 'https://example.com/' } });
    expect(window.webContents.send).not.toHaveBeenCalled();
    // The app's page is served from app:// (electron/main/app-protocol.ts).
    ready({ senderFrame: { url: appPageUrl } });
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledTimes(1));
    expect(window.webContents.send).toHaveBeenLastCalledWith('app:open-package', {
      ok: true,
      fileName: '城关片区_提交.rdpkg',
      dataBase64: Buffer.from('first package').toString('base64'),
    });
    // A second start (the running app keeps the single-instance lock) hands over its command line.
    for (const listener of fake.appHandlers.get('second-instance') ?? []) listener({}, ['C:\\ReportDesk\\reportdesk.exe', path.basename(second)], dir);
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledTimes(2));
    expect(window.webContents.send).toHaveBeenLastCalledWith('app:open-package', {
      ok: true,
      fileName: '审阅结果.rdpkg',
      dataBase64: Buffer.from('second package').toString('base64'),
    });
    expect(window.focus).toHaveBeenCalled();
    // A missing file still reaches the page, as a reason to show.
    for (const listener of fake.appHandlers.get('second-instance') ?? []) listener({}, ['reportdesk', path.join(dir, '不存在.rdpkg')], dir);
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledTimes(3));
    expect(window.webContents.send).toHaveBeenLastCalledWith('app:open-package', { ok: false, fileName: '不存在.rdpkg', reason: 'missing' });
  }, 30_000);
});
