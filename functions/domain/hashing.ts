import { createHash, createHmac, randomBytes } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A link secret: the commitment's id, then 256 random bits, base64url. Only its SHA-256 is ever
 * stored. The id in front lets opening the link read the link, the commitment and its code state
 * in one round trip; the stored link decides which commitment it belongs to, so a changed prefix
 * only makes the link unknown.
 */
export function newLinkSecret(commitmentId: string): string {
  return `${commitmentId}.${randomBytes(32).toString('base64url')}`;
}

/** A link secret; links emailed before secrets named their commitment have the random part alone. */
export const LINK_SECRET_PATTERN = /^(?:[a-z]{1,4}_[0-9a-hjkmnp-tv-z]{26}\.)?[A-Za-z0-9_-]{43}$/;

/** The commitment a link secret or session id names, if it names one (newLinkSecret, newSessionId). */
export function commitmentIdNamedBy(secret: string): string | undefined {
  const separator = secret.indexOf('.');
  return separator > 0 ? secret.slice(0, separator) : undefined;
}

export function hashLinkSecret(secret: string): string {
  return sha256Hex(`link:${secret}`);
}

/** Client addresses are personal data: the record keeps only a keyed hash. */
export function hashClientAddress(address: string, key: string): string {
  return createHmac('sha256', key).update(address).digest('hex');
}
