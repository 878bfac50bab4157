import { parseAcceptLanguage, pickLanguage } from '../../functions/domain/languages';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { fr } from './fr';
import type { Messages } from './messages';

export type { Messages, Problem } from './messages';

const CATALOGS: Readonly<Record<string, Messages>> = { en, fr, de, el };

/** Languages the pages and emails are written in. */
export const UI_LANGUAGES: readonly string[] = Object.keys(CATALOGS);
export const FALLBACK_LANGUAGE = 'en';

export function messagesFor(language: string): Messages {
  return CATALOGS[language] ?? en;
}

/**
 * The language of pages for an operator: the invitation's language when we have it, else the
 * browser's preferences (Accept-Language), else English.
 */
export function uiLanguage(preferred: readonly (string | undefined)[], acceptLanguage?: string): string {
  return pickLanguage([...preferred, ...parseAcceptLanguage(acceptLanguage)], UI_LANGUAGES, FALLBACK_LANGUAGE);
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
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}

/** "14:05 UTC". */
export function formatTime(date: Date, language: string): string {
  return `${new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}
