import { PDFDocument, PDFFont, PDFHexString, PDFPage, PageSizes, degrees, drawLinesOfText, type Color, type PDFName } from 'pdf-lib';

export interface TextStyle {
  font: PDFFont;
  size: number;
  color: Color;
  /** Distance between consecutive baselines. */
  leading: number;
}

export interface DrawnLine {
  page: PDFPage;
  x: number;
  baseline: number;
  width: number;
  style: TextStyle;
}

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const [A4_WIDTH, A4_HEIGHT] = PageSizes.A4;

export const A4_GEOMETRY: PageGeometry = {
  width: A4_WIDTH,
  height: A4_HEIGHT,
  margin: { top: 64, right: 60, bottom: 72, left: 60 },
};

/**
 * Flows text down A4 pages, opening a new page whenever the next line would cross the bottom margin.
 * All text goes through `printable` so that no string reaches a font that cannot draw it.
 */
export class PageWriter {
  private page: PDFPage;
  private cursorY = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly printable: (text: string) => string,
    readonly geometry: PageGeometry = A4_GEOMETRY,
  ) {
    this.page = this.addPage();
  }

  get contentLeft(): number {
    return this.geometry.margin.left;
  }

  get contentWidth(): number {
    return this.geometry.width - this.geometry.margin.left - this.geometry.margin.right;
  }

  /** Moves the cursor down; a gap that reaches the bottom margin simply ends the page. */
  skip(height: number): void {
    this.cursorY -= height;
  }

  /** Starts a new page unless `height` more points still fit on this one (keeps headings with their text). */
  keepTogether(height: number): void {
    if (this.cursorY - height < this.geometry.margin.bottom) this.page = this.addPage();
  }

  /** Draws text wrapped to `width`; newlines start new lines and blank lines separate paragraphs. */
  text(text: string, style: TextStyle, x = this.contentLeft, width = this.contentWidth): DrawnLine[] {
    const drawn: DrawnLine[] = [];
    for (const sourceLine of text.split(/\r\n|\r|\n/)) {
      const printableLine = this.printable(sourceLine);
      if (printableLine.trim() === '') {
        this.skip(style.leading / 2);
        continue;
      }
      for (const line of wrapLine(printableLine, style, width)) drawn.push(this.line(line, style, x));
    }
    return drawn;
  }

  /** A label in a fixed column to the left of a wrapped value, both starting on the same baseline. */
  labelled(
    label: string,
    labelStyle: TextStyle,
    labelWidth: number,
    value: string,
    valueStyle: TextStyle,
    labelIndent = 0,
  ): DrawnLine[] {
    this.keepTogether(valueStyle.leading);
    const rowTop = this.cursorY;
    this.drawAt(this.printable(label), labelStyle, this.contentLeft + labelIndent, this.baselineBelow(rowTop, valueStyle));
    const lines = this.text(value, valueStyle, this.contentLeft + labelWidth, this.contentWidth - labelWidth);
    // An empty value still takes its row, so that the next label does not overprint this one.
    if (lines.length === 0) this.cursorY = rowTop - valueStyle.leading;
    return lines;
  }

  rule(color: Color, thickness = 0.75): void {
    this.keepTogether(thickness);
    const y = this.cursorY;
    this.page.drawLine({
      start: { x: this.contentLeft, y },
      end: { x: this.contentLeft + this.contentWidth, y },
      thickness,
      color,
    });
  }

  /** True when `height` more points fit above the bottom margin of this page. */
  fits(height: number): boolean {
    return this.cursorY - height >= this.geometry.margin.bottom;
  }

  /** Ends the current page; what follows starts at the top of a new one. */
  newPage(): void {
    this.page = this.addPage();
  }

  /** Reserves `height` points (on a new page if they do not fit here) and draws into them; `top` is their upper edge. */
  block(height: number, draw: (page: PDFPage, top: number) => void): void {
    this.keepTogether(height);
    draw(this.page, this.cursorY);
    this.cursorY -= height;
  }

  /**
   * Runs `write` and marks what it wrote with a vertical bar in the left margin, `inset` points from the text.
   * Keep what `write` writes on one page (keepTogether first); a bar is drawn on the page it ends on only.
   */
  markInMargin(write: () => void, color: Color, inset = 8, thickness = 2.5): void {
    const startPage = this.page;
    const top = this.cursorY;
    write();
    const bottom = this.cursorY;
    const x = this.contentLeft - inset;
    this.page.drawLine({ start: { x, y: this.page === startPage ? top : this.geometry.height - this.geometry.margin.top }, end: { x, y: bottom }, thickness, color });
  }

  /** Draws on the current line without moving the cursor, e.g. a check box beside a line of text. */
  decorateNextLine(style: TextStyle, draw: (page: PDFPage, baseline: number) => void): void {
    this.keepTogether(style.leading);
    draw(this.page, this.baselineBelow(this.cursorY, style));
  }

  /** Calls `draw` for every page once the content is complete, e.g. for "page n of N" footers. */
  forEachPage(draw: (page: PDFPage, pageNumber: number, pageCount: number) => void): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => draw(page, index + 1, pages.length));
  }

  private line(text: string, style: TextStyle, x: number): DrawnLine {
    this.keepTogether(style.leading);
    const baseline = this.baselineBelow(this.cursorY, style);
    this.drawAt(text, style, x, baseline);
    this.cursorY -= style.leading;
    return { page: this.page, x, baseline, width: measureText(text, style), style };
  }

  private drawAt(text: string, style: TextStyle, x: number, baseline: number): void {
    drawTextLine(this.page, text, style, x, baseline);
  }

  /** Places the baseline so that the glyphs' ascent fits between `top` and the baseline. */
  private baselineBelow(top: number, style: TextStyle): number {
    return top - style.font.heightAtSize(style.size, { descender: false });
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([this.geometry.width, this.geometry.height]);
    this.cursorY = this.geometry.height - this.geometry.margin.top;
    return page;
  }
}

