import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatcher } from '../api/dispatcher';
import { ProfileSessions } from '../api/sessions';
import { formatMessage, type MessageKey, type MessageParams } from '../core/common/messages';

/** The token cookie's name prefix; each instance's cookie is named after its port (see tokenCookieName). */
export const tokenCookie = 'reportdesk_token';

/**
 * The token cookie of the instance on `port`. Cookies are shared by every port of a host, so a fixed name would
 * let a second instance's cookie overwrite the first's (and log its tab out).
 */
export function tokenCookieName(port: number): string {
  return `${tokenCookie}_${port}`;
}

/** The renderer's Content-Security-Policy (as in renderer/index.html), also sent as a response header. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const tokenHeader = 'x-reportdesk-token';
export const profileHeader = 'x-reportdesk-profile';
/**
 * The browser tab's session (a random id the page keeps in sessionStorage): the server holds each session's
 * active profile (api/sessions.ts). Calls without one share one session.
 */
export const sessionHeader = 'x-reportdesk-session';
/** The change feed (Server-Sent Events) of browser mode. */
export const eventsPath = '/events';
/** Largest request body accepted (an imported spreadsheet travels base64-encoded inside JSON). */
export const defaultBodyLimit = 25 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface HttpTransportOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/renderer) to serve at `/`. */
  rendererDir: string;
  port?: number;
  token?: string;
  bodyLimit?: number;
}

export interface HttpTransport {
  url: string;
  /** The URL with the token, to print or open once. */
  entryUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': contentSecurityPolicy,
  });
  response.end(text);
}

function refuse(response: ServerResponse, status: number, code: string, key: MessageKey, params?: MessageParams): void {
  sendJson(response, status, { ok: false, error: { code, message: formatMessage(key, params), key, ...(params ? { params } : {}) } });
}

/**
 * The page is never cached (it names the current build's files); the build's hashed files under assets/ never
 * change under their name, so the browser keeps them for a year without asking again; anything else for an hour.
 */
export function cacheControl(relative: string): string {
  if (relative === 'index.html') return 'no-store';
  if (/^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png)$/.test(relative)) return 'public, max-age=31536000, immutable';
  return 'max-age=3600';
}

/** A URL path segment decoded, or null when its percent-escapes are malformed (a bad request, not a crash). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A size limit in words a person reads: MB for large limits, KB for small ones (never "0 MB"). */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Is this Content-Type exactly JSON (`application/json`, optionally with a UTF-8 charset and nothing else)? */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

/** An error a client's going away causes (a closed tab, a cancelled fetch): worth one line, not a stack. */
function isClientAbort(error: unknown, request: IncomingMessage): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return request.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || (error as Error | undefined)?.message === 'aborted';
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function serveStatic(rendererDir: string, request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
  const root = path.resolve(rendererDir);
  const decoded = decodePath(pathname);
  const relative = pathname === '/' ? 'index.html' : (decoded ?? '').replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (decoded === null || !file.startsWith(root + path.sep)) {
    refuse(response, 404, 'not-found', 'transport.pageNotFound');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl(relative),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': contentSecurityPolicy,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    if (relative === 'index.html') {
      refuse(response, 503, 'unavailable', 'transport.notBuilt');
    } else {
      refuse(response, 404, 'not-found', 'transport.fileNotFound');
    }
  }
}

/**
 * Server-Sent Events: one `change` event per document changed by any call (this tab, another tab, the CLI
 * over the same server), so every open window learns at once. Behind the same Host/Origin/token checks.
 */
function serveEvents(dispatcher: Dispatcher, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET') {
    refuse(response, 405, 'invalid-input', 'transport.eventsGetOnly');
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  response.write('retry: 2000\n\n');
  const unsubscribe = dispatcher.onChange((event) => {
    response.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
  });
  request.on('close', unsubscribe);
}

