import { describe, expect, it } from 'vitest';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { LEGAL_TEXTS } from '../../functions/domain/legal-text';
import { loadFonts } from '../../functions/pdf/fonts';
import { TrueTypeFont } from '../../functions/pdf/truetype';
import { messagesFor } from '../../templates/i18n';

/**
 * Every character our documents can print has a glyph in both embedded fonts: the wording of the 24
 * catalogs' document sections, the legal texts, and the letters of names in any EU script.
 */

/** Every string a value holds, calling its functions with sample arguments (numbers with one and several forms, a name). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    return [1, 2, 5, 22, 1234].flatMap((count) => strings((value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, index) => (index === 0 ? count : index === 1 ? count.toLocaleString() : 'x')))))
      .concat(strings((value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, () => 'Name'))));
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Letters of names in the EU's scripts, beyond those of any catalog: every Latin letter with an EU diacritic, Greek and Cyrillic whole. */
const NAME_LETTERS = [
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ',
  'ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĢģĪīĮįĶķĹĺĻļĽľŁłŃńŅņŇňŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŸŹźŻżŽž',
  'ȘșȚț', // Romanian comma below
  'ĊċĠġĦħŻż', // Maltese
  'ẞ', // German capital sharp s
  'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωΆΈΉΊΌΎΏάέήίόύώϊϋΐΰΪΫ',
  'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяЁёЭэЫыЇїІіЄєЃѓЌќЉљЊњЏџЅѕЈјЂђЋћ',
  '’‘“”„«»–—…·€',
].join('');

describe('embedded fonts', () => {
  const fonts = loadFonts();
  const regular = TrueTypeFont.of(fonts.regular);
  const bold = TrueTypeFont.of(fonts.bold);
  const missingFrom = (text: string) => [...new Set(text)].filter((character) => /\S/.test(character) && !(regular.hasGlyphForCodePoint(character.codePointAt(0)!) && bold.hasGlyphForCodePoint(character.codePointAt(0)!)));

  it.each([...OPERATOR_LANGUAGES])('draw every character of the %s catalog\'s document wording, category names and legal text', (language) => {
    const messages = messagesFor(language);
    const text = [...strings(messages.document), ...strings(messages.categories), ...strings(LEGAL_TEXTS[language])].join('');
    expect(text.length).toBeGreaterThan(1000);
    expect(missingFrom(text)).toEqual([]);
  });

  it('draw every letter of names in the EU\'s Latin, Greek and Cyrillic scripts', () => {
    expect(missingFrom(NAME_LETTERS)).toEqual([]);
  });

  it('are checked for real: a character outside them is found missing', () => {
    expect(missingFrom('Aא中')).toEqual(['א', '中']);
  });
});
