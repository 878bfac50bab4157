/**
 * Marks a failure worth retrying (throttling, a service briefly unreachable). The workflow's
 * Retry policy matches this name. The failure it stands for goes in `cause`.
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
  // A timestamp authority or a revocation source briefly out of reach: sealing later succeeds.
  'TimestampUnavailable',
  'ValidationDataUnavailable',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: string }).code;
  return TRANSIENT_NAMES.has(error.name) || (code !== undefined && TRANSIENT_CODES.has(code)) || (status !== undefined && status >= 500);
}
