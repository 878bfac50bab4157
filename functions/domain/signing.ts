import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { commitmentIdNamedBy, sha256Hex } from './hashing';

/** How long a signing session lasts after the emailed link was exchanged for it. */
export const SESSION_SECONDS = 30 * 60;
/** How long an emailed one-time code can be entered. */
export const CODE_VALIDITY_SECONDS = 10 * 60;
/** Wrong codes in a row after which the link is locked until an admin resends it. */
export const MAX_WRONG_CODES = 5;

/**
 * A session id: the commitment's id, then 256 random bits, base64url; only its SHA-256 is stored.
 * The commitment's id in front lets a request read the session, the commitment and its code state
 * in one round trip; the stored session decides which commitment it belongs to, so a changed
 * prefix only makes the id unknown.
 */
export function newSessionId(commitmentId: string): string {
  return `${commitmentId}.${randomBytes(32).toString('base64url')}`;
}

/** A session id; sessions opened before ids named their commitment have the random part alone. */
export const SESSION_ID_PATTERN = /^(?:[a-z]{1,4}_[0-9a-hjkmnp-tv-z]{26}\.)?[A-Za-z0-9_-]{43}$/;

/** The commitment a session id names, if it names one (see newSessionId). */
export function commitmentIdOfSession(sessionId: string): string | undefined {
  return commitmentIdNamedBy(sessionId);
}

export function hashSessionId(sessionId: string): string {
  return sha256Hex(`session:${sessionId}`);
}

/** Six digits from a cryptographic generator, leading zeros kept. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** What a person typed as a code, without the spaces and dashes people add; undefined if it is not six digits. */
export function normaliseOneTimeCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : undefined;
}

/** A code was sent and can still be entered (`expiresAt` in epoch ms). */
export function hasLiveCode(code: { readonly codeHash?: string; readonly expiresAt?: number }, now: Date): boolean {
  return code.codeHash !== undefined && (code.expiresAt ?? 0) > now.getTime();
}

function keyed(key: string, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url');
}

/** Codes are stored only as a keyed hash, bound to their commitment: without the key, the table does not reveal them. */
export function hashOneTimeCode(key: string, commitmentId: string, code: string): string {
  return keyed(key, 'one-time-code', `${commitmentId}:${code}`);
}

/** The anti-CSRF token of every form under a session: derived from the session id, so nothing more is stored. */
export function sessionFormToken(key: string, sessionId: string): string {
  return keyed(key, 'session-form', sessionId);
}

/** The anti-CSRF token of the landing page's form, bound to the link. */
export function landingFormToken(key: string, linkHash: string): string {
  return keyed(key, 'landing-form', linkHash);
}

/** Compares two tokens in constant time. */
export function sameToken(expected: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `a…@customs.example`: enough for the owner to recognise their address, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}

/**
 * Fixed-window rate limits on the signing POSTs. Per address, a flood brake generous enough for a
 * whole organisation behind one NAT (and a benchmark from one machine); guessing is stopped by the
 * per-link limits and the lock after wrong codes.
 */
export interface RateLimits {
  readonly windowSeconds: number;
  /** POSTs from one client address per window. */
  readonly perAddress: number;
  /** POSTs on one commitment's links and sessions per window. */
  readonly perLink: number;
  /** One-time codes emailed for one commitment per window. */
  readonly codesPerLink: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { windowSeconds: 600, perAddress: 5_000, perLink: 100, codesPerLink: 5 };

/** The window a moment falls in: its start (epoch seconds) and the seconds left until the next one. */
export function rateWindow(now: Date, windowSeconds: number): { start: number; retryAfterSeconds: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % windowSeconds);
  return { start, retryAfterSeconds: Math.max(1, start + windowSeconds - seconds) };
}
