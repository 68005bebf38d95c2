import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

/**
 * The folder holding ReportDesk's package.json (and seeds/, out/): found by walking up from this file,
 * which may be the source (electron/store), a bundle (out/main) or a shared chunk (out/main/chunks).
 */
export function appRoot(): string {
  if (cached) return cached;
  let folder = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'reportdesk') {
          cached = folder;
          return folder;
        }
      } catch {
        // Not ours; keep walking.
      }
    }
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  cached = path.resolve(__dirname, '..', '..');
  return cached;
}
