import { describe, expect, it } from 'vitest';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { GLOSSARY, type Glossary } from '../../templates/i18n/glossary';
import { messagesFor } from '../../templates/i18n';

/** Lower case without accents, as terms are compared whatever their case (headings are in capitals). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/** Each wording of a catalog section by its path; a message with parameters is read with placeholders. */
function wordings(section: unknown, path = ''): [string, string][] {
  if (typeof section === 'string') return [[path, section]];
  if (typeof section === 'function') {
    try {
      const text: unknown = section(...Array.from({ length: section.length }, () => 'X'));
      return typeof text === 'string' ? [[path, text]] : [];
    } catch {
      return [];
    }
  }
  if (section && typeof section === 'object') return Object.entries(section).flatMap(([key, value]) => wordings(value, path ? `${path}.${key}` : key));
  return [];
}

/**
 * Whether a text uses a term, inflected or not: every word of the term (of three letters or more)
 * appears by its stem, its first 60 % (declensions change endings: "deklaracja" in "deklaracji");
 * Irish initial mutations ("dhearbhú", "ndearbhú") are met by also accepting the stem without its
 * first letter.
 */
function usesTerm(text: string, term: string): boolean {
  const haystack = fold(text);
  return fold(term)
    .split(/[\s-]+/)
    .filter((word) => word.length >= 3)
    .every((word) => {
      const stem = word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
      return haystack.includes(stem) || (stem.length >= 5 && haystack.includes(stem.slice(1)));
    });
}

/** Whether an English text uses a term: each word whole, or with an ending ("commitments", "authorities"), never inside another ("signature" is not "signatory"). */
function usesEnglishTerm(text: string, term: string): boolean {
  const haystack = fold(text);
  return fold(term)
    .split(/[\s-]+/)
    .every((word) => new RegExp(`(^|[^a-z])${word.slice(0, -1)}[a-z]{0,3}($|[^a-z])`).test(haystack));
}

const TERMS = Object.keys(GLOSSARY.en) as (keyof Glossary)[];
const english = new Map(wordings(messagesFor('en').document));

describe('the glossary', () => {
  it('has every term in every language', () => {
    for (const language of OPERATOR_LANGUAGES) for (const term of TERMS) expect(GLOSSARY[language][term].trim(), `${language}.${term}`).not.toBe('');
  });

  it.each(OPERATOR_LANGUAGES.filter((language) => language !== 'en'))('%s: the documents use the glossary term wherever the English ones use the English term', (language) => {
    const misses: string[] = [];
    for (const [path, text] of wordings(messagesFor(language).document)) {
      const source = english.get(path);
      if (source === undefined) continue;
      for (const term of TERMS) {
        if (usesEnglishTerm(source, GLOSSARY.en[term]) && !usesTerm(text, GLOSSARY[language][term])) misses.push(`document.${path} lacks “${GLOSSARY[language][term]}” (${term}): ${text}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
