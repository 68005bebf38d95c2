import type { BaseWindow, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import path from 'node:path';
import { saveFileChannel } from '../api/channels';
import { fail, failCoded, ok, type Result } from '../api/result';
import { sanitizeFileNamePart } from '../core/reports/file-names';
import { isDomainError } from '../core/common/errors';
import { writeExportFile } from '../store/export-file';

/** What the renderer gets back: saved where, or the user cancelled the dialog. */
export type SaveFileOutcome = { saved: true; path: string } | { saved: false };

export interface SaveFileDependencies {
  showSaveDialog(window: BaseWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** The window the call came from (the dialog is modal to it). */
  windowFor(event: IpcMainInvokeEvent): BaseWindow | null;
  isAllowedSender(url: string | undefined): boolean;
  /** Where the dialog opens (the user's 文档 folder). */
  defaultFolder(): string;
  write?: typeof writeExportFile;
  /** Told of every file written, so 「打开」 may open exactly those (SavedFiles.record). */
  onSaved?(filePath: string): void;
}

/**
 * The files this run saved through the save dialog: the only ones `export:open-file` may hand to the system
 * (a page can never make the app open an arbitrary path or program).
 */
export class SavedFiles {
  private readonly paths = new Set<string>();

  record(filePath: string): void {
    this.paths.add(path.resolve(filePath));
  }

  has(filePath: string): boolean {
    return this.paths.has(path.resolve(filePath));
  }

  /** The desktop act behind `export:open-file`, with the system's opener (Electron's shell.openPath). */
  opener(openPath: (filePath: string) => Promise<string>) {
    return async (filePath: string) => {
      if (!this.has(filePath)) return { opened: false as const, reason: 'not-saved' as const };
      const problem = await openPath(path.resolve(filePath));
      return problem ? { opened: false as const, reason: 'failed' as const, problem } : { opened: true as const };
    };
  }
}

/** Exports are at most a few tens of MB; anything larger is not one of ours. */
const MAXIMUM_BASE64_LENGTH = 200 * 1024 * 1024;

const filters: Record<string, SaveDialogOptions['filters']> = {
  '.docx': [{ name: 'Word 文档', extensions: ['docx'] }],
  '.xlsx': [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
};

/**
 * The save dialog for exports: a native dialog proposing the file's name, then an all-or-nothing write
 * (writeExportFile). The name is reduced to a plain file name so a caller can never choose the folder or climb
 * out of it. Used by `export:save` (the export job's bytes, straight from the main process) and by the page's
 * save of an exchange package.
 */
export async function saveWithDialog(
  deps: SaveFileDependencies,
  window: BaseWindow | null,
  defaultName: string,
  bytes: Uint8Array,
): Promise<SaveFileOutcome> {
  const name = sanitizeFileNamePart(path.basename(defaultName.replace(/\\/g, '/'))) || 'export';
  const extension = path.extname(name).toLowerCase();
  const choice = await deps.showSaveDialog(window, {
    title: '导出',
    defaultPath: path.join(deps.defaultFolder(), name),
    filters: [...(filters[extension] ?? []), { name: '所有文件', extensions: ['*'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  await (deps.write ?? writeExportFile)(choice.filePath, bytes);
  deps.onSaved?.(choice.filePath);
  return { saved: true, path: choice.filePath };
}

/** The page's save of a file it holds (an exchange package): only the app's own main frame may ask. */
export async function saveExportedFile(
  deps: SaveFileDependencies,
  event: IpcMainInvokeEvent,
  defaultName: unknown,
  dataBase64: unknown,
): Promise<Result<SaveFileOutcome>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !deps.isAllowedSender(frame.url)) return failCoded('forbidden', 'transport.unknownPage');
  if (typeof defaultName !== 'string' || typeof dataBase64 !== 'string' || dataBase64.length > MAXIMUM_BASE64_LENGTH) {
    return failCoded('invalid-input', 'transport.badExport');
  }
  try {
    return ok(await saveWithDialog(deps, deps.windowFor(event), defaultName, new Uint8Array(Buffer.from(dataBase64, 'base64'))));
  } catch (error) {
    if (isDomainError(error)) return fail(error.code, error.message, { ...(error.key ? { key: error.key } : {}), ...(error.params ? { params: error.params } : {}) });
    return failCoded('internal', 'transport.saveFailed', { details: error instanceof Error ? error.message : String(error) });
  }
}

/** Register the save handler next to the API channels. */
export function registerSaveFileHandler(ipcMain: IpcMain, deps: SaveFileDependencies): void {
  ipcMain.handle(saveFileChannel, (event, defaultName: unknown, dataBase64: unknown) => saveExportedFile(deps, event, defaultName, dataBase64));
}
