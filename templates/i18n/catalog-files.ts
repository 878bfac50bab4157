import { createRequire } from 'node:module';
import { OPERATOR_LANGUAGES, type OperatorLanguage } from '../../functions/domain/languages';
import type { Messages } from './messages';

/** Where a deployed function's catalogs are, beside its bundle (infra/bundle-options.ts builds them). */
export const CATALOG_FILES_DIR = 'i18n';

/**
 * The catalogs of a deployed function: English is in the bundle; each other one is read from its
 * own file (an ES module, loaded synchronously with `require`, which Node 22 and later allow for
 * ES modules without top-level await) the first time it is asked for, then kept.
 */
export function catalogFiles(english: Messages): Readonly<Record<OperatorLanguage, Messages>> {
  const load = createRequire(import.meta.url);
  const loaded = new Map<OperatorLanguage, Messages>([['en', english]]);
  const catalogs = {} as Record<OperatorLanguage, Messages>;
  for (const language of OPERATOR_LANGUAGES) {
    Object.defineProperty(catalogs, language, {
      enumerable: true,
      get: () => {
        let messages = loaded.get(language);
        if (!messages) {
          messages = (load(`./${CATALOG_FILES_DIR}/${language}.mjs`) as Record<string, Messages>)[language]!;
          loaded.set(language, messages);
        }
        return messages;
      },
    });
  }
  return catalogs;
}
