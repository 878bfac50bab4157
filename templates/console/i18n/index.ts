/** The console's catalogs by language. */
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import type { ConsoleLanguage, ConsoleMessages } from './messages';

export const CONSOLE_MESSAGES: Readonly<Record<ConsoleLanguage, ConsoleMessages>> = { en, fr, de };

export { CONSOLE_LANGUAGES, CONSOLE_LANGUAGE_NAMES, fill, type BrowserMessages, type ConsoleLanguage, type ConsoleMessages } from './messages';
export { CONSOLE_LANGUAGE_COOKIE, consoleLanguage } from './language';
