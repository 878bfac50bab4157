/**
 * The console's languages (the Commission's working languages) and the shape of their catalogs.
 * Every catalog is a ConsoleMessages: a message missing from one does not type-check.
 */
import type { en } from './en';

export const CONSOLE_LANGUAGES = ['en', 'fr', 'de'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Each console language in its own words, for the switch in the console's header. */
export const CONSOLE_LANGUAGE_NAMES: Readonly<Record<ConsoleLanguage, string>> = { en: 'English', fr: 'Français', de: 'Deutsch' };

export type ConsoleMessages = typeof en;
/** The part of a catalog the pages' scripts need: the page hands it to them as data. */
export type BrowserMessages = ConsoleMessages['browser'];

/** A message with its `{name}` marks filled in; a mark without a value stays as it is. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (mark, name: string) => (name in values ? String(values[name]) : mark));
}
