/**
 * Typed outcomes of domain operations. Handlers map them to HTTP answers; anything else is a bug
 * or an outage and becomes a 500 (or a workflow retry).
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'LINK_UNKNOWN'
  | 'LINK_EXPIRED'
  | 'LINK_USED'
  | 'LINK_REVOKED'
  | 'ALREADY_DONE'
  | 'WRONG_STATE'
  | 'DECLARATION_CLOSED'
  | 'LINK_LOCKED'
  | 'SESSION_UNKNOWN'
  | 'SESSION_EXPIRED'
  | 'SESSION_USED'
  | 'CODE_REQUIRED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * Marks a failure worth retrying (throttling, a service briefly unreachable). The workflow's
 * Retry policy matches this name.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: string }).code;
  return TRANSIENT_NAMES.has(error.name) || (code !== undefined && TRANSIENT_CODES.has(code)) || (status !== undefined && status >= 500);
}
