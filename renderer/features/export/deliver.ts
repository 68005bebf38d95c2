import type { Result } from '../../../electron/api/result';
import { ApiCallError, call, transportName } from '../../api/client';
import { bytesOf } from '../../api/files';

/** An exported file as `export:result` returns it. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export type Delivery = { kind: 'downloaded'; fileName: string } | { kind: 'saved'; path: string } | { kind: 'not-saved' };


/** Browser mode: a Blob and an <a download> with the export's file name. */
export function downloadFile(file: ExportedFile): Delivery {
  const url = URL.createObjectURL(new Blob([bytesOf(file.dataBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'downloaded', fileName: file.fileName };
}

/**
 * Hand an exported file to the user: the native save dialog in the desktop app (written all or nothing by the
 * main process), a download in browser mode.
 */
export async function deliverFile(file: ExportedFile): Promise<Result<Delivery>> {
  const saveFile = window.reportdesk?.saveFile;
  if (!saveFile) return { ok: true, value: downloadFile(file) };
  try {
    const result = await saveFile(file.fileName, file.dataBase64);
    if (!result.ok) return result;
    return { ok: true, value: result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'not-saved' } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: String(error) } };
  }
}

/** A finished export handed over: its file name, how, and (downloads) the file to download again from 「打开」. */
export interface CollectedExport {
  fileName: string;
  delivery: Delivery;
  file?: ExportedFile;
}

/**
 * Hand a finished export job to the person. The desktop app's main process saves it through the save dialog
 * (`export:save`: the bytes never pass through the page); browser mode downloads it (`export:result`).
 * Throws an ApiCallError when the call fails.
 */
export async function collectExport(jobId: string): Promise<CollectedExport> {
  if (transportName() === 'ipc') {
    const saved = await call('export:save', { jobId });
    if (!saved.ok) throw new ApiCallError('export:save', saved.error);
    if (!saved.value.saved) return { fileName: '', delivery: { kind: 'not-saved' } };
    const fileName = saved.value.path.split(/[\\/]/).pop() ?? saved.value.path;
    return { fileName, delivery: { kind: 'saved', path: saved.value.path } };
  }
  const result = await call('export:result', { jobId });
  if (!result.ok) throw new ApiCallError('export:result', result.error);
  return { fileName: result.value.fileName, delivery: downloadFile(result.value), file: result.value };
}
