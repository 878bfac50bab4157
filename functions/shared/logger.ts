import { Logger } from '@aws-lambda-powertools/logger';

/** One logger for all handlers. Never log link secrets, task tokens, codes or session ids. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'ports-alliance-signing' });

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
