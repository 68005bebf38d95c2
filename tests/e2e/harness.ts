import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDispatcher } from '../../electron/api/dispatcher';
import { startHttpTransport, type HttpTransport } from '../../electron/server/http-transport';
import { openStore, type Store } from '../../electron/store/open-store';

const root = path.resolve(__dirname, '..', '..');
export const rendererDir = path.join(root, 'out', 'renderer');
/**
 * Where the e2e runs put their screenshots: .tmp/screenshots, so a test run never changes tracked files.
 * `npm run screenshots` runs the e2e suite with REPORTDESK_SCREENSHOT_DIR=docs/screenshots to refresh the
 * pictures kept in the repository, on purpose (then look at them before committing).
 */
export const screenshotDir = process.env.REPORTDESK_SCREENSHOT_DIR ? path.resolve(root, process.env.REPORTDESK_SCREENSHOT_DIR) : path.join(root, '.tmp', 'screenshots');
export const seedsDir = path.join(root, 'seeds');

/** Debian's Chromium (or REPORTDESK_CHROMIUM); the run fails, never skips, when it is missing. */
export function chromiumPath(): string {
  const candidate = process.env.REPORTDESK_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`Chromium not found at ${candidate}: install it with "apt-get install -y chromium" or set REPORTDESK_CHROMIUM`);
  }
  return candidate;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A running app in browser mode on a fresh data folder (Actual's e2e fixtures idea). */
export interface AppUnderTest {
  dataDir: string;
  store: Store;
  transport: HttpTransport;
  browser: Browser;
  /** A new browser context (its own cookies), logged in with the token. */
  open(options?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Restart the backend on the same data folder (e.g. to check what was really saved). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `prepare` fills the fresh data folder before the store opens (e.g. a generated office of many documents).
 */
export async function startApp(options: { browser?: Browser; prepare?: (dataDir: string) => Promise<void> } = {}): Promise<AppUnderTest> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first (npm test does it)');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reportdesk-e2e-'));
  await options.prepare?.(dataDir);
  const browser = options.browser ?? (await launchChromium());
  const state = {} as { store: Store; transport: HttpTransport };
  let port = 0;

  async function boot() {
    state.store = await openStore({ dataDir, seedsDir });
    const dispatcher = createDispatcher(state.store.services, { identity: { name: 'ReportDesk', version: 'test' } });
    state.transport = await startHttpTransport({ dispatcher, rendererDir, port, token: 'e2e-token' });
    port = state.transport.port;
  }
  await boot();

  const app: AppUnderTest = {
    dataDir,
    get store() {
      return state.store;
    },
    get transport() {
      return state.transport;
    },
    browser,
    async open(openOptions) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 820 },
        locale: openOptions?.locale ?? 'zh-CN',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error.name, error.message, error.stack ?? ''));
      await page.goto(state.transport.entryUrl);
      return { context, page };
    },
    async restart() {
      await state.transport.close();
      await state.store.close();
      await boot();
    },
    async close() {
      await state.transport.close();
      await state.store.close();
      if (!options.browser) await browser.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Save a screenshot into `screenshotDir` (docs/screenshots when refreshing them on purpose). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}
