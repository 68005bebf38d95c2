/**
 * A Syncthing on this machine, read through its REST API (only loopback addresses, only with the API key the
 * person gave in 设置 → 同步): the office folder's state and the connected devices. Read-only.
 */
import path from 'node:path';
import type { SyncthingView } from '../core/sync/ports';

interface FolderConfig {
  id: string;
  label: string;
  path: string;
}

async function get<T>(address: string, apiKey: string, route: string): Promise<T> {
  const response = await fetch(new URL(route, address), { headers: { 'X-API-Key': apiKey }, signal: AbortSignal.timeout(2500) });
  if (response.status === 403 || response.status === 401) throw new Error('API 密钥不正确（Syncthing 拒绝访问）');
  if (!response.ok) throw new Error(`Syncthing 返回 ${response.status}`);
  return (await response.json()) as T;
}

function samePath(a: string, b: string): boolean {
  const norm = (value: string) => path.resolve(value.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~')).replace(/[\\/]+$/, '');
  return norm(a) === norm(b);
}

export async function readSyncthing(address: string, apiKey: string, officeFolder: string): Promise<SyncthingView> {
  try {
    const [status, folders, devices, connections] = await Promise.all([
      get<{ myID: string }>(address, apiKey, '/rest/system/status'),
      get<FolderConfig[]>(address, apiKey, '/rest/config/folders'),
      get<{ deviceID: string; name: string }[]>(address, apiKey, '/rest/config/devices'),
      get<{ connections: Record<string, { connected: boolean }> }>(address, apiKey, '/rest/system/connections'),
    ]);
    const folder = folders.find((item) => samePath(item.path, officeFolder)) ?? null;
    let folderView: SyncthingView['folder'] = null;
    if (folder) {
      const db = await get<{ state: string; needFiles: number }>(address, apiKey, `/rest/db/status?folder=${encodeURIComponent(folder.id)}`);
      folderView = { id: folder.id, label: folder.label || folder.id, state: db.state, needFiles: db.needFiles };
    }
    return {
      ok: true,
      message: folder ? null : 'Syncthing 中没有共享这个同步文件夹',
      folder: folderView,
      devices: devices
        .filter((device) => device.deviceID !== status.myID)
        .map((device) => ({ id: device.deviceID, name: device.name || device.deviceID.slice(0, 7), connected: !!connections.connections[device.deviceID]?.connected })),
    };
  } catch (error) {
    const message = error instanceof Error ? (error.name === 'TimeoutError' || /fetch failed/.test(error.message) ? '连接不到本机的 Syncthing（是否已运行？地址是否正确？）' : error.message) : String(error);
    return { ok: false, message, folder: null, devices: [] };
  }
}
