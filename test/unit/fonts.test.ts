import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../functions/pdf/fonts';

/** The repository (not read from infra/handler-function.ts, which would load the CDK into this test). */
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

const fonts = loadFonts();
const subsets = { regular: fontkit.create(Buffer.from(fonts.regular)), bold: fontkit.create(Buffer.from(fonts.bold)) };

/** The letters of the 24 official EU languages beyond A-Z, in capitals (lower case is derived). */
const LANGUAGE_LETTERS: Record<string, string> = {
  bg: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯЍ',
  cs: 'ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ',
  da: 'ÆØÅÉ',
  de: 'ÄÖÜẞß',
  el: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏΪΫςΐΰ',
  en: '',
  es: 'ÁÉÍÑÓÚÜ¿¡',
  et: 'ÄÕÖÜŠŽ',
  fi: 'ÄÅÖŠŽ',
  fr: 'ÀÂÆÇÈÉÊËÎÏÔŒÙÛÜŸ',
  ga: 'ÁÉÍÓÚ',
  hr: 'ČĆĐŠŽ',
  hu: 'ÁÉÍÓÖŐÚÜŰ',
  it: 'ÀÈÉÌÍÎÒÓÙÚ',
  lt: 'ĄČĘĖĮŠŲŪŽ',
  lv: 'ĀČĒĢĪĶĻŅŠŪŽ',
  mt: 'ĊĠĦŻÀÈÌÒÙ',
  nl: 'ĲÉËÏÖÜ',
  pl: 'ĄĆĘŁŃÓŚŹŻ',
  pt: 'ÁÂÃÀÇÉÊÍÓÔÕÚ',
  ro: 'ĂÂÎȘȚŞŢ',
  sk: 'ÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽ',
  sl: 'ČŠŽ',
  sv: 'ÅÄÖ',
};

/** Text our documents print: the sample signatories, the page and email wording, the declaration and the PDF code. */
function printedSources(): { source: string; text: string }[] {
  const files = [
    // The shared sample signatories in all 24 languages, as copied into the repository.
    'test/fixtures/eu-signatories.json',
    'tools/campaign/sample-declaration.ts',
    ...readdirSync(path.join(REPO_ROOT, 'templates/i18n')).map((file) => `templates/i18n/${file}`),
    ...readdirSync(path.join(REPO_ROOT, 'functions/pdf')).filter((file) => file.endsWith('.ts')).map((file) => `functions/pdf/${file}`),
  ];
  const sources = files.map((source) => ({ source, text: readFileSync(path.join(REPO_ROOT, source), 'utf8') }));
  const alphabets = Object.entries(LANGUAGE_LETTERS).map(([language, letters]) => ({ source: `${language} letters`, text: `ABCDEFGHIJKLMNOPQRSTUVWXYZ${letters}` }));
  return [...sources, ...alphabets].map(({ source, text }) => ({ source, text: `${text}${text.toLowerCase()}`.normalize('NFC') }));
}

describe('the certificate fonts', () => {
  it.each(printedSources())('draw every character of $source in both weights', ({ text }) => {
    const missing = new Set<string>();
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (codePoint < 0x20 || !Number.isFinite(codePoint)) continue; // line breaks and tabs are layout, not glyphs
      if (!subsets.regular.hasGlyphForCodePoint(codePoint) || !subsets.bold.hasGlyphForCodePoint(codePoint)) missing.add(char);
    }
    expect([...missing]).toEqual([]);
  });

  it('can print what no font has as U+FFFD', () => {
    expect(subsets.regular.hasGlyphForCodePoint(0xfffd) && subsets.bold.hasGlyphForCodePoint(0xfffd)).toBe(true);
  });

  it('are the committed subset TTF files, byte for byte, with the licence beside them', () => {
    const directory = path.join(REPO_ROOT, 'functions/pdf/noto-sans');
    expect(Buffer.from(fonts.regular).equals(readFileSync(path.join(directory, 'NotoSans-Regular.ttf')))).toBe(true);
    expect(Buffer.from(fonts.bold).equals(readFileSync(path.join(directory, 'NotoSans-Bold.ttf')))).toBe(true);
    expect(readFileSync(path.join(directory, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License, Version 1.1');
  });

  it('keep the Noto Sans names, which the embedded fonts are called by', () => {
    expect([subsets.regular.postscriptName, subsets.bold.postscriptName]).toEqual(['NotoSans-Regular', 'NotoSans-Bold']);
  });
});
