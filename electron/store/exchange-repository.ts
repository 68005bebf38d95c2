import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  exportMarkersFileSchema,
  importLogEntrySchema,
  pendingImportSchema,
  trustFileSchema,
  type ExportMarker,
  type ImportLogEntry,
  type PendingImport,
  type TrustEntry,
} from '../core/exchange/schema';
import type { ExchangeRepository } from '../core/services';
import { appendDurably, readLines } from './append-log';
import { writeFileAtomic } from './atomic-write';
import type { Quarantine } from './quarantine';
import { CorruptFileError, readDocument, writeDocument } from './validated-file';

/**
 * Exchange bookkeeping under `exchange/`: `trust.json` (keys met so far), `exports.json` ("last export to"
 * markers), `imports.ndjson` (every import, appended) and `pending.json` (an import in progress).
 */
export class FileExchangeRepository implements ExchangeRepository {
  private readonly folder: string;
  private readonly quarantine: Quarantine;

  constructor(dataDir: string, quarantine: Quarantine) {
    this.folder = path.join(dataDir, 'exchange');
    this.quarantine = quarantine;
  }

  private get trustFile(): string {
    return path.join(this.folder, 'trust.json');
  }

  private get markersFile(): string {
    return path.join(this.folder, 'exports.json');
  }

  private get logFile(): string {
    return path.join(this.folder, 'imports.ndjson');
  }

  private get pendingFile(): string {
    return path.join(this.folder, 'pending.json');
  }

  /** Read a bookkeeping file; a damaged one is moved aside (and reported under 设置) rather than trusted. */
  private async read<T>(file: string, schema: Parameters<typeof readDocument<T>>[1]): Promise<T | null> {
    try {
      return await readDocument(file, schema);
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      await this.quarantine.moveAside(file, error.message);
      return null;
    }
  }

  async trusted(): Promise<TrustEntry[]> {
    return (await this.read(this.trustFile, trustFileSchema))?.entries ?? [];
  }

  async addTrusted(entries: TrustEntry[]): Promise<void> {
    if (!entries.length) return;
    const current = await this.trusted();
    const known = new Set(current.map((entry) => entry.profileId));
    const added = entries.filter((entry) => !known.has(entry.profileId));
    if (!added.length) return;
    await mkdir(this.folder, { recursive: true });
    await writeDocument(this.trustFile, trustFileSchema, { entries: [...current, ...added] });
  }

  async exportMarker(key: string): Promise<ExportMarker | null> {
    return (await this.read(this.markersFile, exportMarkersFileSchema))?.markers[key] ?? null;
  }

  async saveExportMarker(key: string, marker: ExportMarker): Promise<void> {
    const current = (await this.read(this.markersFile, exportMarkersFileSchema)) ?? { markers: {} };
    await mkdir(this.folder, { recursive: true });
    await writeDocument(this.markersFile, exportMarkersFileSchema, { markers: { ...current.markers, [key]: marker } });
  }

  async imports(): Promise<ImportLogEntry[]> {
    const entries: ImportLogEntry[] = [];
    for (const line of (await readLines(this.logFile)).lines) {
      try {
        const parsed = importLogEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // A damaged line loses one log entry, never the data the import wrote.
      }
    }
    return entries;
  }

  async logImport(entry: ImportLogEntry): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await appendDurably(this.logFile, `${JSON.stringify(importLogEntrySchema.parse(entry))}\n`);
  }

  async pendingImport(): Promise<PendingImport | null> {
    return this.read(this.pendingFile, pendingImportSchema);
  }

  private get pendingPackageFile(): string {
    return path.join(this.folder, 'pending.rdpkg');
  }

  async beginImport(pending: PendingImport, dataBase64?: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // The package first: a mark without its package could not be finished.
    if (dataBase64) await writeFileAtomic(this.pendingPackageFile, Buffer.from(dataBase64, 'base64'));
    await writeDocument(this.pendingFile, pendingImportSchema, pending);
  }

  async pendingPackage(): Promise<string | null> {
    try {
      return (await readFile(this.pendingPackageFile)).toString('base64');
    } catch {
      return null;
    }
  }

  async endImport(): Promise<void> {
    await rm(this.pendingFile, { force: true });
    await rm(this.pendingPackageFile, { force: true });
  }
}
