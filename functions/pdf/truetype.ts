import { Readable } from 'node:stream';
import type { PDFDocument } from 'pdf-lib';

/**
 * The TrueType fonts our documents embed, read without fontkit.
 *
 * Our layout draws one glyph per character (see LAYOUT_FEATURES in typesetting.ts) and pdf-lib ignores glyph
 * positioning, so all that text needs from a font is its character map, its advance widths and, to embed a
 * subset, its glyph records. Reading just that keeps fontkit (about 900 KB, mostly OpenType shaping we switch
 * off) out of the bundles. A parsed font never changes afterwards, so one parse per process serves every
 * document; each document gets its own subset.
 */
export class TrueTypeFont {
  private static readonly parsed = new WeakMap<Uint8Array, TrueTypeFont>();

  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly isItalic: boolean;
  readonly isFixedPitch: boolean;
  /** IBM font class (OS/2 sFamilyClass): 1-7 are serif families, 10 scripts. */
  readonly familyClass: number;
  readonly glyphCount: number;

  private readonly view: DataView;
  private readonly tables: ReadonlyMap<string, { offset: number; length: number }>;
  private readonly glyphIdByCodePoint: ReadonlyMap<number, number>;
  private readonly glyphOffsets: readonly number[];
  private readonly advanceWidths: Uint16Array;
  private readonly leftSideBearings: Int16Array;

  /** The font in these bytes, parsed on first use; later calls with the same array reuse it. */
  static of(bytes: Uint8Array): TrueTypeFont {
    let font = TrueTypeFont.parsed.get(bytes);
    if (!font) TrueTypeFont.parsed.set(bytes, (font = new TrueTypeFont(bytes)));
    return font;
  }

