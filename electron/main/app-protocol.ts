import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The desktop UI is served from a custom `app://` protocol, not `file://`: a file URL would give the page the
 * file system's origin (every local file "same-origin"), and headers such as the CSP cannot be sent with it.
 * `app://reportdesk/` serves only the files of the built renderer folder, each with the CSP as a header.
 */
export const appScheme = 'app';
export const appHost = 'reportdesk';
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/** The same policy as the renderer's meta tag, sent as a header on every response of the protocol. */
export const appContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** For `protocol.registerSchemesAsPrivileged` (before the app is ready): a standard, secure scheme. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

function notFound(): Response {
  return new Response('找不到该文件', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': appContentSecurityPolicy } });
}

/**
 * The handler for `protocol.handle('app', …)`: a GET of `app://reportdesk/<path>` answers the file at that path
 * under `rendererDir` (index.html for `/`); anything else — another host, a path leaving the folder, a
 * malformed escape, a missing file — is a 404.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return notFound();
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': appContentSecurityPolicy,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  };
}

/** Is `raw` a page of the app's own protocol (any route in the hash)? */
export function isAppPageUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${appScheme}:` && url.host === appHost && (url.pathname === '/index.html' || url.pathname === '/');
  } catch {
    return false;
  }
}

/** DevTools only while developing (the dev server runs, or the app is not packaged and asks for them). */
export function devToolsAllowed(options: { isPackaged: boolean; devServerUrl?: string; env?: NodeJS.ProcessEnv }): boolean {
  if (options.isPackaged) return false;
  return !!options.devServerUrl || options.env?.REPORTDESK_DEVTOOLS === '1';
}
