import { createHash } from 'node:crypto';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { writeAuditTrail, type AuditTrail } from './certificate-audit';
import { addUriLink, type PageWriter } from './page-writer';
import { drawQrCode, qrCodeSide } from './qr-code';
import {
  AUTHORITY,
  COLORS,
  PRODUCT,
  formatUtc,
  startDocument,
  writeFooters,
  writeHeading,
  writeRows,
  writeTextIdentity,
  type RenderOptions,
  type Styles,
} from './typesetting';

export { formatUtc, type RenderOptions };

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
  /** The signatory agreed, when signing, to be listed in the public register; no line is printed otherwise. */
  publishedInRegister?: boolean;
  /** `countersignedAt` is an ISO 8601 timestamp. */
  countersignature: { name: string; title: string; countersignedAt: string };
  /** Printed as text and as a QR code. */
  verificationUrl: string;
  /** The audit page; left out when absent. */
  audit?: AuditTrail;
}

const CHECK_BOX_SIZE = 8;
const QR_MODULE_SIZE = 2.2;

/** Lays out the certificate as an unsaved A4 document, ready to be sealed. */
export async function renderCertificate(input: CertificateInput, options: RenderOptions = {}): Promise<PDFDocument> {
  assertDeclarationHash(input.declaration);
  const signedAt = formatUtc(input.signer.signedAt, 'signer.signedAt');
  const countersignedAt = formatUtc(input.countersignature.countersignedAt, 'countersignature.countersignedAt');

  const { doc, styles, writer } = await startDocument(options);
  setMetadata(doc, input);
  writeCover(writer, styles, input);
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
    ...(input.publishedInRegister ? [['Public register', 'Agreed to be listed in the European Ports Alliance’s public register (organisation, country and category only)'] as [string, string]] : []),
  ]);
  writeSection(writer, styles, 'Countersignature', [
    ['On behalf of', AUTHORITY],
    ['Name', input.countersignature.name],
    ['Function', input.countersignature.title],
    ['Countersigned at', countersignedAt],
  ]);
  writeVerification(writer, styles, input);
  if (input.audit) writeAuditTrail(writer, styles, input.audit);
  writeFooters(writer, styles, input.documentId);
  return doc;
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

/** What identifies the text signed: title, version, language and the SHA-256 of the text. */
function writeCover(writer: PageWriter, styles: Styles, input: CertificateInput): void {
  writeTextIdentity(writer, styles, 'CERTIFICATE OF SIGNATURE', input.declaration);
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
  const qrSide = qrCodeSide(input.verificationUrl, QR_MODULE_SIZE);
  // Kept on one page: the address, the QR code and the closing note.
  writeHeading(writer, styles, 'Verification', 3 * styles.body.leading + qrSide + 3 * styles.small.leading);
  writeRows(writer, styles, [['Document ID', input.documentId]]);
  writer.skip(4);
  writer.text('Check this certificate at the address below, or scan the code:', styles.label);
  // Full width and small, so that the address stays on one line where it can be copied whole.
  addUriLink(writer.text(input.verificationUrl, styles.digest), input.verificationUrl);
  writer.skip(4);
  writer.block(qrSide, (page, top) => {
    drawQrCode(page, input.verificationUrl, { x: writer.contentLeft - 4 * QR_MODULE_SIZE, y: top - qrSide, moduleSize: QR_MODULE_SIZE, color: COLORS.ink });
  });
  writer.skip(6);
  // Section 6 of the design: state the legal weight honestly.
  writer.text(
    'The signatory signed by confirming this declaration through a personal link sent to the e-mail address ' +
      `above (a simple electronic signature). The ${AUTHORITY} countersigned it and sealed this document ` +
      'electronically. Any change to the document invalidates the seal.',
    styles.small,
  );
}
