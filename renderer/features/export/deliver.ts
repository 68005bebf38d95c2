import type { Result } from '../../../electron/api/result';
import type { IpcBridge } from '../../api/client';
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
  // `window.reportdesk` is declared beside the bridge's type (renderer/api/client.ts).
  const saveFile: IpcBridge['saveFile'] = window.reportdesk?.saveFile;
  if (!saveFile) return { ok: true, value: downloadFile(file) };
  try {
    const result = await saveFile(file.fileName, file.dataBase64);
    if (!result.ok) return result;
    return { ok: true, value: result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'not-saved' } };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: String(error) } };
  }
}
