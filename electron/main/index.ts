import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { safeStorageSealer } from './key-sealer';
import path from 'node:path';
import { isDomainError } from '../core/common/errors';
import { appRoot } from '../store/app-root';
import { StoreHost } from '../host/store-host';
import { appPageUrl, appScheme, appSchemePrivileges, createAppProtocolHandler, devToolsAllowed } from './app-protocol';
import { createPackageRouter, openPackageChannel, openPackageReadyChannel } from './open-package';
import { installSecurityGuards } from './guards';
import { forwardChangeEvents, registerIpcTransport } from './ipc';
import { registerSaveFileHandler, SavedFiles, saveWithDialog, type SaveFileDependencies } from './save-file';
import { menuTemplate } from './menu';
import { isAllowedSenderUrl } from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const devTools = devToolsAllowed({ isPackaged: app.isPackaged, devServerUrl, env: process.env });
/** The page IPC may come from: the dev server while developing, else only app://reportdesk/index.html. */
const allowedPages = devServerUrl ? { devServerUrl } : { appPage: appPageUrl };
// Before the app is ready: app:// is a standard, secure scheme (its own origin, fetch, no file:// page).
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
let host: StoreHost | null = null;
/** Exports saved through the save dialog in this run: the only files 「打开」 may open. */
const savedFiles = new SavedFiles();
let mainWindow: BrowserWindow | null = null;

/** The app icon (resources/icons, made by `npm run icons`): window, taskbar and Linux launcher. */
const windowIcon = path.join(appRoot(), 'resources', 'icons', 'png', '256x256.png');

/** .rdpkg files from a double-click (first start) or handed over by a second start go to the import preview. */
const packages = createPackageRouter({
  send: (message) => mainWindow?.webContents.send(openPackageChannel, message),
  focus: () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  },
});

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '报告台 ReportDesk',
    icon: windowIcon,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) packages.pageGone();
  });
  void window.loadURL(devServerUrl ?? appPageUrl);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void packages.handleArgv(argv, workingDirectory).then((handled) => {
      if (handled || !mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
  });
  installSecurityGuards(app, shell, () => session.defaultSession);
  await app.whenReady();
  protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', devTools)));
  // Packaged, the built-in templates and demo office are extra resources beside the asar (electron-builder.config.cjs).
  if (app.isPackaged && process.resourcesPath && !process.env.REPORTDESK_SEEDS_DIR) process.env.REPORTDESK_SEEDS_DIR = path.join(process.resourcesPath, 'seeds');
  const startDir = process.env.REPORTDESK_DATA_DIR || app.getPath('userData');
  const saveFileDeps: SaveFileDependencies = {
    showSaveDialog: (window, options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    isAllowedSender: (url) => isAllowedSenderUrl(url, allowedPages),
    defaultFolder: () => app.getPath('documents'),
    onSaved: (filePath) => savedFiles.record(filePath),
  };
  try {
    // A data folder moved under 设置 is remembered in a pointer file in userData.
    // Keys are sealed by the OS where it can (safeStorage is usable only after `ready`).
    host = await StoreHost.open({
      startDir,
      pointerFile: path.join(app.getPath('userData'), 'data-location.json'),
      locationSource: process.env.REPORTDESK_DATA_DIR ? 'environment' : 'default',
      identity: { name: app.getName(), version: app.getVersion() },
      startSync: true,
      openOptions: { keySealer: safeStorageSealer(safeStorage) },
      desktop: {
        openSavedFile: savedFiles.opener((filePath) => shell.openPath(filePath)),
        // export:save: the job's bytes go from the export straight to the file, modal to the window in front.
        saveExport: (file) => saveWithDialog(saveFileDeps, BrowserWindow.getFocusedWindow() ?? mainWindow, file.fileName, file.bytes),
      },
    });
  } catch (error) {
    dialog.showErrorBox('报告台无法启动', isDomainError(error) ? error.message : String(error));
    app.quit();
    return;
  }
  const dispatcher = host;
  registerIpcTransport(ipcMain, dispatcher, (url) => isAllowedSenderUrl(url, allowedPages));
  forwardChangeEvents(dispatcher, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  registerSaveFileHandler(ipcMain, saveFileDeps);
  ipcMain.on(openPackageReadyChannel, (event) => {
    if (event.senderFrame && isAllowedSenderUrl(event.senderFrame.url, allowedPages)) packages.pageReady();
  });
  mainWindow = createWindow();
  void packages.handleArgv(process.argv, process.cwd());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!host) return;
  event.preventDefault();
  const closing = host;
  host = null;
  // A backup at exit (when anything was done since the last one); a failure is recorded, never blocks exit.
  void closing.close({ backupAtExit: true }).finally(() => app.quit());
});

void start();
