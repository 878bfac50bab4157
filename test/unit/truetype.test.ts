import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../functions/pdf/fonts';
import { TrueTypeFont, TrueTypeSubset } from '../../functions/pdf/truetype';

const fonts = await loadFonts();

describe.each([['regular', fonts.regular], ['bold', fonts.bold]] as const)('TrueTypeFont (%s)', (_, bytes) => {
  const font = TrueTypeFont.of(bytes);
  const reference = fontkit.create(bytes);

  it('reads the metrics pdf-lib writes into the font descriptor as fontkit does', () => {
    expect({
      postscriptName: font.postscriptName,
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascent,
      descent: font.descent,
      capHeight: font.capHeight,
      xHeight: font.xHeight,
      italicAngle: font.italicAngle,
      bbox: font.bbox,
      isFixedPitch: font.isFixedPitch,
      familyClass: font.familyClass,
    }).toEqual({
      postscriptName: reference.postscriptName,
      unitsPerEm: reference.unitsPerEm,
      ascent: reference.ascent,
      descent: reference.descent,
      capHeight: reference.capHeight,
      xHeight: reference.xHeight,
      italicAngle: reference.italicAngle,
      bbox: { minX: reference.bbox.minX, minY: reference.bbox.minY, maxX: reference.bbox.maxX, maxY: reference.bbox.maxY },
      isFixedPitch: Boolean(reference.post.isFixedPitch),
      familyClass: reference['OS/2'].sFamilyClass,
    });
  });

  it('maps every character to the glyph and advance width fontkit finds', () => {
    // fontkit also lists the format 4 table's closing U+FFFF, which maps to no glyph.
    const mapped = reference.characterSet.filter((codePoint) => reference.glyphForCodePoint(codePoint).id !== 0);
    expect(font.characterSet.sort((a, b) => a - b)).toEqual(mapped.sort((a, b) => a - b));
    for (const codePoint of mapped) {
      const glyph = reference.glyphForCodePoint(codePoint);
      expect(font.glyphIdForCodePoint(codePoint), String.fromCodePoint(codePoint)).toBe(glyph.id);
      expect(font.advanceWidth(glyph.id), String.fromCodePoint(codePoint)).toBe(glyph.advanceWidth);
    }
    expect(font.glyphIdForCodePoint(0x5f20)).toBe(0);
  });

  it('is parsed once for the same bytes', () => {
    expect(TrueTypeFont.of(bytes)).toBe(font);
  });

  it('writes a subset that fontkit reads back with the same outlines, composite glyphs included', () => {
    const subset = new TrueTypeSubset(font);
    const text = 'Ώώ Ελληνική Żółć Ș ț Ёё «»';
    const ids = new Map([...text].map((char) => [char, subset.includeGlyph(font.glyphIdForCodePoint(char.codePointAt(0)!))]));
    const written = fontkit.create(Buffer.from(subset.encode()));
    expect(ids.get('Ώ')).toBe(1);
    for (const [char, id] of ids) {
      expect(written.getGlyph(id).path.toSVG(), char).toBe(reference.glyphForCodePoint(char.codePointAt(0)!).path.toSVG());
      expect(written.getGlyph(id).advanceWidth, char).toBe(reference.glyphForCodePoint(char.codePointAt(0)!).advanceWidth);
    }
  });
});
