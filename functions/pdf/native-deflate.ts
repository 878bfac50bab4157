import pako from 'pako';
import { deflateSync } from 'node:zlib';

/**
 * pdf-lib compresses every stream it writes (page contents, fonts, object streams) with pako, a deflate
 * written in JavaScript that also spends about a millisecond setting up each stream: a third of the CPU time
 * of a certificate went there. Node's zlib writes the same zlib format (RFC 1950) natively at the same
 * default level. pdf-lib calls `deflate` on pako's shared exports object, so replacing it there switches
 * every call; importing this module does it once.
 */
pako.deflate = (data: Uint8Array): Uint8Array => {
  const compressed = deflateSync(data);
  return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
};
