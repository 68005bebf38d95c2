import type { ErrorCode, ErrorIssue } from '../core/shared/errors';

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  details?: unknown;
  /** Catalogue key and parameters of the message (core/shared/messages.ts), for rendering in the UI language. */
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
