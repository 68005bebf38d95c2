/**
 * Real Syncthing instances on loopback for the sync test and bench (recipe: ../shared/docs/environment.md):
 * random free ports, only 127.0.0.1, no discovery or relays, each stopped by its own pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export function syncthingAvailable(): boolean {
  try {
    execFileSync('syncthing', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Syncthing {
  home: string;
  apiKey: string;
  guiPort: number;
  syncPort: number;
  deviceId: string;
  address: string;
  pid(): number | null;
  api<T>(method: string, route: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Generate a home (keys, config), start it, keep it on loopback. */
export async function startSyncthing(home: string): Promise<Syncthing> {
  await mkdir(home, { recursive: true });
  execFileSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { stdio: 'ignore', env: { ...process.env, STNOUPGRADE: '1' } });
  const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(readFileSync(path.join(home, 'config.xml'), 'utf8'))?.[1];
  if (!apiKey) throw new Error('no API key in config.xml');
  const guiPort = await freePort();
  const syncPort = await freePort();
  const address = `http://127.0.0.1:${guiPort}`;
  let child: ChildProcess | null = null;

  async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${address}${route}`, {
      method,
      headers: { 'X-API-Key': apiKey!, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  async function start(): Promise<void> {
    child = spawn('syncthing', ['serve', `--home=${home}`, '--no-browser', '--no-restart', `--gui-address=127.0.0.1:${guiPort}`, `--logfile=${path.join(home, 'log.txt')}`], {
      env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' },
      stdio: 'ignore',
    });
    const started = child;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`syncthing exited with ${started.exitCode} (see ${home}/log.txt)`);
      try {
        await api('GET', '/rest/system/ping');
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`syncthing did not answer on ${address}`);
        await sleep(100);
      }
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.pid === undefined) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    process.kill(running.pid, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]);
    if (!killed && running.exitCode === null) {
      process.kill(running.pid, 'SIGKILL');
      await exited;
    }
  }

  await start();
  await api('PATCH', '/rest/config/options', {
    listenAddresses: [`tcp://127.0.0.1:${syncPort}`],
    globalAnnounceEnabled: false,
    localAnnounceEnabled: false,
    relaysEnabled: false,
    natEnabled: false,
    urAccepted: -1,
    crashReportingEnabled: false,
    autoUpgradeIntervalH: 0,
  });
  const { myID } = await api<{ myID: string }>('GET', '/rest/system/status');
  return { home, apiKey, guiPort, syncPort, deviceId: myID, address, pid: () => child?.pid ?? null, api, stop, start };
}

/** Pair every instance with every other and share one folder (`office`), each at its own path. */
export async function shareFolder(instances: Syncthing[], paths: string[], folderId = 'office'): Promise<void> {
  for (const instance of instances) {
    for (const other of instances) {
      if (other === instance) continue;
      await instance.api('POST', '/rest/config/devices', { deviceID: other.deviceId, name: path.basename(other.home), addresses: [`tcp://127.0.0.1:${other.syncPort}`], autoAcceptFolders: false });
    }
  }
  for (const [index, instance] of instances.entries()) {
    await instance.api('POST', '/rest/config/folders', {
      id: folderId,
      label: '报告台同步',
      path: paths[index],
      type: 'sendreceive',
      devices: instances.map((item) => ({ deviceID: item.deviceId })),
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      rescanIntervalS: 10,
    });
    // The app's own temporary names (`.~name.part`) never need to travel.
    await instance.api('POST', `/rest/db/ignores?folder=${folderId}`, { ignore: ['.~*.part'] });
  }
}

/** Every instance sees every other as connected. */
export async function allConnected(instances: Syncthing[]): Promise<boolean> {
  for (const instance of instances) {
    const { connections } = await instance.api<{ connections: Record<string, { connected: boolean }> }>('GET', '/rest/system/connections');
    for (const other of instances) if (other !== instance && !connections[other.deviceId]?.connected) return false;
  }
  return true;
}
