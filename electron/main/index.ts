import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { createDispatcher } from '../api/dispatcher';
import { isDomainError } from '../core/shared/errors';
import { openStore, type Store } from '../store/open-store';
import { installSecurityGuards } from './guards';
import { forwardChangeEvents, registerIpcTransport } from './ipc';
import { registerSaveFileHandler } from './save-file';
import { menuTemplate } from './menu';
import { isAllowedSenderUrl } from './security';

const rendererFile = path.join(__dirname, '..', 'renderer', 'index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
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
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
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
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin')));
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
  registerIpcTransport(ipcMain, dispatcher, (url) => isAllowedSenderUrl(url, { devServerUrl, rendererFile }));
  forwardChangeEvents(dispatcher, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  registerSaveFileHandler(ipcMain, {
    showSaveDialog: (window, options) => (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options)),
    windowFor: (event) => BrowserWindow.fromWebContents(event.sender),
    isAllowedSender: (url) => isAllowedSenderUrl(url, { devServerUrl, rendererFile }),
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
