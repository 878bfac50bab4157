import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { hashClientAddress } from '../../domain/hashing';
import { sameToken, sessionFormToken } from '../../domain/signing';
import { limitAttempts } from '../../operations/rate-limit';
import { resolveSigningSession, type OpenSession } from '../../operations/signing-session';
import { appUrl } from '../../shared/config';
import { DomainError } from '../../shared/errors';
import { bodyText, clientAddress, SECURITY_HEADERS, type HttpResponse } from '../../shared/http';
import { loadSigningKey } from '../../shared/signing-key';
import { SigningError } from '../../shared/signing-errors';
import { clock } from '../../shared/clock';

/**
 * HTTP details of the operator's pages: where they live, the session cookie, the checks every
 * signing POST passes (rate limit per client address, same origin, a form body, its anti-CSRF
 * token) and the headers of every answer.
 */

/** The deployment serves HTTPS (AWS); the local stack serves plain HTTP on 127.0.0.1. */
export function isHttps(): boolean {
  return appUrl().startsWith('https://');
}

/** Addresses of the pages under a session, below the app's base path. */
export function signingPaths() {
  const base = new URL(appUrl()).pathname.replace(/\/+$/, '');
  return { form: `${base}/signing`, checkCode: `${base}/signing/code`, sendCode: `${base}/signing/code/new` };
}

/** Headers of every operator answer; HSTS where the deployment is HTTPS. */
export function operatorHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS, ...(isHttps() ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}) };
}

export function redirect(location: string, cookies?: string[]): HttpResponse {
  return { statusCode: 303, headers: { ...operatorHeaders(), location }, body: '', ...(cookies ? { cookies } : {}) };
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

export interface SigningPost {
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly key: string;
  readonly clientAddressHash: string;
}

const MAX_FORM_BYTES = 32_000;
const MAX_FIELDS = 120;

/**
 * What every signing POST passes before anything else: the rate limit of its client address,
 * a same-origin check (browsers say where a form came from), and a form body of reasonable size.
 */
export async function receiveSigningPost(event: APIGatewayProxyEventV2, now = clock.now()): Promise<SigningPost> {
  const key = await loadSigningKey();
  const clientAddressHash = hashClientAddress(clientAddress(event), key);
  await limitAttempts({ scope: 'address', subject: clientAddressHash }, now);
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
  return { fields, key, clientAddressHash };
}

/**
 * A POST from a page of an open signing session: after `receiveSigningPost`, the session must
 * still be usable, the link's rate limit not reached, and the form's token the session's own.
 */
export async function receiveSessionPost(event: APIGatewayProxyEventV2, now: Date): Promise<{ post: SigningPost; open: OpenSession }> {
  const post = await receiveSigningPost(event, now);
  const open = await resolveSigningSession(sessionIdFrom(event), now);
  await limitAttempts({ scope: 'link', subject: open.commitment.id, language: open.session.language }, now);
  requireFormToken(post.fields, sessionFormToken(post.key, open.sessionId), open.session.language);
  return { post, open };
}

/** The form's anti-CSRF token must be the one this page issued; exactly one, no more. */
export function requireFormToken(fields: ReadonlyMap<string, readonly string[]>, expected: string, language?: string): void {
  const sent = fields.get('csrf');
  if (!sent || sent.length !== 1 || !sameToken(expected, sent[0])) {
    throw new SigningError('FORBIDDEN', 'The form was out of date or did not come from the signing pages.', { language });
  }
}
