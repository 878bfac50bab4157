/**
 * Which language a console page speaks: the admin's choice (the switch in the header keeps it in
 * a cookie), else the browser's Accept-Language, else English.
 */
import { CONSOLE_LANGUAGES, type ConsoleLanguage } from './messages';

/** The cookie the language switch writes (browser/core.ts) and the console pages read. */
export const CONSOLE_LANGUAGE_COOKIE = 'console-language';

function isConsoleLanguage(value: string): value is ConsoleLanguage {
  return (CONSOLE_LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen in the cookie header (`a=1; console-language=fr`), if it is one of the console's. */
function chosenLanguage(cookies: readonly string[]): ConsoleLanguage | undefined {
  for (const cookie of cookies.flatMap((header) => header.split(';'))) {
    const [name, value] = cookie.trim().split('=', 2);
    if (name === CONSOLE_LANGUAGE_COOKIE && value !== undefined && isConsoleLanguage(value)) return value;
  }
  return undefined;
}

/** The first of the console's languages in an Accept-Language header, by quality ("de-AT;q=0.9" is German). */
function acceptedLanguage(header: string | undefined): ConsoleLanguage | undefined {
  const ranges = (header ?? '').split(',').map((part, index) => {
    const [range = '', ...parameters] = part.trim().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    return { language: range.trim().toLowerCase().split('-')[0] ?? '', quality: quality === undefined ? 1 : Number(quality), index };
  });
  const ordered = ranges.filter((range) => range.quality > 0).sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ordered.map((range) => range.language).find(isConsoleLanguage);
}

export function consoleLanguage(request: { readonly cookies?: readonly string[]; readonly acceptLanguage?: string }): ConsoleLanguage {
  return chosenLanguage(request.cookies ?? []) ?? acceptedLanguage(request.acceptLanguage) ?? 'en';
}
