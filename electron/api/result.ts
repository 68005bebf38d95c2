import type { ErrorCode, ErrorIssue } from '../core/common/errors';
import { formatMessage, type MessageKey, type MessageParams } from '../core/common/messages';

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  details?: unknown;
  /** Catalogue key and parameters of the message (core/common/messages.ts), for rendering in the UI language. */
  key?: string;
  params?: Record<string, string | number>;
}

/** The envelope every channel returns over every transport; errors are values, never thrown across. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, extra?: Pick<ApiError, 'issues' | 'details' | 'key' | 'params'>): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}

/** A failure by catalogue key: the zh-CN text as the message, the key and parameters for the person's language. */
export function failCoded(code: ErrorCode, key: MessageKey, params?: MessageParams): Result<never> {
  return fail(code, formatMessage(key, params), { key, ...(params ? { params } : {}) });
}
