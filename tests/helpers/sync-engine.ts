/**
 * A sync engine simulated by the test (no Syncthing): every machine has its own replica of the office folder,
 * and each `step()` copies what the owners wrote to the other replicas the way an engine does — through a
 * temporary name that may stay half-written until a later step, in a random order with some files held back,
 * leaving conflict copies and deleting what the owner deleted (sometimes late).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isJunk = (name: string) => name.startsWith('.syncthing.') || name.startsWith('~syncthing~') || name.includes('.sync-conflict-') || (name.startsWith('.~') && name.endsWith('.part'));

async function listFiles(root: string, relative = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const rel = path.join(relative, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, rel)));
    else if (entry.isFile()) files.push(rel);
  }
  return files;
}

export interface EngineStats {
  copied: number;
  heldBack: number;
  halfWritten: number;
  conflictCopies: number;
  duplicates: number;
  deleted: number;
}

export class SimulatedEngine {
  /** Per replica: each owner's folder name → the replica root that owner writes in. */
  private owners = new Map<string, string>();
  private halfWritten = new Map<string, { temp: string; final: string; data: Buffer }>();
  /** What the engine put in each replica (it is the only writer of other people's folders there): file → sha1. */
  private delivered = new Map<string, Map<string, string>>();
  /** Source files read before, by size and mtime (an engine's index). */
  private index = new Map<string, { stamp: string; data: Buffer; hash: string }>();

  private async source(file: string): Promise<{ data: Buffer; hash: string }> {
    const info = await stat(file);
    const stamp = `${info.size}:${info.mtimeMs}`;
    const known = this.index.get(file);
    if (known && known.stamp === stamp) return known;
    const data = await readFile(file);
    const entry = { stamp, data, hash: createHash('sha1').update(data).digest('hex') };
    this.index.set(file, entry);
    return entry;
  }
  readonly stats: EngineStats = { copied: 0, heldBack: 0, halfWritten: 0, conflictCopies: 0, duplicates: 0, deleted: 0 };
  /** The files the last `step()` changed, per replica (what a machine's file-system watcher would report). */
  touched = new Map<string, Set<string>>();

  /**
   * `carries(owner, replica)`: whether the engine copies that owner's subfolder into that replica (default:
   * everywhere, as Syncthing does). The 30-person month copies a manager's subfolder only to the supervisor's
   * replica — no manager ever reads another manager's subfolder — which keeps it fast; the files' treatment on
   * the way (temporary names, order, holds, conflict copies, duplicates, late deletions) is the same.
   */
  constructor(
    private readonly replicas: string[],
    private readonly random: () => number,
    private readonly carries: (owner: string, replica: string) => boolean = () => true,
  ) {}

  /** `folderName` (a fingerprint) is written only in `replica`. */
  own(folderName: string, replica: string): void {
    this.owners.set(folderName, replica);
  }

  /** One round of copying; returns whether every replica now equals its owners (nothing in flight). */
  async step(): Promise<boolean> {
    let settled = true;
    this.touched = new Map();
    const touch = (file: string) => {
      for (const replica of this.replicas) {
        if (!file.startsWith(replica + path.sep)) continue;
        const files = this.touched.get(replica) ?? new Set<string>();
        files.add(path.basename(file));
        this.touched.set(replica, files);
      }
    };
    // Finish half-written files from an earlier step first (an engine completes its transfers).
    for (const [key, pending] of [...this.halfWritten]) {
      touch(pending.final);
      await mkdir(path.dirname(pending.final), { recursive: true });
      await writeFile(pending.temp, pending.data);
      await rename(pending.temp, pending.final);
      this.halfWritten.delete(key);
    }
    const work: (() => Promise<void>)[] = [];
    for (const [owner, source] of this.owners) {
      const files = (await listFiles(path.join(source, owner))).filter((file) => !isJunk(path.basename(file)));
      const contents = new Map<string, { data: Buffer; hash: string }>();
      for (const file of files) {
        try {
          contents.set(file, await this.source(path.join(source, owner, file)));
        } catch {
          // Deleted between listing and reading: the next step sees it gone.
        }
      }
      for (const replica of this.replicas) {
        if (replica === source || !this.carries(owner, replica)) continue;
        const delivered = this.delivered.get(replica) ?? new Map<string, string>();
        this.delivered.set(replica, delivered);
        const present = [...delivered.keys()].filter((key) => key.startsWith(`${owner}${path.sep}`)).map((key) => key.slice(owner.length + 1));
        for (const [file, { data, hash }] of contents) {
          const target = path.join(replica, owner, file);
          const key = path.join(owner, file);
          if (delivered.get(key) === hash && !this.halfWritten.has(target)) continue;
          settled = false;
          work.push(async () => {
            if (this.random() < 0.1) {
              this.stats.heldBack++;
              return;
            }
            await mkdir(path.dirname(target), { recursive: true });
            touch(target);
            const temp = path.join(path.dirname(target), this.random() < 0.5 ? `.syncthing.${path.basename(file)}.tmp` : `~syncthing~${path.basename(file)}.tmp`);
            if (this.random() < 0.08) {
              // Half arrived: the temp file holds part of the data until a later step.
              await writeFile(temp, data.subarray(0, Math.floor(data.length / 2)));
              this.halfWritten.set(target, { temp, final: target, data });
              delivered.set(key, hash);
              this.stats.halfWritten++;
              return;
            }
            await writeFile(temp, data);
            await rename(temp, target);
            delivered.set(key, hash);
            this.stats.copied++;
            if (this.random() < 0.03) {
              const hash = createHash('sha1').update(target).digest('hex').slice(0, 7).toUpperCase();
              const extension = path.extname(target);
              await writeFile(`${target.slice(0, -extension.length)}.sync-conflict-20261204-120000-${hash}${extension}`, data);
              this.stats.conflictCopies++;
            }
            if (this.random() < 0.03) {
              // The same file arriving twice (a redelivery): written again, same bytes.
              await writeFile(target, data);
              this.stats.duplicates++;
            }
          });
        }
        for (const file of present) {
          if (contents.has(file)) continue;
          settled = false;
          work.push(async () => {
            if (this.random() < 0.1) {
              this.stats.heldBack++;
              return;
            }
            await rm(path.join(replica, owner, file), { force: true });
            touch(path.join(replica, owner, file));
            delivered.delete(path.join(owner, file));
            this.stats.deleted++;
          });
        }
      }
    }
    // A random order: packages arrive out of sequence.
    for (let index = work.length - 1; index > 0; index--) {
      const other = Math.floor(this.random() * (index + 1));
      [work[index], work[other]] = [work[other]!, work[index]!];
    }
    for (const job of work) await job();
    return settled && this.halfWritten.size === 0;
  }
}
