import type { App, Session, Shell, WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './security';

/**
 * Electron security checklist as code: no navigation away, no new windows (http(s) links go to the
 * browser), no webviews, every permission request denied.
 */
export function installSecurityGuards(app: App, shell: Shell, defaultSession: () => Session): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, contents.getURL())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, contents.getURL())) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(() => {
    const session = defaultSession();
    session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.setPermissionCheckHandler(() => false);
  });
}
