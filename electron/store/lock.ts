import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { link, open, readFile, realpath, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { DomainError } from '../core/common/errors';
import { registerWriteGuard } from './write-seam';
import { coded } from '../core/common/messages';

export interface DataLock {
  /** Remove the lock file, only if it is still this holder's (same owner token). */
  release(): Promise<void>;
  /** Throws a `locked` DomainError when the lock file was deleted or replaced since it was taken. */
  check(): void;
}

/** Who holds a lock: the process, when it started, and a random token no other holder can have. */
export interface LockOwner {
  pid: number;
  /** The holding process's start time (ms since the epoch), to tell a recycled pid from the holder. */
  startedAt: number;
  token: string;
}

interface LockContent extends LockOwner {
  at: string;
}

const processStartedAt = Math.round(Date.now() - process.uptime() * 1000);

/** This process as a lock owner, with a fresh token. */
export function currentOwner(): LockOwner {
  return { pid: process.pid, startedAt: processStartedAt, token: randomBytes(16).toString('hex') };
}

/** When a live process started (ms since the epoch), where the system says so (Linux /proc); null elsewhere. */
function startTimeOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, clock ticks after boot) comes after the command name in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !boot) return null;
    return Number(boot[1]) * 1000 + (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tokens this process holds (a second open of a folder in one process is refused, as from another). */
const heldTokens = new Set<string>();

/** Is the lock's owner still running? A dead pid, a recycled pid (another start time) or an unreadable lock: no. */
function ownerIsRunning(content: LockContent | null): boolean {
  if (!content || !Number.isInteger(content.pid) || content.pid <= 0) return false;
  if (content.pid === process.pid) return typeof content.token === 'string' && heldTokens.has(content.token);
  if (!isAlive(content.pid)) return false;
  if (typeof content.startedAt === 'number') {
    const started = startTimeOf(content.pid);
    // Clock ticks are 10 ms; the recorded start is rounded: a few seconds apart is another process.
    if (started !== null && Math.abs(started - content.startedAt) > 5000) return false;
  }
  return true;
}

function parseLock(text: string): LockContent | null {
  try {
    const value = JSON.parse(text) as LockContent;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

async function readLockText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Write our lock content to a private file in the same folder (complete and synced before anyone can see it). */
async function writeCandidate(file: string, owner: LockOwner): Promise<string> {
  const candidate = `${file}.${owner.token}.new`;
  const content: LockContent = { ...owner, at: new Date().toISOString() };
  const handle = await open(candidate, 'wx');
  try {
    await handle.writeFile(JSON.stringify(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return candidate;
}

/** Create `file` exclusively with the candidate's content: a hard link fails when the name exists (like O_EXCL). */
async function createExclusive(candidate: string, file: string): Promise<boolean> {
  try {
    await link(candidate, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  }
  // A file system without hard links: O_EXCL create, then the content.
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(await readFile(candidate));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export type LockAttempt = { won: true } | { won: false; owner: LockContent };

/**
 * One attempt to take `file` for `owner` (the test of racing starts calls this with many owners at once).
 * A free name is created exclusively. A stale lock (its owner is not running) is taken over by exactly one
 * contender: each stale content has a takeover ticket (`<file>.takeover-<sha256 of the content>`) created
 * exclusively; only the ticket's holder may replace the lock, and only after reading the same stale content
 * again — so a contender that read the stale lock late never replaces the winner's fresh one.
 */
export async function tryLock(file: string, owner: LockOwner): Promise<LockAttempt> {
  const candidate = await writeCandidate(file, owner);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await createExclusive(candidate, file)) {
        heldTokens.add(owner.token);
        return { won: true };
      }
      const text = await readLockText(file);
      if (text === null) continue;
      const content = parseLock(text);
      if (ownerIsRunning(content)) return { won: false, owner: content! };
      const ticket = `${file}.takeover-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
      let handle;
      try {
        handle = await open(ticket, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Another contender holds this stale lock's ticket. A ticket left by a contender that died holding it
        // would block for ever: one older than a minute is removed.
        const age = Date.now() - (statSafe(ticket) ?? Date.now());
        if (age > 60_000) await rm(ticket, { force: true });
        // Let the holder finish (the lock changes or its ticket goes) before looking again, so a loser is
        // told who holds the folder now, never the stale owner the holder is replacing.
        else await holderDone(file, text, ticket);
        continue;
      }
      await handle.close();
      try {
        if ((await readLockText(file)) !== text) continue;
        await rename(candidate, file);
        heldTokens.add(owner.token);
        return { won: true };
      } finally {
        await rm(ticket, { force: true });
      }
    }
    const text = await readLockText(file);
    return { won: false, owner: parseLock(text ?? '') ?? { pid: 0, startedAt: 0, token: '', at: '' } };
  } finally {
    await rm(candidate, { force: true });
  }
}

/** Wait (up to 5 s, polling) until the lock's text is no longer `text` or the takeover ticket is gone. */
async function holderDone(file: string, text: string, ticket: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    if (statSafe(ticket) === null || (await readLockText(file)) !== text) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function statSafe(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The lock file's identity (inode and size) and content, or null when it is gone. */
function lockIdentity(file: string): string | null {
  try {
    const info = statSync(file);
    return `${info.ino}:${info.size}`;
  } catch {
    return null;
  }
}

/**
 * One writer per data folder. `.lock` holds the owner's pid, start time and a random owner token; it is created
 * exclusively, a stale one is taken over atomically (tryLock). While the folder is open, every write first
 * checks that the lock file is still ours (deleted or replaced: writing stops with a `locked` error). Release
 * removes the lock only if it is still ours.
 */
export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const file = path.join(await realpath(dataDir), '.lock');
  const held = parseLock((await readLockText(file)) ?? '');
  if (held && heldTokens.has(held.token)) throw coded('locked', 'store.openHere', { folder: dataDir });
  const owner = currentOwner();
  const attempt = await tryLock(file, owner);
  if (!attempt.won) {
    const pid = attempt.owner.pid;
    throw pid ? coded('locked', 'store.openElsewherePid', { folder: dataDir, pid }) : coded('locked', 'store.openElsewhere', { folder: dataDir });
  }
  const identity = lockIdentity(file);
  let lost: DomainError | null = null;
  const check = () => {
    if (lost) throw lost;
    if (lockIdentity(file) === identity) return;
    const current = parseLock(readFileSyncSafe(file) ?? '');
    if (current?.token === owner.token) return;
    lost = coded('locked', 'store.lockLost', { folder: dataDir });
    throw lost;
  };
  const folders = [...new Set([path.dirname(file), path.resolve(dataDir)])];
  const unregisters = folders.map((folder) => registerWriteGuard(folder, check));
  const unregister = () => unregisters.forEach((undo) => undo());
  return {
    check,
    release: async () => {
      unregister();
      if (!heldTokens.delete(owner.token)) return;
      // Only our own lock is removed; one another instance took over is left alone.
      if (parseLock((await readLockText(file)) ?? '')?.token === owner.token) await unlink(file).catch(() => undefined);
    },
  };
}

function readFileSyncSafe(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Tests only: forget the locks this process holds, as if it had died (crash tests reopen a folder in the same
 * process; the lock left behind then belongs to a process that is gone).
 */
export function forgetHeldLocksForTests(): void {
  heldTokens.clear();
}