  private constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = this.view.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) {
      throw new Error('not a TrueType font: only glyf-based TrueType fonts can be embedded (no CFF, WOFF or collections)');
    }
    const tables = new Map<string, { offset: number; length: number }>();
    for (let index = 0, count = this.view.getUint16(4); index < count; index++) {
      const record = 12 + 16 * index;
      tables.set(this.tag(record), { offset: this.view.getUint32(record + 8), length: this.view.getUint32(record + 12) });
    }
    this.tables = tables;

    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.bbox = { minX: this.view.getInt16(head + 36), minY: this.view.getInt16(head + 38), maxX: this.view.getInt16(head + 40), maxY: this.view.getInt16(head + 42) };
    this.isItalic = (this.view.getUint16(head + 44) & 0x2) !== 0;
    const longOffsets = this.view.getInt16(head + 50) === 1;

    const hhea = this.table('hhea');
    this.ascent = this.view.getInt16(hhea + 4);
    this.descent = this.view.getInt16(hhea + 6);
    const longMetrics = this.view.getUint16(hhea + 34);
    this.glyphCount = this.view.getUint16(this.table('maxp') + 4);

    const os2 = this.tables.has('OS/2') ? this.table('OS/2') : undefined;
    const os2HasHeights = os2 !== undefined && this.view.getUint16(os2) >= 2;
    this.familyClass = os2 === undefined ? 0 : this.view.getInt16(os2 + 30);
    this.xHeight = os2HasHeights ? this.view.getInt16(os2 + 86) : 0;
    this.capHeight = os2HasHeights ? this.view.getInt16(os2 + 88) : this.ascent;

    const post = this.table('post');
    this.italicAngle = this.view.getInt32(post + 4) / 65536;
    this.isFixedPitch = this.view.getUint32(post + 12) !== 0;

    this.postscriptName = this.readPostscriptName();
    this.glyphIdByCodePoint = this.readCharacterMap();

    const loca = this.table('loca');
    const glyf = this.table('glyf');
    this.glyphOffsets = Array.from({ length: this.glyphCount + 1 }, (_, index) =>
      glyf + (longOffsets ? this.view.getUint32(loca + 4 * index) : 2 * this.view.getUint16(loca + 2 * index)));

    const hmtx = this.table('hmtx');
    this.advanceWidths = new Uint16Array(this.glyphCount);
    this.leftSideBearings = new Int16Array(this.glyphCount);
    for (let id = 0; id < this.glyphCount; id++) {
      // Glyphs after the last long metric share its advance width and have only a left side bearing.
      const metric = Math.min(id, longMetrics - 1);
      this.advanceWidths[id] = this.view.getUint16(hmtx + 4 * metric);
      this.leftSideBearings[id] = id < longMetrics ? this.view.getInt16(hmtx + 4 * id + 2) : this.view.getInt16(hmtx + 4 * longMetrics + 2 * (id - longMetrics));
    }
  }

  /** Every character the font maps to a glyph. */
  get characterSet(): number[] {
    return [...this.glyphIdByCodePoint.keys()];
  }

  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.glyphIdByCodePoint.has(codePoint);
  }

  /** The glyph drawing the character; 0 (.notdef) when the font has none. */
  glyphIdForCodePoint(codePoint: number): number {
    return this.glyphIdByCodePoint.get(codePoint) ?? 0;
  }

  advanceWidth(glyphId: number): number {
    return this.advanceWidths[glyphId] ?? 0;
  }

  leftSideBearing(glyphId: number): number {
    return this.leftSideBearings[glyphId] ?? 0;
  }

  /** The glyph's record in the `glyf` table (empty for glyphs without outline, such as the space). */
  glyphRecord(glyphId: number): Uint8Array {
    const start = this.glyphOffsets[glyphId];
    const end = this.glyphOffsets[glyphId + 1];
    if (start === undefined || end === undefined) throw new Error(`glyph ${glyphId} is not in the font (${this.glyphCount} glyphs)`);
    return this.bytes.subarray(start, end);
  }

  /** A whole table, or undefined when the font has none by that tag. */
  tableBytes(tag: string): Uint8Array | undefined {
    const table = this.tables.get(tag);
    return table && this.bytes.subarray(table.offset, table.offset + table.length);
  }

  private table(tag: string): number {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`the font has no '${tag}' table`);
    return table.offset;
  }

  private tag(offset: number): string {
    return String.fromCharCode(...this.bytes.subarray(offset, offset + 4));
  }

  /** Name ID 6, from a Windows (UTF-16BE) or Macintosh (single-byte) record. */
  private readPostscriptName(): string {
    const name = this.table('name');
    const strings = name + this.view.getUint16(name + 4);
    let macintosh: string | undefined;
    for (let index = 0, count = this.view.getUint16(name + 2); index < count; index++) {
      const record = name + 6 + 12 * index;
      if (this.view.getUint16(record + 6) !== 6) continue;
      const platform = this.view.getUint16(record);
      const bytes = this.bytes.subarray(strings + this.view.getUint16(record + 10), strings + this.view.getUint16(record + 10) + this.view.getUint16(record + 8));
      if (platform === 3) return Buffer.from(bytes).swap16().toString('utf16le');
      if (platform === 1) macintosh ??= Buffer.from(bytes).toString('latin1');
    }
    return macintosh ?? 'Font';
  }

  /** The Unicode character map: format 12 (all planes) if the font has one, else format 4 (the BMP). */
  private readCharacterMap(): Map<number, number> {
    const cmap = this.table('cmap');
    const subtables = new Map<number, number>();
    for (let index = 0, count = this.view.getUint16(cmap + 2); index < count; index++) {
      const record = cmap + 4 + 8 * index;
      const platform = this.view.getUint16(record);
      const encoding = this.view.getUint16(record + 2);
      const offset = cmap + this.view.getUint32(record + 4);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (unicode) subtables.set(this.view.getUint16(offset), offset);
    }
    const full = subtables.get(12);
    if (full !== undefined) return this.readFormat12(full);
    const bmp = subtables.get(4);
    if (bmp !== undefined) return this.readFormat4(bmp);
    throw new Error('the font has no Unicode character map (cmap format 4 or 12)');
  }

  private readFormat4(offset: number): Map<number, number> {
    const map = new Map<number, number>();
    const segments = this.view.getUint16(offset + 6) / 2;
    const endCodes = offset + 14;
    const startCodes = endCodes + 2 * segments + 2;
    const deltas = startCodes + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let segment = 0; segment < segments; segment++) {
      const start = this.view.getUint16(startCodes + 2 * segment);
      const end = this.view.getUint16(endCodes + 2 * segment);
      const delta = this.view.getUint16(deltas + 2 * segment);
      const rangeOffsetAt = rangeOffsets + 2 * segment;
      const rangeOffset = this.view.getUint16(rangeOffsetAt);
      for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
        let glyphId = (codePoint + delta) & 0xffff;
        if (rangeOffset !== 0) {
          const stored = this.view.getUint16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
          glyphId = stored === 0 ? 0 : (stored + delta) & 0xffff;
        }
        if (glyphId !== 0) map.set(codePoint, glyphId);
      }
    }
    return map;
  }

  private readFormat12(offset: number): Map<number, number> {
    const map = new Map<number, number>();
    for (let group = 0, count = this.view.getUint32(offset + 12); group < count; group++) {
      const record = offset + 16 + 12 * group;
      const start = this.view.getUint32(record);
      const end = this.view.getUint32(record + 4);
      const firstGlyph = this.view.getUint32(record + 8);
      for (let codePoint = start; codePoint <= end; codePoint++) {
        if (firstGlyph + codePoint - start !== 0) map.set(codePoint, firstGlyph + codePoint - start);
      }
    }
    return map;
  }
}

