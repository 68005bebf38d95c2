import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppIdentity } from '../api/handlers';
import { appRoot } from '../store/app-root';

/** Name and version from the app's package.json. */
export function readIdentity(): AppIdentity {
  try {
    const pkg = JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as {
      productName?: string;
      version?: string;
    };
    return { name: pkg.productName ?? 'ReportDesk', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'ReportDesk', version: '0.0.0' };
  }
}
