import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ZodType } from 'zod';
import { profileSchema, type Profile } from '../core/common/schemas/profile';
import type { ProfileRepository, SettingsRepository } from '../core/services';
import { defaultSettings, settingsSchema, type Settings } from '../core/settings/schema';
import type { Quarantine } from './quarantine';
import { assertSafeId } from './safe-id';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';

/** Read every `*.json` in a folder with a schema; corrupt files are moved aside and skipped. */
export async function readFolder<T>(folder: string, schema: ZodType<T>, quarantine: Quarantine): Promise<T[]> {
  await mkdir(folder, { recursive: true });
  const items: T[] = [];
  for (const name of (await readdir(folder)).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    try {
      const item = await readDocument(file, schema);
      if (item) items.push(item);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await quarantine.moveAside(file, error.message);
    }
  }
  return items;
}

/** Profiles under `profiles/<id>.json`, kept in memory (a handful per machine). */
export class FileProfileRepository implements ProfileRepository {
  private readonly folder: string;
  private readonly cache = new Map<string, Profile>();

  private constructor(dataDir: string) {
    this.folder = path.join(dataDir, 'profiles');
  }

  static async open(dataDir: string, quarantine: Quarantine): Promise<FileProfileRepository> {
    const repository = new FileProfileRepository(dataDir);
    for (const profile of await readFolder(repository.folder, profileSchema, quarantine)) {
      repository.cache.set(profile.id, profile);
    }
    return repository;
  }

  async list(): Promise<Profile[]> {
    return [...this.cache.values()];
  }

  async get(id: string): Promise<Profile | null> {
    return this.cache.get(id) ?? null;
  }

  async save(profile: Profile): Promise<void> {
    await writeDocument(path.join(this.folder, `${assertSafeId(profile.id)}.json`), profileSchema, profile);
    this.cache.set(profile.id, profile);
  }
}

/** `settings.json`; a corrupt file is moved aside and defaults are used. */
export class FileSettingsRepository implements SettingsRepository {
  private readonly file: string;
  private current: Settings;

  private constructor(file: string, current: Settings) {
    this.file = file;
    this.current = current;
  }

  static async open(dataDir: string, quarantine: Quarantine): Promise<FileSettingsRepository> {
    const file = path.join(dataDir, 'settings.json');
    let current = defaultSettings;
    try {
      current = (await readDocument(file, settingsSchema)) ?? defaultSettings;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await quarantine.moveAside(file, error.message);
    }
    return new FileSettingsRepository(file, current);
  }

  async get(): Promise<Settings> {
    return this.current;
  }

  async save(settings: Settings): Promise<void> {
    const valid = settingsSchema.parse(settings);
    await writeDocument(this.file, settingsSchema, valid);
    this.current = valid;
  }
}
