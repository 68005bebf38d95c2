/**
 * Pure checks used by the Electron shell's guards; no electron import so they are unit-testable anywhere.
 */

/** Only plain web links may leave the app, and only to the user's browser. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== '';
}

/**
 * Whether an IPC message comes from the app's own page: the dev server origin in development, the packaged
 * renderer file otherwise (VS Code's validatedIpcMain idea: parse the sender frame URL, never string-match).
 */
export function isAllowedSenderUrl(raw: string | undefined, allowed: { devServerUrl?: string; rendererFile?: string; appPage?: string }): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (allowed.devServerUrl) {
    const dev = new URL(allowed.devServerUrl);
    if (url.origin === dev.origin) return true;
  }
  // The app's own protocol (app://reportdesk/index.html): scheme, host and page compared exactly.
  if (allowed.appPage) {
    const page = new URL(allowed.appPage);
    if (url.protocol === page.protocol && url.host === page.host && url.pathname === page.pathname && !url.username && !url.password) return true;
  }
  // A local file only (a host would be a network share), compared as decoded paths: folder names may hold
  // characters such as %, # or ? that would be URL syntax if the path were pasted into a URL.
  if (!allowed.rendererFile || url.protocol !== 'file:' || url.host !== '') return false;
  const expected = `/${allowed.rendererFile.replace(/\\/g, '/').replace(/^\/+/, '')}`;
  try {
    return decodeURIComponent(url.pathname) === expected;
  } catch {
    return false;
  }
}

/** Navigation inside the window is allowed only to the app's own page (e.g. a hash change). */
export function isAllowedNavigation(target: string, current: string): boolean {
  try {
    const to = new URL(target);
    const from = new URL(current);
    return to.protocol === from.protocol && to.host === from.host && to.pathname === from.pathname;
  } catch {
    return false;
  }
}
