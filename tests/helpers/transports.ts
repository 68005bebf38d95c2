import http from 'node:http';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { onTestFinished } from 'vitest';
import type { Dispatcher } from '../../electron/api/dispatcher';
import type { Result } from '../../electron/api/result';
import { registerIpcTransport } from '../../electron/main/ipc';
import { isAllowedSenderUrl } from '../../electron/main/security';
import {
  profileHeader,
  sessionHeader,
  startHttpTransport,
  tokenHeader,
  type HttpTransport,
  type HttpTransportOptions,
} from '../../electron/server/http-transport';

/** How a test calls a channel: the same shape for both transports. */
export type Call = (channel: string, profileId: string | null, input: unknown) => Promise<Result<unknown>>;

export const rendererFile = '/app/out/renderer/index.html';
export const appPageUrl = `file://${rendererFile}`;

type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** A stand-in for Electron's `ipcMain` that records what `handle` registers. */
export function fakeIpcMain(): { ipcMain: IpcMain; handlers: Map<string, IpcHandler> } {
  const handlers = new Map<string, IpcHandler>();
  const ipcMain = {
    handle(channel: string, handler: IpcHandler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

/** The event Electron passes for an invoke from a frame with this URL (main frame unless a parent is given). */
export function fakeInvokeEvent(url: string | undefined, parent: object | null = null, sender: { id: number } = defaultSender): IpcMainInvokeEvent {
  return { senderFrame: url === undefined ? null : { url, parent }, sender } as unknown as IpcMainInvokeEvent;
}

const defaultSender = { id: 1 };

/**
 * The transport owns each window's profile: a test helper that calls "as" a profile uses one window (webContents
 * or browser tab) per profile and chooses that profile in it once, as a person would.
 */
function perProfileWindows(select: (window: number, profileId: string) => Promise<Result<unknown>>) {
  const windows = new Map<string | null, number>();
  return async (profileId: string | null): Promise<number> => {
    let window = windows.get(profileId);
    if (window === undefined) {
      window = windows.size + 1;
      windows.set(profileId, window);
      if (profileId) {
        const chosen = await select(window, profileId);
        // A missing profile or a locked supervisor: the call itself reports it (as the dispatcher would).
        if (!chosen.ok) windows.delete(profileId);
      }
    }
    return window;
  };
}

/**
 * The IPC transport as the desktop app wires it (`registerIpcTransport` with the real sender check), called
 * as the preload would from the app's main frame. Arguments and results are structured-cloned like IPC does.
 */
export function ipcCall(dispatcher: Dispatcher): Call {
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpcTransport(ipcMain, dispatcher, (url) => isAllowedSenderUrl(url, { rendererFile }));
  const senders = new Map<number, { id: number }>();
  const invoke = async (window: number, channel: string, profileId: string | null, input: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no IPC handler registered for ${channel}`);
    if (!senders.has(window)) senders.set(window, { id: window });
    const result = await handler(fakeInvokeEvent(appPageUrl, null, senders.get(window)), profileId, structuredClone(input));
    return structuredClone(result) as Result<unknown>;
  };
  const windowFor = perProfileWindows((window, profileId) => invoke(window, 'profiles:select', null, { id: profileId }));
  return async (channel, profileId, input) => invoke(await windowFor(profileId), channel, profileId, input);
}

/** Start the loopback HTTP transport for this test (closed when it finishes). */
export async function startTestServer(
  options: Partial<HttpTransportOptions> & { dispatcher: Dispatcher },
): Promise<HttpTransport> {
  const transport = await startHttpTransport({ rendererDir: '/nonexistent-renderer', ...options });
  onTestFinished(() => transport.close());
  return transport;
}

/** Real HTTP: `fetch` POST /api/<channel> with the token and profile headers, as the browser client does. */
export async function httpCall(dispatcher: Dispatcher): Promise<Call> {
  const transport = await startTestServer({ dispatcher });
  const post = async (window: number, channel: string, profileId: string | null, input: unknown) => {
    const response = await fetch(`${transport.url}api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [tokenHeader]: transport.token,
        [sessionHeader]: `test-session-window-${window}`,
        ...(profileId ? { [profileHeader]: profileId } : {}),
      },
      body: JSON.stringify(input),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${channel}: ${await response.text()}`);
    return (await response.json()) as Result<unknown>;
  };
  const windowFor = perProfileWindows((window, profileId) => post(window, 'profiles:select', null, { id: profileId }));
  return async (channel, profileId, input) => post(await windowFor(profileId), channel, profileId, input);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One request with full control over the headers (Host, Origin, Content-Length …), which `fetch` sets itself.
 * `path` is sent as given, without normalisation.
 */
export function rawRequest(options: {
  port: number;
  host?: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with chunked encoding instead of a Content-Length. */
  chunked?: boolean;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body));
    const request = http.request(
      { host: options.host ?? '127.0.0.1', port: options.port, method: options.method ?? 'GET', path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
        });
        response.on('error', reject);
      },
    );
    // The server may answer and close before it has read a refused body; the answer is what matters.
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