/** A glyph as pdf-lib's subset embedder handles it: the id in the full font and the characters it draws. */
export interface LaidOutGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

/** Flags of composite glyph components (OpenType `glyf` table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Tables the font program of a PDF TrueType font needs (PDF 2.0, 9.9); hinting tables when the font has them. */
const SUBSET_TABLES = ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cvt ', 'fpgm', 'prep'] as const;

/**
 * The glyphs one document draws, renumbered from 1 in the order first drawn (0 stays .notdef), and the
 * TrueType font program holding only them, plus the components of composite glyphs (ώ is built from ω and
 * an accent).
 */
export class TrueTypeSubset {
  /** Read by pdf-lib: a TrueType subset is embedded as FontFile2, not as CFF. */
  readonly cff = false;
  private readonly glyphIds: number[] = [];
  private readonly subsetIdByGlyphId = new Map<number, number>();

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, adding it if it is new. */
  includeGlyph(glyph: number | LaidOutGlyph): number {
    const glyphId = typeof glyph === 'number' ? glyph : glyph.id;
    let subsetId = this.subsetIdByGlyphId.get(glyphId);
    if (subsetId === undefined) {
      subsetId = this.glyphIds.push(glyphId) - 1;
      this.subsetIdByGlyphId.set(glyphId, subsetId);
    }
    return subsetId;
  }

  /** The font program, as pdf-lib reads it from fontkit: one 'data' event, then 'end'. */
  encodeStream(): Readable {
    return Readable.from([this.encode()]);
  }

  encode(): Uint8Array {
    const records: Uint8Array[] = [];
    // Composite glyphs add their components to the end of the list while it is walked.
    for (let index = 0; index < this.glyphIds.length; index++) records.push(this.recordWithSubsetIds(this.glyphIds[index]!));

    // Records padded to 4 bytes keep every offset even, as the short `loca` format (offset / 2) requires.
    const padded = records.map((record) => record.length + ((4 - (record.length % 4)) % 4));
    const glyf = new Uint8Array(padded.reduce((sum, length) => sum + length, 0));
    const offsets = [0];
    records.forEach((record, index) => {
      glyf.set(record, offsets[index]!);
      offsets.push(offsets[index]! + padded[index]!);
    });
    const shortOffsets = glyf.length / 2 <= 0xffff;
    const loca = new DataView(new ArrayBuffer(offsets.length * (shortOffsets ? 2 : 4)));
    offsets.forEach((offset, index) => (shortOffsets ? loca.setUint16(2 * index, offset / 2) : loca.setUint32(4 * index, offset)));

    const hmtx = new DataView(new ArrayBuffer(4 * this.glyphIds.length));
    this.glyphIds.forEach((glyphId, index) => {
      hmtx.setUint16(4 * index, this.font.advanceWidth(glyphId));
      hmtx.setInt16(4 * index + 2, this.font.leftSideBearing(glyphId));
    });

    const head = this.copyOfTable('head');
    head.setUint32(8, 0); // checkSumAdjustment, set once the whole font is laid out
    head.setInt16(50, shortOffsets ? 0 : 1);
    const hhea = this.copyOfTable('hhea');
    hhea.setUint16(34, this.glyphIds.length);
    const maxp = this.copyOfTable('maxp');
    maxp.setUint16(4, this.glyphIds.length);

    const tables = new Map<string, Uint8Array>([
      ['head', bytesOf(head)],
      ['hhea', bytesOf(hhea)],
      ['maxp', bytesOf(maxp)],
      ['hmtx', bytesOf(hmtx)],
      ['loca', bytesOf(loca)],
      ['glyf', glyf],
    ]);
    for (const tag of SUBSET_TABLES) {
      const bytes = tables.has(tag) ? undefined : this.font.tableBytes(tag);
      if (bytes) tables.set(tag, bytes);
    }
    return writeFont(tables);
  }

