/** The port the exchange capability owns (implemented by the store), and the services its use cases see. */
import type { Context } from '../common/context';
import type { TrustedPeople } from '../profiles/ports';
import type { ReviewServices } from '../review/ports';
import type { ExportMarker, ImportLogEntry, PendingImport, TrustEntry } from './schema';

/** What this machine knows about exchange: trusted keys, "last export" markers, the import log. */
export interface ExchangeRepository extends TrustedPeople {
  trusted(): Promise<TrustEntry[]>;
  /** Add keys seen for the first time (an id already trusted is left as it is). */
  addTrusted(entries: TrustEntry[]): Promise<void>;
  exportMarker(key: string): Promise<ExportMarker | null>;
  saveExportMarker(key: string, marker: ExportMarker): Promise<void>;
  /** Every import, oldest first. */
  imports(): Promise<ImportLogEntry[]>;
  logImport(entry: ImportLogEntry): Promise<void>;
  /** An import that started writing and did not finish (a crash), if any. */
  pendingImport(): Promise<PendingImport | null>;
  /**
   * Mark an import as started; `dataBase64`, the package itself, is kept with the mark so that an import a
   * crash interrupted is finished when the folder is opened again (see resumePendingImport).
   */
  beginImport(pending: PendingImport, dataBase64?: string): Promise<void>;
  /** The package kept with the pending mark (base64), if any. */
  pendingPackage?(): Promise<string | null>;
  endImport(): Promise<void>;
}


export interface ExchangeServices extends ReviewServices {
  exchange: ExchangeRepository;
}

export type CallContext = Context<ExchangeServices>;
