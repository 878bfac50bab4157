import { createHash, createHmac, randomBytes } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A link secret: 256 random bits, base64url. Only its SHA-256 is ever stored. */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const LINK_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashLinkSecret(secret: string): string {
  return sha256Hex(`link:${secret}`);
}

/** Client addresses are personal data: the record keeps only a keyed hash. */
export function hashClientAddress(address: string, key: string): string {
  return createHmac('sha256', key).update(address).digest('hex');
}
