import path from 'node:path';
import { createDispatcher } from '../api/dispatcher';
import { isDomainError } from '../core/shared/errors';
import { appRoot } from '../store/app-root';
import { defaultDataDir, openStore } from '../store/open-store';
import { startHttpTransport } from './http-transport';
import { readIdentity } from './identity';
import { openBrowser } from './open-browser';

/** Browser mode: the whole app on loopback HTTP, for machines without the Electron binary. */
async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  let store;
  try {
    store = await openStore({ dataDir });
  } catch (error) {
    console.error(isDomainError(error) ? error.message : `无法打开数据文件夹 ${dataDir}：${String(error)}`);
    process.exit(1);
  }
  const dispatcher = createDispatcher(store.services, { identity: readIdentity() });
  const transport = await startHttpTransport({
    dispatcher,
    rendererDir: process.env.REPORTDESK_RENDERER_DIR || path.join(appRoot(), 'out', 'renderer'),
    port: Number(process.env.REPORTDESK_PORT ?? 0),
  });
  void store.sync.start();
  console.log(`ReportDesk 报告台 (browser mode / 浏览器模式): ${transport.entryUrl}`);
  console.log(`Data folder / 数据文件夹: ${store.dataDir}`);
  if (!process.env.REPORTDESK_NO_OPEN && openBrowser(transport.entryUrl)) {
    console.log('Opened in your browser. / 已在浏览器中打开。');
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await transport.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
