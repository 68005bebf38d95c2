import path from 'node:path';
import { isDomainError } from '../core/common/errors';
import { appRoot } from '../store/app-root';
import { defaultDataDir } from '../store/open-store';
import { browserModePointerFile, StoreHost } from '../host/store-host';
import { startHttpTransport } from './http-transport';
import { readIdentity } from '../host/identity';
import { openBrowser } from './open-browser';

/** Browser mode: the whole app on loopback HTTP, for machines without the Electron binary. */
async function main(): Promise<void> {
  const startDir = defaultDataDir();
  let host: StoreHost;
  try {
    // A data folder moved under 设置 is remembered in a pointer file in the app's folder.
    host = await StoreHost.open({
      startDir,
      pointerFile: browserModePointerFile(),
      locationSource: process.env.REPORTDESK_DATA_DIR ? 'environment' : 'default',
      identity: readIdentity(),
      startSync: true,
    });
  } catch (error) {
    console.error(isDomainError(error) ? error.message : `无法打开数据文件夹 ${startDir}：${String(error)}`);
    process.exit(1);
  }
  const dispatcher = host;
  const transport = await startHttpTransport({
    dispatcher,
    rendererDir: process.env.REPORTDESK_RENDERER_DIR || path.join(appRoot(), 'out', 'renderer'),
    port: Number(process.env.REPORTDESK_PORT ?? 0),
  });
  console.log(`ReportDesk 报告台 (browser mode / 浏览器模式): ${transport.entryUrl}`);
  console.log(`Data folder / 数据文件夹: ${host.dataDir}`);
  if (!process.env.REPORTDESK_NO_OPEN && openBrowser(transport.entryUrl)) {
    console.log('Opened in your browser. / 已在浏览器中打开。');
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await transport.close();
    // A backup at exit (when anything was done since the last one); a failure is recorded, never blocks exit.
    await host.close({ backupAtExit: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
