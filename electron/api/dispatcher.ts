import type { z } from 'zod';
import { isDomainError, type ErrorIssue } from '../core/common/errors';
import { coded, formatMessage } from '../core/common/messages';
import type { CallContext, CoreServices } from '../core/services';
import type { ChangeEvent } from './channels';
import { contract, type ChannelName } from './contract';
import { changesOneDocument, leavesSomethingToSend } from './effects';
import { createHandlers, type AppIdentity, type DesktopActs, type Handlers } from './handlers';
import { fail, failCoded, ok, type Result } from './result';

/** Logs unexpected failures; the transport decides where (console in main, a file in tests). */
export type ErrorLogger = (channel: string, error: unknown) => void;

export interface Dispatcher {
  /**
   * Run one call: validate the input (strict), identify the calling profile, run the use case (which checks
   * permission in core), validate the output, and wrap everything in the Result envelope. Never throws.
   */
  dispatch(channel: string, profileId: string | null, input: unknown): Promise<Result<unknown>>;
  /**
   * Listen for documents changed by a call (any transport, any window): both transports forward these so
   * every other window learns at once. Returns the unsubscribe function.
   */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}


export function isChannelName(channel: string): channel is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, channel);
}

/** At most this many issues are listed in an error answer (hostile input can have millions). */
export const maxListedIssues = 30;
/** At most this many unknown keys are named in one issue. */
const maxListedKeys = 20;

function shorten(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/**
 * Zod issues as `{ path, message }` with dotted paths, for forms to place next to their fields. Bounded: at most
 * `maxListedIssues` issues (then one saying how many more), unknown keys named up to 20 with their count, paths
 * and messages shortened — an input with a million bad keys gets an answer of a few kilobytes.
 */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  const listed = error.issues.slice(0, maxListedIssues).map((issue) => {
    const path = shorten(issue.path.map(String).join('.') || '(root)', 200);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys;
      const named = keys.slice(0, maxListedKeys).map((key) => `"${shorten(key, 40)}"`).join('、');
      const more = keys.length > maxListedKeys ? ` 等 ${keys.length} 个` : '';
      return { path, message: `出现未知的键：${named}${more}` };
    }
    return { path, message: shorten(issue.message, 300) };
  });
  const rest = error.issues.length - listed.length;
  if (rest > 0) listed.push({ path: '(more)', message: `另有 ${rest} 处问题未列出` });
  return listed;
}

export function createDispatcher(
  services: CoreServices,
  options: { identity: AppIdentity; logError?: ErrorLogger; handlers?: Handlers; desktop?: DesktopActs },
): Dispatcher {
  const handlers = options.handlers ?? createHandlers(options.identity, { desktop: options.desktop });
  const logError: ErrorLogger = options.logError ?? ((channel, error) => console.error(`[api] ${channel}`, error));

  async function identify(profileId: string | null): Promise<CallContext['profile']> {
    if (!profileId) return null;
    const profile = await services.profiles.get(profileId);
    if (!profile) throw coded('no-profile', 'profile.missing');
    return profile;
  }

  async function dispatch(channel: string, profileId: string | null, input: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return fail('not-found', formatMessage('api.unknownChannel', { channel }), { key: 'api.unknownChannel', params: { channel } });
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const details = issues.map((issue) => `${issue.path} ${issue.message}`).join('；');
      return fail('invalid-input', formatMessage('api.badInput', { details }), { issues, key: 'api.badInput', params: { details } });
    }
    try {
      const profile = await identify(profileId);
      if (spec.profile === 'required' && !profile) {
        return fail('no-profile', formatMessage('profile.required'), { key: 'profile.required' });
      }
      const handler = handlers[channel] as (ctx: CallContext, value: unknown) => Promise<unknown>;
      const value = await handler({ profile, services }, parsed.data);
      if (services.sync && leavesSomethingToSend(channel)) services.sync.notify(channel, profile?.id ?? null);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logError(channel, checked.error);
        return fail('internal', formatMessage('api.badOutput'), { key: 'api.badOutput' });
      }
      // Which acts are announced comes from the contract's effects (electron/api/effects.ts).
      if (changesOneDocument(channel, parsed.data)) announce(channel, parsed.data, checked.data);
      return ok(checked.data);
    } catch (error) {
      if (isDomainError(error)) {
        return fail(error.code, error.message, {
          ...(error.issues ? { issues: error.issues } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
          ...(error.key ? { key: error.key } : {}),
          ...(error.params ? { params: error.params } : {}),
        });
      }
      const errno = (error as { code?: unknown } | null)?.code;
      if (errno === 'ENOSPC' || errno === 'EDQUOT') {
        // A full disk: the act did not finish. What was saved before is untouched, and a half-done act is
        // finished or rolled back the next time the document is used (see core/review/recover.ts).
        return failCoded('unavailable', 'transport.diskFull');
      }
      logError(channel, error);
      const details = error instanceof Error ? error.message : String(error);
      return fail('internal', formatMessage('api.internal', { details }), { key: 'api.internal', params: { details } });
    }
  }

  const listeners = new Set<(event: ChangeEvent) => void>();
  function announce(channel: string, input: unknown, output: unknown): void {
    const docId = (input as { id?: unknown }).id;
    if (typeof docId !== 'string') return;
    const rev = (output as { rev?: unknown } | null)?.rev;
    const event: ChangeEvent = { docId, channel, ...(typeof rev === 'number' ? { rev } : {}) };
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logError(`change:${channel}`, error);
      }
    }
  }
  function onChange(listener: (event: ChangeEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { dispatch, onChange };
}
