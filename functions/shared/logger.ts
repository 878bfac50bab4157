import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/** One logger for all handlers. Never log link secrets, task tokens, codes or session ids. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'ports-alliance-signing' });

/**
 * What Powertools' `injectLambdaContext` does before a handler runs, for our function-style handler
 * wrappers: every line of the invocation then carries the function's name, ARN, memory and version,
 * the request id and whether it is a cold start. The event itself is never logged (no `logEvent`):
 * it may hold a signing link's secret or an address. Lambda always passes a context; a caller that
 * passes the event alone gets lines without these keys.
 */
export function addLambdaContext(context: Context | undefined): void {
  logger.refreshSampleRateCalculation();
  if (context) logger.addContext(context);
}

const EMAIL_ADDRESS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
// 43+ characters of base64url: a link secret, a task token or a session id.
const LONG_SECRET = /[A-Za-z0-9_-]{43,}/g;

/** Takes addresses and secret-looking strings out of text about to be logged (e.g. SES's "identities failed the check: x@y"). */
export function redact(text: string): string {
  return text.replace(EMAIL_ADDRESS, '<address>').replace(LONG_SECRET, '<secret>');
}

/** What a log line carries of an error: name, redacted message (and stack, when asked), and the same of its causes. */
export interface LoggableError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly cause?: LoggableError | string;
}

/** Causes followed at most this deep: a cycle of causes must not hang the logger. */
const MAX_CAUSE_DEPTH = 5;

/** An error as a log line may carry it: name and redacted message (and stack, when asked), with the chain of causes. */
export function loggableError(error: unknown, withStack = false, depth = 0): LoggableError | string {
  if (!(error instanceof Error)) return redact(String(error));
  const cause = error.cause !== undefined && depth < MAX_CAUSE_DEPTH ? loggableError(error.cause, withStack, depth + 1) : undefined;
  return {
    name: error.name,
    message: redact(error.message),
    ...(withStack && error.stack ? { stack: redact(error.stack) } : {}),
    ...(cause !== undefined ? { cause } : {}),
  };
}
