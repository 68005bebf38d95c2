import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { createDispatcher } from '../api/dispatcher';
import { isDomainError } from '../core/shared/errors';
import { openStore, type Store } from '../store/open-store';
import { appPageUrl, appScheme, appSchemePrivileges, createAppProtocolHandler, devToolsAllowed } from './app-protocol';
import { installSecurityGuards } from './guards';
import { registerIpcTransport } from './ipc';
import { registerSaveFileHandler } from './save-file';
import { menuTemplate } from './menu';
import { isAllowedSenderUrl } from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const devTools = devToolsAllowed({ isPackaged: app.isPackaged, devServerUrl, env: process.env });
/** The page IPC may come from: the dev server while developing, else only app://reportdesk/index.html. */
const allowedPages = devServerUrl ? { devServerUrl } : { appPage: appPageUrl };
// Before the app is ready: app:// is a standard, secure scheme (its own origin, fetch, no file:// page).
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
let store: Store | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '报告台 ReportDesk',
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
  void window.loadURL(devServerUrl ?? appPageUrl);
  return window;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  installSecurityGuards(app, shell, () => session.defaultSession);
  await app.whenReady();
  protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', devTools)));
  const dataDir = process.env.REPORTDESK_DATA_DIR || app.getPath('userData');
  try {
    store = await openStore({ dataDir });
  } catch (error) {
    dialog.showErrorBox('报告台无法启动', isDomainError(error) ? error.message : String(error));
    app.quit();
    return;
  }
  const dispatcher = createDispatcher(store.services, {
    identity: { name: app.getName(), version: app.getVersion() },
  });
  registerIpcTransport(ipcMain, dispatcher, (url) => isAllowedSenderUrl(url, allowedPages));
  registerSaveFileHandler(ipcMain, {
    showSaveDialog: (window, options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    isAllowedSender: (url) => isAllowedSenderUrl(url, allowedPages),
    defaultFolder: () => app.getPath('documents'),
  });
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!store) return;
  event.preventDefault();
  const closing = store;
  store = null;
  void closing.close().finally(() => app.quit());
});

void start();
