import { clock } from '../../shared/clock';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DomainError } from '../../domain/errors';
import type { SessionPostRequest } from '../../operations/admit-session-post';
import type { FormFields, SigningPostRequest } from '../../operations/admit-signing-post';
import { appUrl } from '../../shared/config';
import { bodyText, clientAddress, isHttps, securityHeaders, type HttpResponse } from '../../shared/http';
import { SigningError } from '../../shared/signing-errors';

/**
 * HTTP details of the operator's pages: where they live, the session cookie, how a signing POST
 * is read (same origin, a form body) and its redirects. The checks that need the
 * record (rate limits, the session, the anti-CSRF token) are the operations' (admit-signing-post.ts).
 */

/** Addresses of the pages under a session, below the app's base path. */
export function signingPaths() {
  const base = new URL(appUrl()).pathname.replace(/\/+$/, '');
  return { form: `${base}/signing`, checkCode: `${base}/signing/code`, sendCode: `${base}/signing/code/new` };
}

export function redirect(location: string, cookies?: string[]): HttpResponse {
  return { statusCode: 303, headers: { ...securityHeaders(), location }, body: '', ...(cookies ? { cookies } : {}) };
}

// A __Host- cookie is bound to this host and path "/" and needs Secure, which plain HTTP cannot give.
const cookieName = () => (isHttps() ? '__Host-signing-session' : 'signing-session');

/**
 * The cookie outlives its session by an hour, so that a late visitor hears that the session
 * ended (410) rather than that none was found; the server refuses it either way.
 */
const COOKIE_GRACE_SECONDS = 3600;

export function sessionCookie(sessionId: string, expiresAt: Date, now = clock.now()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) + COOKIE_GRACE_SECONDS;
  return `${cookieName()}=${sessionId}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${isHttps() ? '; Secure' : ''}`;
}

export function clearedSessionCookie(): string {
  return `${cookieName()}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${isHttps() ? '; Secure' : ''}`;
}

/** The session id from the request's cookie (API Gateway hands cookies over in `event.cookies`). */
export function sessionIdFrom(event: APIGatewayProxyEventV2): string | undefined {
  const name = cookieName();
  for (const cookie of event.cookies ?? []) {
    const separator = cookie.indexOf('=');
    if (separator > 0 && cookie.slice(0, separator).trim() === name) return cookie.slice(separator + 1).trim();
  }
  return undefined;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value ?? undefined;
  return undefined;
}

const MAX_FORM_BYTES = 32_000;
const MAX_FIELDS = 120;

/**
 * The form of a signing POST: it must come from the signing pages (browsers say where a form came
 * from), as a form body of reasonable size.
 */
function readForm(event: APIGatewayProxyEventV2): FormFields {
  // With Referrer-Policy no-referrer, browsers send "Origin: null" on form posts; Sec-Fetch-Site still tells.
  const origin = header(event, 'origin');
  const fetchSite = header(event, 'sec-fetch-site');
  if ((origin && origin !== 'null' && origin !== new URL(appUrl()).origin) || fetchSite === 'cross-site' || fetchSite === 'same-site') {
    throw new SigningError('FORBIDDEN', 'The form did not come from the signing pages.');
  }
  const contentType = (header(event, 'content-type') ?? '').toLowerCase().split(';')[0]?.trim();
  if (contentType !== 'application/x-www-form-urlencoded') throw new SigningError('UNSUPPORTED_MEDIA_TYPE', 'Send the form from the signing page.');
  const text = bodyText(event);
  if (text.length > MAX_FORM_BYTES) throw new DomainError('INVALID_INPUT', 'The form is larger than the signing page can send.');
  const fields = new Map<string, string[]>();
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > MAX_FIELDS) throw new DomainError('INVALID_INPUT', 'The form has more fields than the signing page sends.');
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

/** A signing POST for its operation, which counts the client address's attempt before the form is read. */
export function signingPost(event: APIGatewayProxyEventV2): SigningPostRequest {
  return { clientAddress: clientAddress(event), readForm: () => readForm(event) };
}

/** A POST from a page of an open signing session, with the session named by its cookie. */
export function sessionPost(event: APIGatewayProxyEventV2): SessionPostRequest {
  return { ...signingPost(event), sessionId: sessionIdFrom(event) };
}
