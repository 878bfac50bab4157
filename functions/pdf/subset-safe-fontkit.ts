import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;
type Subset = ReturnType<ParsedFont['createSubset']>;

/**
 * @pdf-lib/fontkit with its TrueType subsetting repaired; register it with `doc.registerFontkit`.
 *
 * Each call parses the font afresh, as pdf-lib expects. Sharing one parsed font between documents would save
 * about 100 ms per certificate but is unsafe: fontkit caches glyph objects together with the characters they
 * were first requested for, and the subsetter requests the components of accented letters (ω inside ώ) with
 * none, so a later document drawing ω got an empty ToUnicode entry and its text no longer extracted.
 */
export const subsetSafeFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const font = fontkit.create(bytes, postscriptName);
    padGlyphRecordsInSubsets(font);
    return font;
  },
};

/** The parts of @pdf-lib/fontkit 1.1.1's TrueType subset that the repair relies on. */
interface TrueTypeSubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(glyphId: number): number;
}

/**
 * @pdf-lib/fontkit 1.1.1, the fontkit fork pdf-lib supports, writes small subsets with the short `loca` format,
 * which stores glyph offsets divided by two, without padding glyph records to an even length. Noto Sans has
 * odd-length records, so every glyph after one of them was read from the wrong offset and most letters were
 * drawn blank, while text extraction still worked. (Upstream fontkit fixed this in 1.8.0, foliojs/fontkit#191;
 * the fork predates it.) Padding each record with a zero byte keeps every offset even; TrueType readers ignore
 * bytes after a glyph's data.
 */
function padGlyphRecordsInSubsets(font: ParsedFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = (): Subset => {
    const subset = createSubset();
    const internals = subset as unknown as TrueTypeSubsetInternals;
    const addGlyph = internals._addGlyph;
    if (typeof addGlyph !== 'function') return subset; // not a TrueType subset: nothing to repair
    internals._addGlyph = function padded(this: TrueTypeSubsetInternals, glyphId: number): number {
      const index = addGlyph.call(this, glyphId);
      const record = this.glyf[index];
      if (record && record.length % 2 === 1) {
        const evenRecord = new Uint8Array(record.length + 1);
        evenRecord.set(record);
        // fontkit's stream accepts only its own Buffer polyfill, which is a Uint8Array with that prototype.
        Object.setPrototypeOf(evenRecord, Object.getPrototypeOf(record));
        this.glyf[index] = evenRecord;
        this.offset += 1;
      }
      return index;
    };
    return subset;
  };
}
