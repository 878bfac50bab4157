import { createHash } from 'node:crypto';
import { rgb, type PDFDocument } from 'pdf-lib';
import { addUriLink, drawTextLine, wrapLine, type PageWriter, type TextStyle } from './page-writer';
import { drawQrCode, qrCodeSide } from './qr-code';
import { writeSealPanel, type SealPanel } from './seal-panel';
import { COLORS, categoryName, formatUtc, startDocument, writeFooters, writeHeading, writeRows, writeTextIdentity, type DocumentLabels, type RenderOptions, type Styles } from './typesetting';
import type { Messages } from '../../templates/i18n';

export interface JointSignatory {
  organisation: string;
  /** A category id, printed by its name in the document's language (any other text as it is). */
  category: string;
  /** ISO 3166 two-letter code. */
  country: string;
  signer: string;
  /** ISO 8601; printed as the UTC date. */
  signedAt: string;
}

export interface JointDeclarationInput {
  /** The declaration id: the joint declaration is the one document of its declaration. */
  documentId: string;
  declaration: { title: string; version: string; language: string; text: string; textSha256: string };
  /** ISO 8601: when the campaign was closed. */
  closedAt: string;
  /** Every countersigned signatory, in the order to print. */
  signatories: readonly JointSignatory[];
  verificationUrl: string;
  /**
   * A preview of an open declaration, rendered at this instant (ISO 8601): marked on every page as
   * unsealed and not the joint declaration, which exists only once the campaign is closed.
   */
  previewAt?: string;
  /** Who seals the document, when and to which level: the panel on the first page; left out when absent (a preview). */
  seal?: SealPanel;
}

/** Dark red: reads as a warning, with a contrast of over 7:1 on white. */
const PREVIEW_COLOR = rgb(0.6, 0, 0);

/** The annex table: columns, their share of the line and their heading in the document's language. */
const COLUMNS = [
  { title: (labels: DocumentLabels) => labels.organisation, width: 0.34, value: (row: JointSignatory) => row.organisation },
  { title: (labels: DocumentLabels) => labels.category, width: 0.17, value: (row: JointSignatory, messages: Messages) => categoryName(messages, row.category) },
  { title: (labels: DocumentLabels) => labels.country, width: 0.08, value: (row: JointSignatory) => row.country },
  { title: (labels: DocumentLabels) => labels.joint.signedBy, width: 0.27, value: (row: JointSignatory) => row.signer },
  { title: (labels: DocumentLabels) => labels.joint.dateUtc, width: 0.14, value: (row: JointSignatory) => formatUtc(row.signedAt, 'signedAt').slice(0, 10) },
] as const;
const CELL_GAP = 6;
const QR_MODULE_SIZE = 2.2;

/** The joint declaration as an unsaved A4 PDF/A-3b document: cover, full text, verification, and the annex of signatories. */
export async function renderJointDeclaration(input: JointDeclarationInput, options: RenderOptions = {}): Promise<PDFDocument> {
  const actual = createHash('sha256').update(input.declaration.text, 'utf8').digest('hex');
  if (actual !== input.declaration.textSha256.toLowerCase()) throw new Error(`declaration.textSha256 does not match the declaration text (SHA-256 is ${actual})`);
  const closedAt = formatUtc(input.closedAt, 'closedAt');
  const { language } = input.declaration;
  const count = input.signatories.length;
  const formattedCount = count.toLocaleString(language);
  const { doc, styles, writer, labels, messages } = await startDocument((wording) => ({
    documentId: input.documentId,
    title: wording.metadata.jointTitle(input.declaration.title, count, formattedCount),
    language,
    createdAt: new Date(input.closedAt),
  }), language, options);

  writeTextIdentity(writer, styles, labels, input.previewAt ? labels.jointDeclarationPreviewKind : labels.jointDeclarationKind, input.declaration);
  writeRows(writer, styles, [
    [labels.joint.signatories, labels.joint.signatoriesSummary(count, formattedCount)],
    input.previewAt ? [labels.joint.previewMade, formatUtc(input.previewAt, 'previewAt')] : [labels.joint.campaignClosed, closedAt],
    [labels.documentId, input.documentId],
  ]);
  writer.skip(8);
  writer.rule(COLORS.rule);
  if (input.seal) writeSealPanel(writer, styles, labels, input.seal);
  writeHeading(writer, styles, labels.declarationHeading);
  writer.text(input.declaration.text, styles.body);
  writeVerification(writer, styles, labels, input);
  writeAnnex(writer, styles, labels, messages, input.signatories, formattedCount);
  writeFooters(writer, styles, labels, input.documentId);
  if (input.previewAt) {
    const { margin, height } = writer.geometry;
    const mark = writer.printable(labels.joint.previewMark);
    writer.forEachPage((page) => drawTextLine(page, mark, { ...styles.small, color: PREVIEW_COLOR }, margin.left, height - margin.top + 18));
  }
  return doc;
}

