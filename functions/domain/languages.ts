/** Primary language subtags from an Accept-Language header, most preferred first ("fr-BE,fr;q=0.9,en;q=0.5" -> fr, en). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => /^[a-z]{2}$/.test(entry.language) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.language);
  return [...new Set(ranked)];
}

/** The first candidate that is available, else the fallback. */
export function pickLanguage(candidates: readonly (string | undefined)[], available: readonly string[], fallback: string): string {
  return candidates.find((candidate): candidate is string => candidate !== undefined && available.includes(candidate)) ?? fallback;
}

/**
 * The languages the product speaks to an operator: its pages, its emails and the consent statement
 * they sign under. Every catalog of page wording and every consent statement exists in each.
 */
export const OPERATOR_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
] as const;
export type OperatorLanguage = (typeof OPERATOR_LANGUAGES)[number];
const FALLBACK_OPERATOR_LANGUAGE: OperatorLanguage = 'en';

export function isOperatorLanguage(language: string | undefined): language is OperatorLanguage {
  return (OPERATOR_LANGUAGES as readonly (string | undefined)[]).includes(language);
}

/**
 * The language to speak to an operator: the first preferred one we speak (the invitation's, a
 * session's), else the browser's preferences (Accept-Language), else English.
 */
export function operatorLanguage(preferred: readonly (string | undefined)[], acceptLanguage?: string): OperatorLanguage {
  return [...preferred, ...parseAcceptLanguage(acceptLanguage)].find(isOperatorLanguage) ?? FALLBACK_OPERATOR_LANGUAGE;
}
