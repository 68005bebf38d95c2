import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api/contract';
import type { ApiError, Result } from '../../electron/api/result';
import type { ChangeEvent } from '../../electron/api/channels';
import { i18n } from '../i18n';
import { formatMessage } from '../../electron/core/common/messages';

/** What the Electron preload exposes; absent in browser mode. */
export interface IpcBridge {
  transport: 'ipc';
  channels: Record<string, (profileId: string | null, input: unknown) => Promise<unknown>>;
  /** The native save dialog for an exported file, then an all-or-nothing write (desktop only). */
  saveFile?: (defaultName: string, dataBase64: string) => Promise<Result<{ saved: true; path: string } | { saved: false }>>;
  /** .rdpkg files the desktop app was asked to open (double-click, or a second start); one listener. */
  onOpenPackage?: (listener: (message: unknown) => void) => void;
  /** Documents changed by any window (main → webContents.send to all windows). */
  onChange?: (listener: (event: ChangeEvent) => void) => () => void;
}

declare global {
  interface Window {
    reportdesk?: IpcBridge;
  }
}

let activeProfileId: string | null = null;

const sessionKey = 'reportdesk.session';

/**
 * This tab's session id (browser mode): the server keeps the tab's active profile under it, so a reload keeps
 * it and two tabs keep their own. Random, kept in sessionStorage (per tab).
 */
function tabSession(): string {
  try {
    const kept = window.sessionStorage.getItem(sessionKey);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const fresh = crypto.randomUUID().replace(/-/g, '');
    window.sessionStorage.setItem(sessionKey, fresh);
    return fresh;
  } catch {
    return fallbackSession;
  }
}
const fallbackSession = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * Every call says which profile the page believes is active; the main process (or the server) acts as the
 * window's own profile, chosen with profiles:select, and refuses a call naming another.
 */
export function setActiveProfileId(id: string | null): void {
  activeProfileId = id;
}

export function getActiveProfileId(): string | null {
  return activeProfileId;
}

export function transportName(): 'ipc' | 'http' {
  return window.reportdesk ? 'ipc' : 'http';
}

async function overHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        'x-reportdesk-session': tabSession(),
        ...(activeProfileId ? { 'x-reportdesk-profile': activeProfileId } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: '无法连接报告台后台服务，请确认程序仍在运行' } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `后台返回了无法识别的响应（HTTP ${response.status}）` } };
  }
}

/** An error raised by catalogue key, with its message in the UI's language (the core sends zh-CN text). */
export function localised(error: ApiError): ApiError {
  if (!error.key) return error;
  const key = `core.${error.key}`;
  if (!i18n.exists(key)) return error;
  // The core's own formatter (same catalogue objects): it also resolves the words a message takes from elsewhere
  // in the catalogue by a parameter (`$t(core.roles.{{role}})`), which i18next does not do inside variables.
  const language = i18n.language?.startsWith('en') ? 'en' : 'zh-CN';
  return { ...error, message: formatMessage(error.key, error.params ?? {}, language) };
}

/** Call a channel and get its Result envelope, whatever the transport. Never throws. */
export async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
  const result = await callRaw(channel, input);
  return result.ok ? result : { ok: false, error: localised(result.error) };
}

async function callRaw<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
  const bridge = window.reportdesk;
  if (bridge) {
    const invoke = bridge.channels[channel];
    if (!invoke) return { ok: false, error: { code: 'not-found', message: `未知的接口：${channel}` } };
    try {
      return (await invoke(activeProfileId, input)) as Result<ChannelOutput<K>>;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  }
  return (await overHttp(channel, input)) as Result<ChannelOutput<K>>;
}

/** A failed call, thrown by `request` so query hooks can show it. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  readonly channel: string;

  constructor(channel: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
    this.channel = channel;
  }
}

/** Call a channel and return its value, or throw an ApiCallError. */
export async function request<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const result = await call(channel, input);
  if (!result.ok) throw new ApiCallError(channel, result.error);
  return result.value;
}

export const api = { call, request };

const changeListeners = new Set<(event: ChangeEvent) => void>();
let changeSource: { close(): void } | null = null;

function startChangeFeed(): void {
  const bridge = window.reportdesk;
  const deliver = (event: ChangeEvent) => {
    for (const listener of changeListeners) listener(event);
  };
  if (bridge?.onChange) {
    const off = bridge.onChange(deliver);
    changeSource = { close: off };
    return;
  }
  if (bridge || typeof EventSource === 'undefined') return;
  changeSource = sharedChangeFeed(deliver);
}

/** Browser mode: Server-Sent Events from the loopback server (same cookie token, same origin). */
function openEventSource(deliver: (event: ChangeEvent) => void): EventSource {
  const source = new EventSource('/events', { withCredentials: true });
  source.addEventListener('change', (message) => {
    try {
      deliver(JSON.parse((message as MessageEvent<string>).data) as ChangeEvent);
    } catch {
      // A malformed event is ignored; the next one still arrives.
    }
  });
  return source;
}

/**
 * One event stream for all of this browser's tabs. A browser opens at most six connections to one server; an
 * event stream per tab held one each, so the seventh tab on a document waited forever for its first call. The
 * tab holding the `reportdesk-change-feed` lock opens the stream and passes every event to the other tabs over a
 * BroadcastChannel; when it closes, another tab takes the lock and opens the stream. Without Web Locks (an old
 * browser), each tab opens its own stream as before.
 */
function sharedChangeFeed(deliver: (event: ChangeEvent) => void): { close(): void } {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof BroadcastChannel === 'undefined') return openEventSource(deliver);
  const channel = new BroadcastChannel('reportdesk-changes');
  channel.onmessage = (message: MessageEvent<ChangeEvent>) => deliver(message.data);
  const stop = new AbortController();
  let source: EventSource | null = null;
  let release: (() => void) | null = null;
  locks
    .request('reportdesk-change-feed', { signal: stop.signal }, () => {
      source = openEventSource((event) => {
        deliver(event);
        channel.postMessage(event);
      });
      // Held until this tab stops listening (or closes: the browser then releases the lock).
      return new Promise<void>((resolve) => (release = resolve));
    })
    .catch(() => undefined);
  return {
    close() {
      stop.abort();
      (source as EventSource | null)?.close();
      release?.();
      channel.close();
    },
  };
}

/**
 * Listen for documents changed by any window or tab (the API's change feed, over IPC or SSE); returns the
 * unsubscribe function. One connection is shared by every listener.
 */
export function subscribeChanges(listener: (event: ChangeEvent) => void): () => void {
  changeListeners.add(listener);
  if (!changeSource) startChangeFeed();
  return () => {
    changeListeners.delete(listener);
    if (changeListeners.size === 0 && changeSource) {
      changeSource.close();
      changeSource = null;
    }
  };
}
