import { onTestFinished } from 'vitest';
import { StoreHost } from '../../electron/host/store-host';
import { fixtureSeedsDir, makeTempDir, testIdentity, type TempStore } from './temp-store';

/**
 * Give a temp store the running app's backup service (the `backup:*` channels need it), with its backups in a
 * temp folder of their own; closed when the test finishes.
 */
export async function adoptBackups(store: TempStore): Promise<StoreHost> {
  if (store.services.backup instanceof StoreHost) return store.services.backup;
  const host = await StoreHost.adopt(store.store, {
    identity: testIdentity,
    dailyBackups: false,
    logError: () => undefined,
    openOptions: { seedsDir: fixtureSeedsDir },
  });
  await host.setFolder(await makeTempDir('reportdesk-backups-'));
  onTestFinished(() => host.close());
  return host;
}
