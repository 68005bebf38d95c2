import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/api/dispatcher';
import type { DesktopActs } from '../../electron/api/handlers';
import type { AppIdentity } from '../../electron/api/handlers';
import { loadDemoData } from '../../electron/core/demo/use-cases';
import type { Clock, IdGenerator } from '../../electron/core/common/ports';
import type { CoreServices } from '../../electron/core/services';
import { openStore, type Store } from '../../electron/store/open-store';
import { unlockSupervisors } from './unlock';

/** A small seeds folder (one template, a four-document office) that does not change when the shipped seeds do. */
export const fixtureSeedsDir = path.resolve(__dirname, '..', 'fixtures', 'seeds');

export const testIdentity: AppIdentity = { name: 'ReportDesk 报告台', version: '0.0.0-test' };

/** Ids in tests/fixtures/seeds/demo/demo.json. */
export const office = {
  templateId: 'fixture-log',
  manager: 'mgr-zhang',
  managerName: '张明',
  otherManager: 'mgr-li',
  otherManagerName: '李娜',
  supervisor: 'sup-wang',
  supervisorName: '王主任',
  /** 张明's draft, rev 1. */
  draft: 'rpt-zhang-draft',
  /** 张明's submitted document. */
  submitted: 'rpt-zhang-submitted',
  /** 李娜's draft. */
  otherDraft: 'rpt-li-draft',
  /** 李娜's approved document. */
  otherApproved: 'rpt-li-approved',
} as const;

/** A fresh folder under the system temp folder, removed when the current test finishes. */
export async function makeTempDir(prefix = 'reportdesk-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface TempStore {
  dataDir: string;
  store: Store;
  services: CoreServices;
  dispatcher: Dispatcher;
  /** Close the store (idempotent); the folder itself is removed when the test finishes. */
  close(): Promise<void>;
}

export interface TempStoreOptions {
  /** Use this folder instead of a new one (to reopen a folder). */
  dataDir?: string;
  /** Write the fixture office (profiles and documents) before returning. */
  seed?: boolean;
  clock?: Clock;
  ids?: IdGenerator;
  /**
   * Leave supervisors' keys as they are on disk (locked, or not yet protected). By default every supervisor's
   * key is protected with `testPassphrase` and unlocked, as after choosing the profile in the UI.
   */
  lockedKeys?: boolean;
  /** The desktop app's acts (the Electron main process gives them); left out, as in browser mode and the CLI. */
  desktop?: DesktopActs;
}

export { testPassphrase, unlockSupervisors } from './unlock';

/** Open the store on a fresh temp data folder with the fixture seeds; closed when the current test finishes. */
export async function openTempStore(options: TempStoreOptions = {}): Promise<TempStore> {
  const dataDir = options.dataDir ?? (await makeTempDir());
  const store = await openStore({ dataDir, seedsDir: fixtureSeedsDir, clock: options.clock, ids: options.ids });
  const close = () => store.close();
  onTestFinished(close);
  if (options.seed) await seedOffice(store.services);
  if (!options.lockedKeys) await unlockSupervisors(store.services);
  const dispatcher = createDispatcher(store.services, { identity: testIdentity, logError: () => undefined, desktop: options.desktop });
  return { dataDir, store, services: store.services, dispatcher, close };
}

/**
 * Write the fixture office through the core's demo loader (not through the `demo:load` channel, which is
 * under test): profiles, documents, and for submitted/returned/approved ones their frozen revision and
 * review records.
 */
export async function seedOffice(services: CoreServices): Promise<void> {
  if (!(await services.loadDemoData())) throw new Error(`fixture demo data missing under ${fixtureSeedsDir}`);
  await loadDemoData({ profile: null, services });
}

/** Every file and folder under `dir` (relative, `/`-separated, folders end with `/`), sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      return entry.isDirectory() ? `${relative}/` : relative;
    })
    .sort();
}

/**
 * A fingerprint of a folder: every entry (files and folders, nothing excluded) with the sha256 of each file's
 * bytes. Two equal fingerprints mean nothing was written, created, renamed or removed.
 */
export async function hashFolder(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await listTree(dir)) {
    result[entry] = entry.endsWith('/')
      ? 'folder'
      : createHash('sha256')
          .update(await readFile(path.join(dir, entry)))
          .digest('hex');
  }
  return result;
}

/** A clock that stands still unless moved, so titles and timestamps are predictable. */
export function fixedClock(iso = '2026-11-05T02:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

/** Ids `test-1`, `test-2`, … (safe as file names). */
export function sequentialIds(prefix = 'test'): IdGenerator {
  let next = 0;
  return { newId: () => `${prefix}-${++next}` };
}