/** An API call: POST, JSON within the size limit, a well-formed channel and session, dispatched in its session. */
async function serveApi(
  sessions: ProfileSessions,
  bodyLimit: number,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  if (request.method !== 'POST') {
    refuse(response, 405, 'invalid-input', 'transport.postOnly');
    return;
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    refuse(response, 415, 'invalid-input', 'transport.jsonOnly');
    return;
  }
  const body = await readBody(request, bodyLimit);
  if (body === 'too-large') {
    refuse(response, 413, 'invalid-input', 'transport.tooLarge', { limit: formatSize(bodyLimit) });
    request.resume();
    return;
  }
  let input: unknown = {};
  if (body.length) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      refuse(response, 400, 'invalid-input', 'transport.badJson');
      return;
    }
  }
  const channel = decodePath(url.pathname.slice('/api/'.length));
  if (channel === null) {
    refuse(response, 400, 'invalid-input', 'transport.badChannel');
    return;
  }
  const session = request.headers[sessionHeader];
  if (session !== undefined && (typeof session !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(session))) {
    refuse(response, 400, 'invalid-input', 'transport.badSession');
    return;
  }
  const profileId = (request.headers[profileHeader] as string | undefined) || null;
  const result = await sessions.dispatch(session ?? 'default', channel, profileId, input);
  sendJson(response, 200, result);
}

/** An Origin header parsed as a URL and compared exactly with this server's origins. */
function isOwnOrigin(origin: string, port: number): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.origin === origin && new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]).has(origin);
  } catch {
    return false;
  }
}

/**
 * Is the request addressed to this server from this server's page (Host, Origin, Sec-Fetch-Site)? Refuses
 * and returns false when not (DNS rebinding, cross-site requests).
 */
function fromOwnPage(request: IncomingMessage, response: ServerResponse, port: number): boolean {
  const host = request.headers.host ?? '';
  if (!new Set([`127.0.0.1:${port}`, `localhost:${port}`]).has(host)) {
    refuse(response, 421, 'forbidden', 'transport.badHost', { host: host || '-' });
    return false;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, port)) {
    refuse(response, 403, 'forbidden', 'transport.badOrigin', { origin: origin || '-' });
    return false;
  }
  // Browsers say where a request comes from even without an Origin: only this page, or the address typed in.
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    refuse(response, 403, 'forbidden', 'transport.crossSite', { site: String(fetchSite) });
    return false;
  }
  return true;
}

interface ServerState {
  options: HttpTransportOptions;
  token: string;
  bodyLimit: number;
  sessions: ProfileSessions;
  /** The port listened on (0 until the server listens). */
  port: number;
}

async function handle(state: ServerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { token, port } = state;
  if (!fromOwnPage(request, response, port)) return;
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? ''}`);
  const queryToken = url.searchParams.get('token') ?? undefined;
  if (request.method === 'GET' && url.pathname === '/' && sameToken(queryToken, token)) {
    response.writeHead(303, {
      location: '/',
      'set-cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    response.end();
    return;
  }
  const given = (request.headers[tokenHeader] as string | undefined) ?? cookieValue(request, tokenCookieName(port));
  if (!sameToken(given, token)) {
    refuse(response, 401, 'forbidden', 'transport.badToken');
    return;
  }
  if (url.pathname === eventsPath) {
    serveEvents(state.options.dispatcher, request, response);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    await serveApi(state.sessions, state.bodyLimit, request, response, url);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    refuse(response, 405, 'invalid-input', 'transport.badMethod');
    return;
  }
  await serveStatic(state.options.rendererDir, request, response, url.pathname);
}

/** A request's failure: one line when the client went away, else logged and answered with a 500 when still possible. */
function handleFailure(error: unknown, request: IncomingMessage, response: ServerResponse): void {
  if (isClientAbort(error, request)) {
    console.warn(`[http] ${request.method ?? '?'} ${(request.url ?? '').split('?')[0]}: the client closed the request`);
    if (!response.writableEnded) response.destroy();
    return;
  }
  console.error('[http]', error);
  if (!response.headersSent) refuse(response, 500, 'internal', 'transport.internal');
  else response.end();
}

/**
 * Browser mode: the same dispatcher over loopback HTTP. Binds 127.0.0.1 only; every request needs the
 * per-start token (query once, then an HttpOnly SameSite cookie, or a header); Host and Origin must be this
 * server (DNS rebinding, cross-site requests); API bodies are JSON and size-limited.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const state: ServerState = {
    options,
    token: options.token ?? randomBytes(24).toString('base64url'),
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    sessions: new ProfileSessions(options.dispatcher),
    port: 0,
  };
  const server = http.createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => handleFailure(error, request, response));
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  state.port = (server.address() as AddressInfo).port;
  const port = state.port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/`,
    entryUrl: `${base}/?token=${state.token}`,
    port,
    token: state.token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
