/**
 * `@sindresorhus/transliterate` as the Lambda bundles see it (an alias in infra/bundle-options.ts):
 * the same function, its module evaluated the first time a search needs it. The package builds a
 * regular expression over its whole replacement table, and one per locale, when it loads: about a
 * tenth of the cold start of every function that can search or sort commitments, most of whose
 * invocations never search.
 *
 * The package itself is reached by its file path: its name is the alias.
 */
import type packageTransliterate from '@sindresorhus/transliterate';

type Transliterate = typeof packageTransliterate;

let loaded: Transliterate | undefined;

/** A bundled `require` evaluates the module on first use. */
export default function transliterate(...args: Parameters<Transliterate>): ReturnType<Transliterate> {
  loaded ??= (require('../../node_modules/@sindresorhus/transliterate/index.js') as { default: Transliterate }).default;
  return loaded(...args);
}
