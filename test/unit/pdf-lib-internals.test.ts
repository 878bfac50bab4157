import { inflateSync } from 'node:zlib';
import pako from 'pako';
import {
  CustomFontSubsetEmbedder, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef,
  degrees, drawLinesOfText, rgb, type PDFFont, type PDFObject, type PDFPage,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../functions/pdf/fonts';
import { addUriLink, drawTextLine } from '../../functions/pdf/page-writer';
import { TrueTypeFont, TrueTypeSubset, trueTypeFontkit } from '../../functions/pdf/truetype';
import { startDocument } from '../../functions/pdf/typesetting';

/**
 * The parts of pdf-lib below its documented API that our PDF code relies on (truetype.ts stands in for
 * fontkit behind pdf-lib's subset embedder; page-writer.ts draws text and links with pdf-lib's own operators
 * and page dictionaries; native-deflate.ts swaps the deflate pdf-lib calls). pdf-lib is pinned in
 * package.json; when it is upgraded, each failure here names the internal that changed.
 */

const fonts = loadFonts();
const regular = TrueTypeFont.of(fonts.regular);
/** pdf-lib writes font metrics in thousandths of the text size. */
const scale = 1000 / regular.unitsPerEm;
const advance = (char: string) => regular.advanceWidth(regular.glyphIdForCodePoint(char.codePointAt(0)!));
const TEXT = 'AB A';

const blankDocument = () => startDocument(() => ({ documentId: 'doc_internals', title: 'Internals', language: 'en', createdAt: new Date('2026-12-01T00:00:00Z') }), 'en');

/** What pdf-lib keeps private: the font's embedder, and the embedder's subset. */
const embedderOf = (font: PDFFont) => (font as unknown as { embedder: { font?: unknown; subset?: unknown } }).embedder;

/** A document as startDocument makes it, with TEXT drawn in the body font through drawTextLine, and saved (which embeds the fonts). */
async function savedDocumentWithText(): Promise<{ doc: PDFDocument; page: PDFPage; font: PDFFont }> {
  const { doc, styles } = await blankDocument();
  const page = doc.getPages()[0]!;
  drawTextLine(page, TEXT, styles.body, 60, 700);
  await doc.save();
  return { doc, page, font: styles.body.font };
}

/** The dictionaries pdf-lib writes for an embedded subset font. */
function fontObjects(doc: PDFDocument, font: PDFFont) {
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
  return { type0, cidFont, descriptor };
}

function streamIn(dict: PDFDict, key: string): PDFRawStream {
  const stream = dict.lookup(PDFName.of(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`/${key} is not a stream`);
  return stream;
}
const numberIn = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key), PDFNumber).asNumber();
const plain = (object: PDFObject | undefined): unknown =>
  object instanceof PDFArray ? object.asArray().map(plain) : object instanceof PDFNumber ? object.asNumber() : object?.toString();

