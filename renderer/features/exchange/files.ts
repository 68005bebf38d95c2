import type { Result } from '../../../electron/api/result';

/** A package as the exchange channels hand it over. */
export interface PackageFile {
  fileName: string;
  dataBase64: string;
}

/** Bytes of a picked file as base64 (in chunks: a large file would overflow String.fromCharCode's arguments). */
export function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

function bytesOf(dataBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export type Delivered = { kind: 'downloaded' } | { kind: 'saved'; path: string } | { kind: 'not-saved' };

/**
 * Hand a package file to the user: the desktop app's save dialog (written all or nothing by the main process),
 * or in browser mode a Blob and an <a download>.
 */
export async function deliverPackage(file: PackageFile): Promise<Result<Delivered>> {
  const saveFile = window.reportdesk?.saveFile;
  if (saveFile) {
    try {
      const result = await saveFile(file.fileName, file.dataBase64);
      if (!result.ok) return result;
      return { ok: true, value: result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'not-saved' } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  }
  const url = URL.createObjectURL(new Blob([bytesOf(file.dataBase64)], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { kind: 'downloaded' } };
}

/** The largest package the UI sends (the HTTP transport's body limit leaves room for ~18 MB after base64). */
export const maximumPackageMegabytes = 18;
