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

/** An error as a log line may carry it: name and redacted message (and stack, when asked). */
export function loggableError(error: unknown, withStack = false): { name: string; message: string; stack?: string } | string {
  if (!(error instanceof Error)) return redact(String(error));
  return { name: error.name, message: redact(error.message), ...(withStack && error.stack ? { stack: redact(error.stack) } : {}) };
}