function writeVerification(writer: PageWriter, styles: Styles, labels: DocumentLabels, input: JointDeclarationInput): void {
  const qrSide = qrCodeSide(input.verificationUrl, QR_MODULE_SIZE);
  writeHeading(writer, styles, labels.verificationHeading, 2 * styles.body.leading + qrSide);
  writer.text(labels.checkDocumentLead, styles.label);
  addUriLink(writer.text(input.verificationUrl, styles.digest), input.verificationUrl);
  writer.skip(4);
  writer.block(qrSide, (page, top) => {
    drawQrCode(page, input.verificationUrl, { x: writer.contentLeft - 4 * QR_MODULE_SIZE, y: top - qrSide, moduleSize: QR_MODULE_SIZE, color: COLORS.ink });
  });
}

/** One row per signatory; cells wrap within their column and the header repeats on every page. */
function writeAnnex(writer: PageWriter, styles: Styles, labels: DocumentLabels, messages: Messages, signatories: readonly JointSignatory[], formattedCount: string): void {
  const cell: TextStyle = { ...styles.small, color: COLORS.ink, size: 8, leading: 10.5 };
  const header: TextStyle = { ...styles.status, size: 8, leading: 10.5 };
  // Follows the verification block when the heading, the table's header and a few rows fit there.
  writeHeading(writer, styles, labels.joint.annexHeading(signatories.length, formattedCount), header.leading + 3 + 4 * (cell.leading + 2));
  const columns = COLUMNS.map((column, index) => {
    const x = writer.contentLeft + COLUMNS.slice(0, index).reduce((sum, previous) => sum + previous.width * writer.contentWidth, 0);
    return { ...column, title: writer.printable(column.title(labels)), x, innerWidth: column.width * writer.contentWidth - CELL_GAP };
  });
  const drawHeader = () => {
    writer.block(header.leading + 3, (page, top) => {
      for (const column of columns) drawTextLine(page, column.title, header, column.x, top - header.size);
      page.drawLine({ start: { x: writer.contentLeft, y: top - header.leading }, end: { x: writer.contentLeft + writer.contentWidth, y: top - header.leading }, thickness: 0.5, color: COLORS.rule });
    });
  };
  drawHeader();
  for (const row of signatories) {
    const cells = columns.map((column) => wrapLine(writer.printable(column.value(row, messages)), cell, column.innerWidth));
    const height = Math.max(1, ...cells.map((lines) => lines.length)) * cell.leading + 2;
    if (!writer.fits(height)) {
      writer.newPage();
      drawHeader();
    }
    writer.block(height, (page, top) => {
      cells.forEach((lines, index) => {
        const column = columns[index]!;
        lines.forEach((line, lineIndex) => {
          drawTextLine(page, line, cell, column.x, top - cell.size - lineIndex * cell.leading);
        });
      });
    });
  }
}
