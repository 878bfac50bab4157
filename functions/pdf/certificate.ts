import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont, PDFPage, rgb, type EmbedFontOptions } from 'pdf-lib';
import { loadFonts, type FontBytes } from './fonts';
import { subsetSafeFontkit } from './subset-safe-fontkit';
import { PageWriter, addUriLink, measureText, type TextStyle } from './page-writer';
import { createPrintableText, type MissingGlyphListener } from './printable-text';

export interface CertificateInput {
  /** The commitment id. */
  documentId: string;
  /** `textSha256` is the hex SHA-256 of the UTF-8 bytes of `text`. */
  declaration: { id: string; title: string; version: string; language: string; text: string; textSha256: string };
  category: { id: string; label: string };
  commitments: { id: string; text: string; required: boolean; accepted: boolean }[];
  organisation: { name: string; country: string };
  /** `signedAt` is an ISO 8601 timestamp. */
  signer: { name: string; title: string; email: string; signedAt: string };
  /** `countersignedAt` is an ISO 8601 timestamp. */
  countersignature: { name: string; title: string; countersignedAt: string };
  verificationUrl: string;
}

export interface RenderOptions {
  /** Called once for each distinct character that no embedded font can draw (it is printed as U+FFFD). */
  onMissingGlyph?: MissingGlyphListener;
}

const AUTHORITY = 'European Commission';
const PRODUCT = 'European Ports Alliance';

/**
 * OpenType features for laying out text, chosen for two reasons.
 *
 * Substitutions (ligatures, contextual forms, glyph composition) draw several characters as one glyph, or a
 * character with another character's glyph, and pdf-lib derives the text that viewers copy and search (the
 * ToUnicode map) from the glyphs: with `liga` on, "fi" is extracted as the single character U+FB01. With
 * one glyph per character, names come back from the PDF exactly as they were typed.
 *
 * Positioning features (kerning, mark placement) only move glyphs, which pdf-lib ignores when drawing;
 * skipping them saves layout time.
 */
const LAYOUT_FEATURES: EmbedFontOptions['features'] = {
  liga: false,
  clig: false,
  dlig: false,
  rlig: false,
  calt: false,
  ccmp: false,
  locl: false,
  frac: false,
  numr: false,
  dnom: false,
  rclt: false,
  kern: false,
  mark: false,
  mkmk: false,
  curs: false,
};

const COLORS = {
  ink: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.45),
  accent: rgb(0, 0.2, 0.6), // EU flag blue
  rule: rgb(0.75, 0.78, 0.85),
};

const LABEL_COLUMN_WIDTH = 120;
const CHECK_BOX_SIZE = 8;

interface Styles {
  brand: TextStyle;
  title: TextStyle;
  heading: TextStyle;
  body: TextStyle;
  digest: TextStyle;
  status: TextStyle;
  label: TextStyle;
  small: TextStyle;
}

/** Lays out the certificate as an unsaved A4 document, ready to be sealed. */
export async function renderCertificate(input: CertificateInput, options: RenderOptions = {}): Promise<PDFDocument> {
  assertDeclarationHash(input.declaration);
  const signedAt = formatUtc(input.signer.signedAt, 'signer.signedAt');
  const countersignedAt = formatUtc(input.countersignature.countersignedAt, 'countersignature.countersignedAt');

  const fontBytes = await loadFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, input);
  const styles = createStyles(await embedFonts(doc, fontBytes));
  const writer = new PageWriter(doc, createPrintableText(glyphCoverage(fontBytes), options.onMissingGlyph));

  writeHeader(writer, styles, input);
  writeDeclaration(writer, styles, input.declaration.text);
  writeCommitments(writer, styles, input);
  writeSection(writer, styles, 'Signatory', [
    ['Organisation', input.organisation.name],
    ['Category', input.category.label],
    ['Country', input.organisation.country],
    ['Name', input.signer.name],
    ['Function', input.signer.title],
    ['E-mail address', input.signer.email],
    ['Signed at', signedAt],
  ]);
  writeSection(writer, styles, 'Countersignature', [
    ['On behalf of', AUTHORITY],
    ['Name', input.countersignature.name],
    ['Function', input.countersignature.title],
    ['Countersigned at', countersignedAt],
  ]);
  writeVerification(writer, styles, input);
  writeFooters(writer, styles, input.documentId);
  return doc;
}

/** "2026-11-26T13:00:00+01:00" becomes "2026-11-26 12:00:00 UTC": one unambiguous zone for every reader. */
export function formatUtc(isoTimestamp: string, field = 'timestamp'): string {
  const date = new Date(isoTimestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(isoTimestamp) || Number.isNaN(date.getTime())) {
    throw new Error(`${field} is not an ISO 8601 timestamp: ${JSON.stringify(isoTimestamp)}`);
  }
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The certificate prints the hash next to the text, so the two must agree. */
function assertDeclarationHash(declaration: CertificateInput['declaration']): void {
  const actual = createHash('sha256').update(declaration.text, 'utf8').digest('hex');
  if (actual !== declaration.textSha256.toLowerCase()) {
    throw new Error(`declaration.textSha256 does not match the declaration text (SHA-256 is ${actual})`);
  }
}

function setMetadata(doc: PDFDocument, input: CertificateInput): void {
  const issuedAt = new Date(input.countersignature.countersignedAt);
  doc.setTitle(`${input.declaration.title}: certificate ${input.documentId}`, { showInWindowTitleBar: true });
  doc.setSubject(`Signed by ${input.signer.name}, ${input.organisation.name}`);
  doc.setAuthor(AUTHORITY);
  doc.setCreator(`${PRODUCT} signing service`);
  doc.setProducer(`${PRODUCT} signing service`);
  doc.setLanguage(input.declaration.language);
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
}

async function embedFonts(doc: PDFDocument, fonts: FontBytes): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(subsetSafeFontkit);
  const options: EmbedFontOptions = { subset: true, features: LAYOUT_FEATURES };
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, options), doc.embedFont(fonts.bold, options)]);
  return { regular, bold };
}

