import { isOperatorLanguage, type OperatorLanguage } from '../../functions/domain/languages';
import { bg } from './bg';
import { cs } from './cs';
import { da } from './da';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { es } from './es';
import { et } from './et';
import { fi } from './fi';
import { fr } from './fr';
import { ga } from './ga';
import { hr } from './hr';
import { hu } from './hu';
import { it } from './it';
import { lt } from './lt';
import { lv } from './lv';
import { mt } from './mt';
import { nl } from './nl';
import { pl } from './pl';
import { pt } from './pt';
import { ro } from './ro';
import { sk } from './sk';
import { sl } from './sl';
import { sv } from './sv';
import { catalogFiles } from './catalog-files';
import type { Messages } from './messages';

export type { Messages, Problem } from './messages';

declare global {
  /** Written in as true by the deployed bundles, whose catalogs are files of their own (infra/bundle-options.ts). */
  var __EPA_CATALOG_FILES__: boolean | undefined;
}

/**
 * One catalog per language the product speaks to operators: a missing one fails type-checking.
 * A deployed function carries English alone and reads another catalog from its own file when a
 * page or email first needs it, so 23 catalogs it does not use add nothing to its bundle; run from
 * source (the local stack, tests), every catalog is imported.
 */
let CATALOGS: Readonly<Record<OperatorLanguage, Messages>>;
// An `if` on the written-in constant: esbuild drops the branch not taken, and with it the imports only it uses.
if (globalThis.__EPA_CATALOG_FILES__) CATALOGS = catalogFiles(en);
else CATALOGS = { bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv };

export function messagesFor(language: string): Messages {
  return isOperatorLanguage(language) ? CATALOGS[language] : en;
}

/** Endonyms of the official EU languages, for the language switch of a declaration's versions. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  bg: 'Български', cs: 'Čeština', da: 'Dansk', de: 'Deutsch', el: 'Ελληνικά', en: 'English', es: 'Español',
  et: 'Eesti', fi: 'Suomi', fr: 'Français', ga: 'Gaeilge', hr: 'Hrvatski', hu: 'Magyar', it: 'Italiano',
  lt: 'Lietuvių', lv: 'Latviešu', mt: 'Malti', nl: 'Nederlands', pl: 'Polski', pt: 'Português',
  ro: 'Română', sk: 'Slovenčina', sl: 'Slovenščina', sv: 'Svenska',
};

export function languageName(language: string): string {
  return LANGUAGE_NAMES[language] ?? language;
}

/** "3 December 2026, 14:05 UTC" in the reader's language. */
export function formatDateTime(date: Date, language: string): string {
  return `${dateTimeFormat('dateTime', language).format(date)} UTC`;
}

/** "14:05 UTC". */
export function formatTime(date: Date, language: string): string {
  return `${dateTimeFormat('time', language).format(date)} UTC`;
}

const DATE_TIME_STYLES = {
  dateTime: { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Building a formatter loads its locale's data (about a millisecond); each page and email would build one. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Two styles for each official language, with room to spare; a tag beyond that is formatted uncached. */
const MAX_CACHED_FORMATS = 64;

function dateTimeFormat(style: keyof typeof DATE_TIME_STYLES, language: string): Intl.DateTimeFormat {
  const key = `${style} ${language}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, DATE_TIME_STYLES[style]);
    if (dateTimeFormats.size < MAX_CACHED_FORMATS) dateTimeFormats.set(key, format);
  }
  return format;
}
