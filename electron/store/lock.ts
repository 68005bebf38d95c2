import { open, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../core/shared/errors';

export interface DataLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Lock files this process holds. The pid in the file cannot tell "this process opened the folder already"
 * from "a previous run that had the same pid crashed", so the process remembers its own locks.
 */
const heldLocks = new Set<string>();

/**
 * One writer per data folder: a lock file holding the owner's pid. A lock left by a dead process is taken
 * over; a live owner gets a clear `locked` error.
 */
export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const file = path.join(await realpath(dataDir), '.lock');
  if (heldLocks.has(file)) {
    throw new DomainError('locked', `数据文件夹已被本程序打开：${dataDir}。请先关闭它。`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      await handle.close();
      heldLocks.add(file);
      return {
        release: async () => {
          if (!heldLocks.delete(file)) return;
          await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(JSON.parse(await readFile(file, 'utf8')).pid) || 0;
      } catch {
        owner = 0;
      }
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DomainError('locked', `数据文件夹正被另一个报告台程序使用（进程 ${owner}）：${dataDir}。请先关闭它。`);
      }
      await writeFile(file, '').catch(() => undefined);
      await rm(file, { force: true });
    }
  }
  throw new DomainError('locked', `无法锁定数据文件夹：${dataDir}`);
}
