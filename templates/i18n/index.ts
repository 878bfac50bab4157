import { isOperatorLanguage, type OperatorLanguage } from '../../functions/domain/languages';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { fr } from './fr';
import type { Messages } from './messages';

export type { Messages, Problem } from './messages';

/** One catalog per language the product speaks to operators: a missing one fails type-checking. */
const CATALOGS: Readonly<Record<OperatorLanguage, Messages>> = { en, fr, de, el };

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
  return `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}

/** "14:05 UTC". */
export function formatTime(date: Date, language: string): string {
  return `${new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' }).format(date)} UTC`;
}
