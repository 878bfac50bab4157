import { describe, expect, it } from 'vitest';
import { count } from '../../templates/console/counts';
import { CONSOLE_LANGUAGES, CONSOLE_MESSAGES, consoleLanguage, fill, type ConsoleMessages } from '../../templates/console/i18n';
import { GLOSSARY } from '../../templates/i18n/glossary';

/** Every message of a catalog by its path ("browser.signIn", "counts.commitment.one"). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const marks = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** What a message says in words, once its marks and the names it quotes as they are (SHA-256, UTC, PDF, CSV, ZIP) are taken out. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/SHA-256|UTC|PDF|CSV|ZIP|JSON Lines|ISO/g, '').replace(/[^\p{L}]+/gu, ' ').trim();

/**
 * Messages that are rightly the same as in English: the word is the same in that language.
 * Kept short and named one by one, so that a message left untranslated cannot hide here.
 */
const SAME_AS_ENGLISH: Readonly<Record<'fr' | 'de', readonly string[]>> = {
  fr: [
    'dashboard.organisation', 'audit.organisation', 'browser.organisation', // "Organisation"
    'counts.organisation.one', 'counts.organisation.other', 'counts.invitation.one', 'counts.invitation.other',
    'counts.signature.one', 'counts.signature.other',
  ],
  de: [
    'dashboard.organisation', 'audit.organisation', 'browser.organisation', // "Organisation"
  ],
};

describe('the console\'s catalogs', () => {
  const english = new Map(leaves(CONSOLE_MESSAGES.en));

  for (const language of ['fr', 'de'] as const) {
    const catalog = new Map(leaves(CONSOLE_MESSAGES[language]));

    it(`${language}: has every English message and no other`, () => {
      expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${language}: translates every message that has words (only the listed ones are the same word in both languages)`, () => {
      const same = [...english].filter(([path, text]) => words(text) !== '' && catalog.get(path) === text).map(([path]) => path);
      expect(same.sort()).toEqual([...SAME_AS_ENGLISH[language]].sort());
    });

    it(`${language}: keeps every value mark of the English message`, () => {
      for (const [path, text] of english) {
        // A singular form may leave its number unsaid ("l'engagement vérifié"); every other message fills in all it is given.
        const singular = path.startsWith('counts.') && !path.endsWith('.other');
        if (singular) expect(marks(text), path).toEqual(expect.arrayContaining(marks(catalog.get(path) ?? '')));
        else expect(marks(catalog.get(path) ?? ''), path).toEqual(marks(text));
      }
    });

    it(`${language}: uses the glossary's terms for the campaign's key concepts`, () => {
      const all = [...catalog.values()].join('\n');
      const terms = GLOSSARY[language];
      for (const term of [terms.jointDeclaration, terms.commitment, terms.signatory, terms.countersignature, terms.electronicSeal, terms.oneTimeCode]) {
        // Each word of the term, in any of its inflected forms ("elektronischen Siegel", "engagements").
        const inflected = term.split(' ').map((word) => word.slice(0, Math.max(4, word.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\p{L}*\\s+');
        expect(all, term).toMatch(new RegExp(inflected, 'iu'));
      }
    });
  }

  it('is checked by the type-checker: a catalog without one of the messages does not compile', () => {
    // @ts-expect-error every catalog has every message
    const incomplete: ConsoleMessages = { ...CONSOLE_MESSAGES.fr, browser: { signIn: 'Se connecter' } };
    expect(incomplete.browser.signIn).toBe('Se connecter');
  });

  it('counts by each language\'s plural rules and digit grouping', () => {
    expect(count(0, CONSOLE_MESSAGES.fr.counts.commitment, 'fr')).toBe('0 engagement');
    expect(count(1, CONSOLE_MESSAGES.fr.counts.commitment, 'fr')).toBe('1 engagement');
    expect(count(2, CONSOLE_MESSAGES.fr.counts.commitment, 'fr')).toBe('2 engagements');
    expect(count(1250, CONSOLE_MESSAGES.fr.counts.commitment, 'fr')).toBe('1\u202f250 engagements');
    expect(count(0, CONSOLE_MESSAGES.de.counts.commitment, 'de')).toBe('0 Verpflichtungen');
    expect(count(1, CONSOLE_MESSAGES.de.counts.commitment, 'de')).toBe('1 Verpflichtung');
    expect(count(1250, CONSOLE_MESSAGES.de.counts.commitment, 'de')).toBe('1.250 Verpflichtungen');
    expect(count(1250, CONSOLE_MESSAGES.en.counts.commitment)).toBe('1,250 commitments');
  });

  it('fills the marks of a message, and leaves a mark without a value as it is', () => {
    expect(fill('{a} of {b} ({c})', { a: 1, b: 'two' })).toBe('1 of two ({c})');
  });
});

describe('the console\'s language', () => {
  it('is the one chosen with the switch, whatever the browser asks for', () => {
    expect(consoleLanguage({ cookies: ['other=1', 'console-language=de'], acceptLanguage: 'fr-FR,fr;q=0.9' })).toBe('de');
  });

  it('else the first of the console\'s languages the browser accepts, by quality', () => {
    expect(consoleLanguage({ acceptLanguage: 'fr-BE,fr;q=0.9,en;q=0.8' })).toBe('fr');
    expect(consoleLanguage({ acceptLanguage: 'nl-NL, de-AT;q=0.7, en;q=0.8' })).toBe('en');
    expect(consoleLanguage({ acceptLanguage: 'nl, de;q=0.5' })).toBe('de');
    expect(consoleLanguage({ acceptLanguage: 'fr;q=0, de;q=0.1' })).toBe('de');
  });

  it('else English: nothing asked, a language the console does not speak, or a choice it does not know', () => {
    expect(consoleLanguage({})).toBe('en');
    expect(consoleLanguage({ acceptLanguage: 'nl, pl;q=0.8' })).toBe('en');
    expect(consoleLanguage({ cookies: ['console-language=xx'], acceptLanguage: '*' })).toBe('en');
    expect(consoleLanguage({ cookies: ['console-language=<script>'] })).toBe('en');
  });

  it('is one of the three the catalogs are for', () => {
    expect(Object.keys(CONSOLE_MESSAGES).sort()).toEqual([...CONSOLE_LANGUAGES].sort());
  });
});
