import transliterate from '@sindresorhus/transliterate';

/**
 * How Greek and Bulgarian names are romanised officially where that differs from a letter-by-letter
 * transliteration (ELOT 743 / ISO 843 for Greek; Bulgaria's Transliteration Act of 2009): "ου" is
 * "ou" (Παπαδοπούλου, Papadopoulou), "щ" is "sht", "ъ" is "a", "х" is "h". The transliteration
 * library handles every script letter by letter; these are the only rules it is given.
 */
const OFFICIAL_ROMANISATION: [string, string][] = [
  ['ου', 'ou'], ['αυ', 'av'], ['ευ', 'ev'], ['ηυ', 'iv'], ['γγ', 'ng'], ['γκ', 'gk'], ['χ', 'ch'],
  ['щ', 'sht'], ['ъ', 'a'], ['ь', 'y'], ['й', 'y'], ['х', 'h'], ['ц', 'ts'], ['ю', 'yu'], ['я', 'ya'],
];

/** Lower case without accents, so that "Pireas" finds "Piréas" and "ΛΙΜΕΝΙΚΟ" finds "Λιμενικό". */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * What a search looks in: the text folded, and its Latin transliterations (letter by letter, and
 * with the official Greek and Bulgarian romanisation), so that "papadopoulou" finds
 * "Παπαδοπούλου", "mitnitsi" finds "Митници" and "lodz" finds "Łódź".
 */
export function searchableText(value: string): string {
  const folded = foldForSearch(value);
  const forms = new Set([folded, transliterate(folded), transliterate(folded, { customReplacements: OFFICIAL_ROMANISATION })]);
  return [...forms].join('\n').toLowerCase();
}

/** The words of a search, folded the same way; a row matches when its searchable text holds every one. */
export function searchWords(query: string | undefined): string[] {
  return foldForSearch(query ?? '').split(/\s+/).filter((word) => word !== '');
}

export function matchesEveryWord(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = searchableText(text);
  return words.every((word) => haystack.includes(word));
}
