/**
 * `@pdf-lib/upng` as the Lambda bundles see it (an alias in infra/bundle-options.ts): pdf-lib's
 * PNG decoder, loaded the first time a PNG is embedded. Its module builds its inflate tables when
 * it loads, about a tenth of a PDF function's start-up, and our documents embed no PNG (the QR
 * code is a vector path). pdf-lib calls only `decode` and `toRGBA8`.
 *
 * The package itself is reached by its file path: its name is the alias.
 */
interface PngDecoder {
  decode(data: ArrayBuffer | Uint8Array): unknown;
  toRGBA8(png: unknown): ArrayBuffer[];
}

let decoder: PngDecoder | undefined;

/** A bundled `require` evaluates the module on first use. */
function loadDecoder(): PngDecoder {
  decoder ??= (require('../../node_modules/@pdf-lib/upng/UPNG.js') as { default: PngDecoder }).default;
  return decoder;
}

const deferredDecoder: PngDecoder = {
  decode: (data) => loadDecoder().decode(data),
  toRGBA8: (png) => loadDecoder().toRGBA8(png),
};

export default deferredDecoder;
