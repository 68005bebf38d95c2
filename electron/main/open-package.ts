import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** main → renderer: a package file to show in the import preview. */
export const openPackageChannel = 'app:open-package';
/** renderer → main: the page is listening; send what arrived before it was. */
export const openPackageReadyChannel = 'app:open-package-ready';

/** The same ceiling as the import panel (the HTTP body limit is 25 MB of base64). */
export const maximumPackageBytes = 18 * 1024 * 1024;

export type PackageMessage = { ok: true; fileName: string; dataBase64: string } | { ok: false; fileName: string; reason: 'missing' | 'not-file' | 'too-large' | 'unreadable' };

/**
 * The .rdpkg file a command line names: Windows passes the double-clicked file as an argument (after the
 * executable, and in development after the app folder too; Chromium adds its own `--switches`). The last
 * argument ending in .rdpkg wins; relative paths are taken from the starting folder.
 */
export function packagePathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let index = argv.length - 1; index >= 1; index--) {
    const argument = argv[index];
    if (!argument || argument.startsWith('-')) continue;
    if (argument.toLowerCase().endsWith('.rdpkg')) return path.resolve(cwd, argument);
  }
  return null;
}

/** Read a package file for the renderer: a regular file of at most the import limit. */
export async function readPackageFile(file: string): Promise<PackageMessage> {
  const fileName = path.basename(file);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, fileName, reason: 'not-file' };
    size = info.size;
  } catch {
    return { ok: false, fileName, reason: 'missing' };
  }
  if (size > maximumPackageBytes) return { ok: false, fileName, reason: 'too-large' };
  try {
    return { ok: true, fileName, dataBase64: (await readFile(file)).toString('base64') };
  } catch {
    return { ok: false, fileName, reason: 'unreadable' };
  }
}

export interface PackageRouterDependencies {
  /** Send to the page (the main window's webContents). */
  send(message: PackageMessage): void;
  /** Bring the window to the front (a second start hands its file to the running app). */
  focus(): void;
  read?: typeof readPackageFile;
}

/**
 * Routes .rdpkg files from the command line (first start) and from `second-instance` (the app already runs) to
 * the import preview. Messages wait until the page says it listens, then go in order.
 */
export function createPackageRouter(dependencies: PackageRouterDependencies) {
  const read = dependencies.read ?? readPackageFile;
  const pending: PackageMessage[] = [];
  let ready = false;
  const deliver = (message: PackageMessage) => {
    if (ready) dependencies.send(message);
    else pending.push(message);
  };
  return {
    /** Handle a command line; resolves true when it named a package. */
    async handleArgv(argv: readonly string[], cwd: string): Promise<boolean> {
      const file = packagePathFromArgv(argv, cwd);
      if (!file) return false;
      deliver(await read(file));
      dependencies.focus();
      return true;
    },
    /** The page listens now (called again after a reload). */
    pageReady(): void {
      ready = true;
      for (const message of pending.splice(0)) dependencies.send(message);
    },
    /** The page went away (reload, new window): hold messages until it listens again. */
    pageGone(): void {
      ready = false;
    },
  };
}