  /** A glyph's record, its components renumbered to their ids in this subset. */
  private recordWithSubsetIds(glyphId: number): Uint8Array {
    const original = this.font.glyphRecord(glyphId);
    if (original.length === 0 || new DataView(original.buffer, original.byteOffset, original.byteLength).getInt16(0) >= 0) return original;
    const record = original.slice();
    const view = new DataView(record.buffer);
    let offset = 10;
    let flags: number;
    do {
      flags = view.getUint16(offset);
      view.setUint16(offset + 2, this.includeGlyph(view.getUint16(offset + 2)));
      offset += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) offset += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) offset += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) offset += 8;
    } while (flags & MORE_COMPONENTS);
    return record;
  }

  private copyOfTable(tag: string): DataView {
    const bytes = this.font.tableBytes(tag);
    if (!bytes) throw new Error(`the font has no '${tag}' table`);
    return new DataView(bytes.slice().buffer);
  }
}

function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** An sfnt file: the table directory (tags in ascending order), then each table 4-byte aligned, with checksums. */
function writeFont(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const directoryLength = 12 + 16 * tags.length;
  const alignedLength = (length: number) => length + ((4 - (length % 4)) % 4);
  const total = tags.reduce((sum, tag) => sum + alignedLength(tables.get(tag)!.length), directoryLength);
  const font = new Uint8Array(total);
  const view = new DataView(font.buffer);
  const searchPower = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, searchPower * 16);
  view.setUint16(8, Math.log2(searchPower));
  view.setUint16(10, tags.length * 16 - searchPower * 16);
  let offset = directoryLength;
  let headOffset = 0;
  tags.forEach((tag, index) => {
    const bytes = tables.get(tag)!;
    font.set(bytes, offset);
    const record = 12 + 16 * index;
    for (let char = 0; char < 4; char++) view.setUint8(record + char, tag.charCodeAt(char));
    view.setUint32(record + 4, checksum(view, offset, alignedLength(bytes.length)));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    if (tag === 'head') headOffset = offset;
    offset += alignedLength(bytes.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(view, 0, total)) >>> 0);
  return font;
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  for (let at = offset; at < offset + length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * What pdf-lib's subsetting embedder (`embedFont(bytes, { subset: true })`) reads from the font fontkit would
 * return: metrics for the font descriptor, flags, `layout` for encoding and measuring text, and `createSubset`.
 */
class PdfLibFont {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: TrueTypeFont['bbox'];
  readonly head: { macStyle: { italic: boolean } };
  readonly post: { isFixedPitch: boolean };
  readonly 'OS/2': { sFamilyClass: number };

  constructor(private readonly font: TrueTypeFont) {
    ({ postscriptName: this.postscriptName, unitsPerEm: this.unitsPerEm, ascent: this.ascent, descent: this.descent } = font);
    ({ capHeight: this.capHeight, xHeight: this.xHeight, italicAngle: this.italicAngle, bbox: this.bbox } = font);
    this.head = { macStyle: { italic: font.isItalic } };
    this.post = { isFixedPitch: font.isFixedPitch };
    this['OS/2'] = { sFamilyClass: font.familyClass };
  }

  /**
   * One glyph per character, in order, and no OpenType substitution or positioning. pdf-lib derives the text
   * that viewers copy and search (the ToUnicode map) from the glyphs, so a ligature would turn "fi" into
   * U+FB01; with one glyph per character, names come back from the PDF exactly as they were typed. pdf-lib
   * ignores glyph positions when drawing, so kerning and mark placement would change nothing.
   */
  layout(text: string): { glyphs: LaidOutGlyph[] } {
    const glyphs: LaidOutGlyph[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const id = this.font.glyphIdForCodePoint(codePoint);
      glyphs.push({ id, advanceWidth: this.font.advanceWidth(id), codePoints: [codePoint] });
    }
    return { glyphs };
  }

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this.font);
  }
}

/**
 * Register with `doc.registerFontkit` to embed TrueType subsets through `TrueTypeFont`. pdf-lib types the
 * port with fontkit's whole API; its subsetting embedder calls only what PdfLibFont has.
 */
export const trueTypeFontkit = { create: (bytes: Uint8Array) => new PdfLibFont(TrueTypeFont.of(bytes)) } as unknown as PdfLibFontkit;
