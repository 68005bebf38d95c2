/** Stable error codes shared by every channel and both transports. */
export const errorCodes = ['invalid-input', 'forbidden', 'not-found', 'conflict', 'no-profile', 'locked', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  path: string;
  message: string;
}

/**
 * A failure a use case reports on purpose. Carries a stable code and a user-facing message
 * (zh-CN by default); the dispatcher turns it into the `{ ok: false }` envelope.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];
  readonly details?: unknown;
  /** Catalogue key of the message (core/common/messages.ts) and its parameters, when raised by key. */
  readonly key?: string;
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { issues?: ErrorIssue[]; details?: unknown; key?: string; params?: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = options?.issues;
    this.details = options?.details;
    this.key = options?.key;
    this.params = options?.params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
