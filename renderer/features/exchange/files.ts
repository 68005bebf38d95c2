import type { Result } from '../../../electron/api/result';
import { deliverFile, type Delivery } from '../export/deliver';

/** A package as the exchange channels hand it over. */
export interface PackageFile {
  fileName: string;
  dataBase64: string;
}

export { toBase64 } from '../../api/files';

export type Delivered = Delivery;

/** Hand a package file to the user: the desktop app's save dialog or, in browser mode, a download. */
export function deliverPackage(file: PackageFile): Promise<Result<Delivered>> {
  return deliverFile({ ...file, mimeType: 'application/zip' });
}

/** The largest package the UI sends (the HTTP transport's body limit leaves room for ~18 MB after base64). */
export const maximumPackageMegabytes = 18;