const coverageByFonts = new WeakMap<FontBytes, ReadonlySet<number>>();

/** Characters that both the regular and the bold font can draw. */
function glyphCoverage(fonts: FontBytes): ReadonlySet<number> {
  let coverage = coverageByFonts.get(fonts);
  if (!coverage) {
    const bold = new Set(fontkit.create(fonts.bold).characterSet);
    coverage = new Set(fontkit.create(fonts.regular).characterSet.filter((codePoint) => bold.has(codePoint)));
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

function writeHeader(writer: PageWriter, styles: Styles, input: CertificateInput): void {
  writer.text(`${PRODUCT.toUpperCase()}  ·  CERTIFICATE OF SIGNATURE`, styles.brand);
  writer.skip(6);
  writer.text(input.declaration.title, styles.title);
  writer.skip(6);
  writeRows(writer, styles, [
    ['Version', input.declaration.version],
    ['Language', input.declaration.language],
  ]);
  // Smaller than body text so that the 64 hex digits stay on one line, easy to select and compare.
  writer.labelled('SHA-256 of the text', styles.label, LABEL_COLUMN_WIDTH, input.declaration.textSha256.toLowerCase(), styles.digest);
  writer.skip(1);
  writeRows(writer, styles, [['Document ID', input.documentId]]);
  writer.skip(8);
  writer.rule(COLORS.rule);
}

function writeDeclaration(writer: PageWriter, styles: Styles, text: string): void {
  writeHeading(writer, styles, 'Declaration');
  writer.text(text, styles.body);
}

function writeCommitments(writer: PageWriter, styles: Styles, input: CertificateInput): void {
  writeHeading(writer, styles, `Commitments: ${input.category.label}`);
  const statusWidth = 110;
  for (const commitment of input.commitments) {
    writer.decorateNextLine(styles.body, (page, baseline) => drawCheckBox(page, writer.contentLeft, baseline, commitment.accepted));
    writer.labelled(
      commitment.accepted ? 'Accepted' : 'Not accepted',
      styles.status,
      statusWidth,
      commitment.required ? `${commitment.text} (required)` : commitment.text,
      styles.body,
      CHECK_BOX_SIZE + 6,
    );
    writer.skip(4);
  }
}

/** Drawn rather than typed: Noto Sans has no ballot box or check mark characters. */
function drawCheckBox(page: PDFPage, x: number, baseline: number, checked: boolean): void {
  const size = CHECK_BOX_SIZE;
  page.drawRectangle({ x, y: baseline, width: size, height: size, borderColor: COLORS.accent, borderWidth: 0.9 });
  if (!checked) return;
  const at = (dx: number, dy: number) => ({ x: x + dx * size, y: baseline + dy * size });
  const tick = { thickness: 1.3, color: COLORS.accent };
  page.drawLine({ start: at(0.2, 0.52), end: at(0.42, 0.22), ...tick });
  page.drawLine({ start: at(0.42, 0.22), end: at(0.85, 0.85), ...tick });
}

function writeSection(writer: PageWriter, styles: Styles, heading: string, rows: [string, string][]): void {
  writeHeading(writer, styles, heading);
  writeRows(writer, styles, rows);
}

function writeVerification(writer: PageWriter, styles: Styles, input: CertificateInput): void {
  // Short enough to keep on one page: three lines of address, a gap and the closing note.
  writeHeading(writer, styles, 'Verification', 3 * styles.body.leading + 14 + 3 * styles.small.leading);
  writeRows(writer, styles, [['Document ID', input.documentId]]);
  writer.skip(4);
  writer.text('Check this certificate at', styles.label);
  // Full width and small, so that the address stays on one line where it can be copied whole.
  addUriLink(writer.text(input.verificationUrl, styles.digest), input.verificationUrl);
  writer.skip(10);
  // Section 6 of the design: state the legal weight honestly.
  writer.text(
    'The signatory signed by confirming this declaration through a personal link sent to the e-mail address ' +
      `above (a simple electronic signature). The ${AUTHORITY} countersigned it and sealed this document ` +
      'electronically. Any change to the document invalidates the seal.',
    styles.small,
  );
}

/** `keepWithHeading` is how much of what follows must fit on the heading's page. */
function writeHeading(writer: PageWriter, styles: Styles, heading: string, keepWithHeading = 3 * styles.body.leading): void {
  writer.skip(14);
  writer.keepTogether(styles.heading.leading + keepWithHeading);
  writer.text(heading, styles.heading);
  writer.skip(2);
}

function writeRows(writer: PageWriter, styles: Styles, rows: [string, string][]): void {
  for (const [label, value] of rows) {
    writer.labelled(label, styles.label, LABEL_COLUMN_WIDTH, value, styles.body);
    writer.skip(1);
  }
}

function writeFooters(writer: PageWriter, styles: Styles, documentId: string): void {
  const { margin, width } = writer.geometry;
  const baseline = margin.bottom - 30;
  const print = (page: PDFPage, text: string, x: number) =>
    page.drawText(text, { x, y: baseline, size: styles.small.size, font: styles.small.font, color: styles.small.color });
  writer.forEachPage((page, pageNumber, pageCount) => {
    print(page, writer.printable(`${PRODUCT}  ·  Document ${documentId}`), margin.left);
    const pageLabel = `Page ${pageNumber} of ${pageCount}`;
    print(page, pageLabel, width - margin.right - measureText(pageLabel, styles.small));
  });
}