describe('pdf-lib internals our font code relies on', () => {
  it('embedFont(bytes, { subset: true }) wraps the registered fontkit\'s create(bytes) in a CustomFontSubsetEmbedder', async () => {
    const doc = await PDFDocument.create();
    const created: unknown[] = [];
    const create = trueTypeFontkit.create as (bytes: Uint8Array) => unknown;
    doc.registerFontkit({ create: (bytes: Uint8Array) => { created.push(create(bytes)); return created.at(-1); } } as unknown as typeof trueTypeFontkit);
    const embedder = embedderOf(await doc.embedFont(fonts.regular, { subset: true }));
    expect((embedder as object) instanceof CustomFontSubsetEmbedder && embedder.font === created[0] && embedder.subset instanceof TrueTypeSubset,
      'pdf-lib no longer embeds a subset font as CustomFontSubsetEmbedder over fontkit.create(bytes) and its createSubset(): trueTypeFontkit (truetype.ts) would not be used').toBe(true);
  });

  it('PDFFont.encodeText writes each glyph of font.layout(text).glyphs as the id that subset.includeGlyph(glyph) returns', async () => {
    const { styles } = await blankDocument();
    expect(styles.body.font.encodeText(TEXT).toString(),
      'pdf-lib no longer encodes text as 4 hex digits per glyph id from TrueTypeSubset.includeGlyph (truetype.ts numbers glyphs from 1 in the order drawn)').toBe('<0001000200030001>');
  });

  it('PDFFont.widthOfTextAtSize sums the advanceWidth of font.layout(text).glyphs, as measureText (page-writer.ts) assumes', async () => {
    const { styles } = await blankDocument();
    expect(styles.body.font.widthOfTextAtSize('AB', 10),
      'pdf-lib no longer measures text as the sum of the layout glyphs\' advanceWidth: measureText and word wrapping would disagree with pdf-lib').toBeCloseTo((advance('A') + advance('B')) * 10 / regular.unitsPerEm, 9);
  });

  it('PDFFont.heightAtSize(size, { descender: false }) is the ascent of the font object, where PageWriter puts the baseline', async () => {
    const { styles } = await blankDocument();
    expect(styles.body.font.heightAtSize(10, { descender: false }),
      'pdf-lib no longer derives the font height from the font object\'s ascent/descent/bbox as before: baselines would move').toBeCloseTo(regular.ascent * 10 / regular.unitsPerEm, 9);
  });

  it('the FontDescriptor takes italicAngle, ascent, descent, capHeight, xHeight and bbox from the font object', async () => {
    const { doc, font } = await savedDocumentWithText();
    const { descriptor } = fontObjects(doc, font);
    expect({
      ItalicAngle: numberIn(descriptor, 'ItalicAngle'),
      Ascent: numberIn(descriptor, 'Ascent'),
      Descent: numberIn(descriptor, 'Descent'),
      CapHeight: numberIn(descriptor, 'CapHeight'),
      XHeight: numberIn(descriptor, 'XHeight'),
      FontBBox: plain(descriptor.get(PDFName.of('FontBBox'))),
    }, 'pdf-lib no longer reads these metrics from the font object (PdfLibFont in truetype.ts) under these names').toEqual({
      ItalicAngle: regular.italicAngle,
      Ascent: regular.ascent * scale,
      Descent: regular.descent * scale,
      CapHeight: regular.capHeight * scale,
      XHeight: regular.xHeight * scale,
      FontBBox: [regular.bbox.minX * scale, regular.bbox.minY * scale, regular.bbox.maxX * scale, regular.bbox.maxY * scale],
    });
  });

  it('the FontDescriptor Flags come from post.isFixedPitch, head.macStyle.italic and OS/2 sFamilyClass of the font object', async () => {
    const doc = await PDFDocument.create();
    const create = trueTypeFontkit.create as (bytes: Uint8Array) => object;
    doc.registerFontkit({
      create: (bytes: Uint8Array) => Object.assign(create(bytes), { post: { isFixedPitch: true }, head: { macStyle: { italic: true } }, 'OS/2': { sFamilyClass: 10 } }),
    } as unknown as typeof trueTypeFontkit);
    const font = await doc.embedFont(fonts.regular, { subset: true });
    font.encodeText('A');
    await doc.save();
    // Fixed pitch (bit 1), symbolic (bit 3), script (bit 4, family class 10), italic (bit 7).
    expect(numberIn(fontObjects(doc, font).descriptor, 'Flags'),
      'pdf-lib no longer derives the font flags from post.isFixedPitch, head.macStyle.italic and OS/2.sFamilyClass, the shapes PdfLibFont (truetype.ts) provides').toBe(1 + 4 + 8 + 64);
  });

  it('a subset whose cff is false is embedded as CIDFontType2, with the bytes its encodeStream() emits as FontFile2', async () => {
    const { doc, font } = await savedDocumentWithText();
    const { cidFont, descriptor } = fontObjects(doc, font);
    const program = inflateSync(streamIn(descriptor, 'FontFile2').contents);
    const subset = embedderOf(font).subset as TrueTypeSubset;
    expect({ subtype: cidFont.get(PDFName.of('Subtype'))?.toString(), sameProgram: program.equals(subset.encode()) },
      'pdf-lib no longer writes the font program from subset.encodeStream() (data, then end) into FontFile2, or reads subset.cff differently').toEqual({ subtype: '/CIDFontType2', sameProgram: true });
  });

  it('the ToUnicode map pairs each glyph\'s subset id with its codePoints', async () => {
    const { doc, font } = await savedDocumentWithText();
    const toUnicode = inflateSync(streamIn(fontObjects(doc, font).type0, 'ToUnicode').contents).toString('latin1');
    expect(toUnicode,
      'pdf-lib no longer builds ToUnicode from the layout glyphs\' codePoints under their subset ids: copied text would not match what was drawn').toMatch(/<0001> <0041>\s+<0002> <0042>\s+<0003> <0020>/);
  });

  it('the widths (W) list each glyph\'s advanceWidth under its subset id', async () => {
    const { doc, font } = await savedDocumentWithText();
    expect(plain(fontObjects(doc, font).cidFont.get(PDFName.of('W'))),
      'pdf-lib no longer writes W from the layout glyphs\' advanceWidth under their subset ids').toEqual([1, [advance('A') * scale, advance('B') * scale, advance(' ') * scale]]);
  });

  it('PDFPageLeaf.newFontDictionary(tag, ref) adds the font to the page\'s Font resources under a new name each call', async () => {
    const { doc, styles } = await blankDocument();
    const page = doc.getPages()[0]!;
    const { font } = styles.body;
    const first = page.node.newFontDictionary(font.name, font.ref);
    const second = page.node.newFontDictionary(font.name, font.ref);
    const resources = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    expect({ distinct: first !== second, first: resources.get(first), second: resources.get(second) },
      'pdf-lib\'s PDFPageLeaf.newFontDictionary no longer registers the font under a fresh name in the page\'s /Resources /Font (drawTextLine relies on it)').toEqual({ distinct: true, first: font.ref, second: font.ref });
  });

  it('drawLinesOfText emits q BT rg Tf TL Tm, Tj T* per line, ET Q, with the font name and size given', () => {
    const operators = drawLinesOfText([PDFHexString.of('0001')], {
      color: rgb(0.1, 0.2, 0.3), font: PDFName.of('F1'), size: 9, lineHeight: 9, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0), x: 10, y: 20,
    });
    expect(operators.map((operator) => operator.toString()),
      'pdf-lib\'s drawLinesOfText (used by drawTextLine in page-writer.ts) takes other options or emits other operators').toEqual(['q', 'BT', '0.1 0.2 0.3 rg', '/F1 9 Tf', '9 TL', '1 0 0 1 10 20 Tm', '<0001> Tj', 'T*', 'ET', 'Q']);
  });

  it('PDFPageLeaf.addAnnot(ref) appends the reference to the page\'s Annots', async () => {
    const { doc, styles } = await blankDocument();
    const page = doc.getPages()[0]!;
    addUriLink([{ page, x: 60, baseline: 700, width: 100, style: styles.body }], 'https://signing.example.eu/verify/cmt_1');
    const annotations = page.node.Annots()?.asArray() ?? [];
    expect(annotations.length === 1 && annotations[0] instanceof PDFRef,
      'pdf-lib\'s PDFPageLeaf.addAnnot no longer appends a reference to the page\'s /Annots (addUriLink relies on it)').toBe(true);
  });

  it('PDFContext.obj makes names, arrays and dictionaries of a plain object, and register() returns its reference', async () => {
    const { doc, styles } = await blankDocument();
    const page = doc.getPages()[0]!;
    addUriLink([{ page, x: 60, baseline: 700, width: 100, style: styles.body }], 'https://signing.example.eu/verify/cmt_1');
    const link = doc.context.lookup(page.node.Annots()!.get(0), PDFDict);
    const action = link.lookup(PDFName.of('A'), PDFDict);
    expect({ subtype: plain(link.get(PDFName.of('Subtype'))), border: plain(link.get(PDFName.of('Border'))), action: plain(action.get(PDFName.of('S'))), uri: action.get(PDFName.of('URI')) instanceof PDFHexString },
      'pdf-lib\'s PDFContext.obj/register no longer turn addUriLink\'s literal into a link annotation').toEqual({ subtype: '/Link', border: [0, 0, 0], action: '/URI', uri: true });
  });

  it('every stream pdf-lib compresses goes through deflate on pako\'s shared exports, which native-deflate.ts replaces', async () => {
    const { doc, styles } = await blankDocument();
    drawTextLine(doc.getPages()[0]!, TEXT, styles.body, 60, 700);
    const installed = pako.deflate;
    let calls = 0;
    pako.deflate = (data: Uint8Array) => {
      calls += 1;
      return installed(data);
    };
    try {
      await doc.save();
    } finally {
      pako.deflate = installed;
    }
    expect(calls, 'pdf-lib no longer calls deflate on the pako module that functions/pdf/native-deflate.ts patches (another pako copy or another compressor): streams are compressed in JavaScript again').toBeGreaterThan(0);
  });
});
