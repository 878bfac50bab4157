/**
 * `@pdf-lib/standard-fonts` as the Lambda bundles see it (an alias in infra/bundle-options.ts):
 * the same exports, but the encodings of the standard fonts are decoded the first time a document
 * uses a standard font instead of when the module loads. The package inflates and parses its
 * encoding tables at import, about a tenth of a PDF function's start-up, and our documents draw
 * every letter with the embedded Noto Sans. The font metrics were already loaded on demand.
 *
 * The package itself is reached by its file paths: its name is the alias.
 */
import type { Encodings as PackageEncodings } from '@pdf-lib/standard-fonts';

export * from '../../node_modules/@pdf-lib/standard-fonts/es/Font.js';

type EncodingTables = typeof PackageEncodings;

let tables: EncodingTables | undefined;

/** Decodes the three tables once, on first use; a bundled `require` evaluates the module then. */
function loadTables(): EncodingTables {
  tables ??= (require('../../node_modules/@pdf-lib/standard-fonts/es/Encoding.js') as { Encodings: EncodingTables }).Encodings;
  return tables;
}

/** The package's `Encodings`: each read gives the package's own object, so identity checks still hold. */
export const Encodings: EncodingTables = {
  get Symbol() {
    return loadTables().Symbol;
  },
  get ZapfDingbats() {
    return loadTables().ZapfDingbats;
  },
  get WinAnsi() {
    return loadTables().WinAnsi;
  },
};
