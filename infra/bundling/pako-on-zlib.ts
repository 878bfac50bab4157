/**
 * `pako` as the Lambda bundles see it (an alias in infra/bundle-options.ts): Node's zlib behind the
 * two functions pdf-lib and its packages call on it, `deflate` (every stream pdf-lib writes, which
 * functions/pdf/native-deflate.ts already hands to zlib) and `inflate` (the standard fonts' data, on
 * first use). pako is the same deflate in 45 KB of JavaScript that every cold start of a PDF
 * function compiled and evaluated for nothing. The zlib format (RFC 1950) is the same, and so are
 * the defaults (level 6, 32 KB window).
 */
import { deflateSync, inflateSync } from 'node:zlib';

const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** pako's `deflate(data, { level })`: zlib-wrapped deflate. */
export function deflate(data: Uint8Array, options?: { readonly level?: number }): Uint8Array {
  return bytes(deflateSync(data, options?.level === undefined ? {} : { level: options.level }));
}

/** pako's `inflate(data)`: the bytes a zlib stream holds. */
export function inflate(data: Uint8Array): Uint8Array {
  return bytes(inflateSync(data));
}

// pdf-lib calls both through the default export, pako's CommonJS exports object.
export default { deflate, inflate };
