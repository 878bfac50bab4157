import { brotliDecompressSync } from 'node:zlib';
import { NOTO_SANS_BOLD, NOTO_SANS_REGULAR } from './noto-sans/embedded';

/**
 * Noto Sans, cut down to the characters of the official EU languages (Latin, Greek, Cyrillic and the
 * punctuation and symbols of the templates) by `npm run fonts:subset`, which writes the TTF files in
 * functions/pdf/noto-sans/ and the same bytes into `embedded.ts`. Carried inside the bundle, the fonts need
 * no file beside it and add about 150 KB instead of the full families' 1.2 MB.
 */
export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fonts: FontBytes | undefined;

/** The certificate fonts, unpacked on first use and kept for the life of the process. */
export function loadFonts(): FontBytes {
  fonts ??= { regular: unpack(NOTO_SANS_REGULAR), bold: unpack(NOTO_SANS_BOLD) };
  return fonts;
}

function unpack(packed: string): Uint8Array {
  return new Uint8Array(brotliDecompressSync(Buffer.from(packed, 'base64')));
}
