import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppIdentity } from '../api/handlers';

/** Name and version from package.json (two folders above out/main or electron/<layer>). */
export function readIdentity(): AppIdentity {
  try {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      productName?: string;
      version?: string;
    };
    return { name: pkg.productName ?? 'ReportDesk', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'ReportDesk', version: '0.0.0' };
  }
}