const fontKeysByPage = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/**
 * Draws one line of text with its baseline starting at (x, y), as `page.drawText` does, but names each font
 * once per page: drawText adds a new name for its font to the page's resources on every call, and another
 * to restore the previous font, so a page of text listed the same two fonts dozens of times.
 */
export function drawTextLine(page: PDFPage, text: string, style: Pick<TextStyle, 'font' | 'size' | 'color'>, x: number, y: number): void {
  let keys = fontKeysByPage.get(page);
  if (!keys) fontKeysByPage.set(page, (keys = new Map()));
  let key = keys.get(style.font);
  if (!key) keys.set(style.font, (key = page.node.newFontDictionary(style.font.name, style.font.ref)));
  page.pushOperators(...drawLinesOfText([style.font.encodeText(text)], {
    color: style.color,
    font: key,
    size: style.size,
    lineHeight: style.size,
    rotate: degrees(0),
    xSkew: degrees(0),
    ySkew: degrees(0),
    x,
    y,
  }));
}

/** Adds a clickable URI link over already drawn lines (a wrapped URL gets one link area per line). */
export function addUriLink(lines: DrawnLine[], uri: string): void {
  for (const { page, x, baseline, width, style } of lines) {
    const descent = style.size * 0.25;
    const context = page.doc.context;
    const link = context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, baseline - descent, x + width, baseline + style.size],
      Border: [0, 0, 0],
      // Print flag: PDF/A wants every annotation printable.
      F: 4,
      // A hex string needs no escaping, whatever characters the URI contains.
      A: { Type: 'Action', S: 'URI', URI: PDFHexString.of(Buffer.from(uri, 'utf8').toString('hex')) },
    });
    page.node.addAnnot(context.register(link));
  }
}

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrapLine(text: string, style: TextStyle, maxWidth: number): string[] {
  const widthOf = (s: string) => measureText(s, style);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    for (const piece of breakOverlongWord(word, widthOf, maxWidth)) {
      const candidate = current === '' ? piece : `${current} ${piece}`;
      if (current !== '' && widthOf(candidate) > maxWidth) {
        lines.push(current);
        current = piece;
      } else {
        current = candidate;
      }
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function breakOverlongWord(word: string, widthOf: (s: string) => number, maxWidth: number): string[] {
  if (widthOf(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && widthOf(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

const unitWidthsByFont = new WeakMap<PDFFont, Map<string, number>>();

/**
 * Same result as `font.widthOfTextAtSize`, which runs a full OpenType layout on every call (wrapping a long
 * declaration that way took over a second). With the fonts embedded one glyph per character, and pdf-lib
 * summing glyph advances without kerning, a text's width is the sum of its characters' widths.
 */
export function measureText(text: string, style: TextStyle): number {
  let unitWidths = unitWidthsByFont.get(style.font);
  if (!unitWidths) unitWidthsByFont.set(style.font, (unitWidths = new Map()));
  let width = 0;
  for (const char of text) {
    let unitWidth = unitWidths.get(char);
    if (unitWidth === undefined) {
      unitWidth = style.font.widthOfTextAtSize(char, 1);
      unitWidths.set(char, unitWidth);
    }
    width += unitWidth;
  }
  return width * style.size;
}
