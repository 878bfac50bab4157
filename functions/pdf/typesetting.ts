import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { messagesFor, type Messages } from '../../templates/i18n';
import { makeArchival, subsetTag, type ArchivalIdentity } from './archival';
import { loadFonts, type FontBytes } from './fonts';
import './native-deflate';
import { PageWriter, drawTextLine, measureText, type TextStyle } from './page-writer';
import { createPrintableText, type MissingGlyphListener } from './printable-text';
import { TrueTypeFont, trueTypeFontkit } from './truetype';

/** What every document we print shares: fonts, styles, wording, headings, label rows and footers. */

/** The wording of our documents, in the language of the declaration version they carry. */
export type DocumentLabels = Messages['document'];

export interface RenderOptions {
  /** Called once for each distinct character that no embedded font can draw (it is printed as U+FFFD). */
  onMissingGlyph?: MissingGlyphListener;
}

export const COLORS = {
  ink: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  accent: rgb(0, 0.2, 0.6), // EU flag blue
  rule: rgb(0.75, 0.78, 0.85),
};

export const LABEL_COLUMN_WIDTH = 120;

export interface Styles {
  brand: TextStyle;
  title: TextStyle;
  heading: TextStyle;
  body: TextStyle;
  digest: TextStyle;
  status: TextStyle;
  label: TextStyle;
  small: TextStyle;
}

export interface Typesetting {
  readonly doc: PDFDocument;
  readonly styles: Styles;
  readonly writer: PageWriter;
  readonly labels: DocumentLabels;
  /** The whole catalog of the document's language (category names, for one). */
  readonly messages: Messages;
}

/** A category by its name in the document's language when its id is one we know, else `fallback`. */
export function categoryName(messages: Messages, id: string, fallback = id): string {
  return (messages.categories as Readonly<Record<string, string>>)[id] ?? fallback;
}

/** What a document says about itself in its metadata; the rest of its archival identity is ours. */
export type DocumentIdentity = Pick<ArchivalIdentity, 'documentId' | 'title' | 'subject' | 'language' | 'createdAt'>;

/**
 * A new A4 PDF/A-3b document in the language of its declaration version, with the embedded, subset Noto
 * Sans fonts and a writer that flows text down its pages.
 */
export async function startDocument(identity: (labels: DocumentLabels) => DocumentIdentity, language: string, options: RenderOptions = {}): Promise<Typesetting> {
  const messages = messagesFor(language);
  const labels = messages.document;
  const described = identity(labels);
  const fontBytes = loadFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  makeArchival(doc, { ...described, author: labels.authority, creator: labels.product, producer: labels.product });
  const styles = createStyles(await embedFonts(doc, fontBytes, described.documentId));
  const writer = new PageWriter(doc, createPrintableText(glyphCoverage(fontBytes), options.onMissingGlyph));
  return { doc, styles, writer, labels, messages };
}

/** "2026-11-26T13:00:00+01:00" becomes "2026-11-26 12:00:00 UTC": one unambiguous zone for every reader. */
export function formatUtc(isoTimestamp: string, field = 'timestamp'): string {
  const date = new Date(isoTimestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(isoTimestamp) || Number.isNaN(date.getTime())) {
    throw new Error(`${field} is not an ISO 8601 timestamp: ${JSON.stringify(isoTimestamp)}`);
  }
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Subsets, named as PDF names them: a six-letter tag, a plus sign and the font's PostScript name. */
async function embedFonts(doc: PDFDocument, fonts: FontBytes, documentId: string): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(trueTypeFontkit);
  const embed = (bytes: Uint8Array) => {
    const name = TrueTypeFont.of(bytes).postscriptName;
    return doc.embedFont(bytes, { subset: true, customName: `${subsetTag(documentId, name)}+${name}` });
  };
  const [regular, bold] = await Promise.all([embed(fonts.regular), embed(fonts.bold)]);
  return { regular, bold };
}

const coverageByFonts = new WeakMap<FontBytes, ReadonlySet<number>>();

/** Characters that both the regular and the bold font can draw. */
function glyphCoverage(fonts: FontBytes): ReadonlySet<number> {
  let coverage = coverageByFonts.get(fonts);
  if (!coverage) {
    const bold = TrueTypeFont.of(fonts.bold);
    coverage = new Set(TrueTypeFont.of(fonts.regular).characterSet.filter((codePoint) => bold.hasGlyphForCodePoint(codePoint)));
    coverageByFonts.set(fonts, coverage);
  }
  return coverage;
}

function createStyles(fonts: { regular: PDFFont; bold: PDFFont }): Styles {
  const style = (font: PDFFont, size: number, color = COLORS.ink, leading = size * 1.4): TextStyle => ({
    font,
    size,
    color,
    leading,
  });
  return {
    brand: style(fonts.bold, 9, COLORS.accent),
    title: style(fonts.bold, 18, COLORS.ink, 24),
    heading: style(fonts.bold, 12.5, COLORS.accent),
    body: style(fonts.regular, 10.5),
    digest: style(fonts.regular, 9, COLORS.ink, 10.5 * 1.4),
    status: style(fonts.bold, 9),
    label: style(fonts.regular, 9, COLORS.muted, 10.5 * 1.4),
    small: style(fonts.regular, 8.5, COLORS.muted),
  };
}

/** `keepWithHeading` is how much of what follows must fit on the heading's page. */
export function writeHeading(writer: PageWriter, styles: Styles, heading: string, keepWithHeading = 3 * styles.body.leading): void {
  writer.skip(14);
  writer.keepTogether(styles.heading.leading + keepWithHeading);
  writer.text(heading, styles.heading);
  writer.skip(2);
}

export function writeRows(writer: PageWriter, styles: Styles, rows: [string, string][]): void {
  for (const [label, value] of rows) {
    writer.labelled(label, styles.label, LABEL_COLUMN_WIDTH, value, styles.body);
    writer.skip(1);
  }
}

/**
 * The head of every document we seal: what it is, then what identifies the text it carries (title,
 * version, language and the SHA-256 of the text).
 */
export function writeTextIdentity(
  writer: PageWriter,
  styles: Styles,
  labels: DocumentLabels,
  documentKind: string,
  declaration: { readonly title: string; readonly version: string; readonly language: string; readonly textSha256: string },
): void {
  writer.text(`${labels.product.toLocaleUpperCase(declaration.language)}  ·  ${documentKind}`, styles.brand);
  writer.skip(6);
  writer.text(declaration.title, styles.title);
  writer.skip(6);
  writeRows(writer, styles, [
    [labels.version, declaration.version],
    [labels.language, declaration.language],
  ]);
  // Smaller than body text so that the 64 hex digits stay on one line, easy to select and compare.
  writer.labelled(labels.textSha256, styles.label, LABEL_COLUMN_WIDTH, declaration.textSha256.toLowerCase(), styles.digest);
  writer.skip(1);
}

export function writeFooters(writer: PageWriter, styles: Styles, labels: DocumentLabels, documentId: string): void {
  const { margin, width } = writer.geometry;
  const baseline = margin.bottom - 30;
  const print = (page: PDFPage, text: string, x: number) => drawTextLine(page, text, styles.small, x, baseline);
  writer.forEachPage((page, pageNumber, pageCount) => {
    print(page, writer.printable(`${labels.product}  ·  ${labels.footerDocument(documentId)}`), margin.left);
    const pageLabel = writer.printable(labels.page(pageNumber, pageCount));
    print(page, pageLabel, width - margin.right - measureText(pageLabel, styles.small));
  });
}
