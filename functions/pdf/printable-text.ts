const REPLACEMENT_CHARACTER = '\uFFFD';
const FALLBACK_REPLACEMENT = '?';
const WHITESPACE = /^\s$/u;
// Invisible by definition (variation selectors, bidi marks, ...): dropping them changes nothing a reader sees.
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

export type MissingGlyphListener = (char: string) => void;

/**
 * Makes text safe to lay out with fonts that cover `coverage`: a character no font has is replaced visibly
 * instead of being drawn as an empty box or crashing the layout, and each distinct one is reported once.
 *
 * Text is normalised to NFC first. pdf-lib ignores glyph positioning, so a decomposed "é" (e + U+0301)
 * would be drawn with a misplaced accent; the precomposed form is canonically the same text.
 */
export function createPrintableText(
  coverage: ReadonlySet<number>,
  onMissingGlyph: MissingGlyphListener = () => {},
): (text: string) => string {
  const replacement = coverage.has(codePointOf(REPLACEMENT_CHARACTER)) ? REPLACEMENT_CHARACTER : FALLBACK_REPLACEMENT;
  const reported = new Set<string>();

  const printable = (char: string): string => {
    if (coverage.has(codePointOf(char))) return char;
    if (WHITESPACE.test(char)) return ' ';
    if (INVISIBLE.test(char)) return '';
    if (!reported.has(char)) {
      reported.add(char);
      onMissingGlyph(char);
    }
    return replacement;
  };

  // Most text is plain ASCII, which NFC leaves as it is: when the fonts draw all of it, it passes unchanged.
  const asciiCovered = Array.from({ length: 0x7f - 0x20 }, (_, offset) => 0x20 + offset).every((codePoint) => coverage.has(codePoint));
  return (text) => (asciiCovered && PRINTABLE_ASCII.test(text) ? text : Array.from(text.normalize('NFC'), printable).join(''));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function codePointOf(char: string): number {
  return char.codePointAt(0) ?? 0;
}
