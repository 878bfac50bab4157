import { createHash } from 'node:crypto';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { writeAuditTrail, type AuditTrail } from './certificate-audit';
import type { PadesLevel } from './pades-level';
import { addUriLink, type PageWriter } from './page-writer';
import { drawQrCode, qrCodeSide } from './qr-code';
import { writeSealPanel, type SealPanel } from './seal-panel';
import {
  COLORS,
  categoryName,
  formatUtc,
  startDocument,
  writeFooters,
  writeHeading,
  writeRows,
  writeTextIdentity,
  type DocumentLabels,
  type RenderOptions,
  type Styles,
  type Typesetting,
} from './typesetting';

export { formatUtc, type PadesLevel, type RenderOptions, type SealPanel };

export interface CertificateInput {
  /** The commitment id. */
  documentId: string;
  /** `textSha256` is the hex SHA-256 of the UTF-8 bytes of `text`; `language` is also the language the certificate is worded in. */
  declaration: { id: string; title: string; version: string; language: string; text: string; textSha256: string };
  /** Printed by its name in the certificate's language when `id` is a category we know, else as `label`. */
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
  /** Who seals the document, when and to which level: the panel on the first page; left out when absent. */
  seal?: SealPanel;
}

const CHECK_BOX_SIZE = 8;
const QR_MODULE_SIZE = 2.2;

/** Lays out the certificate as an unsaved A4 PDF/A-3b document, worded in the declaration's language, ready to be sealed. */
export async function renderCertificate(input: CertificateInput, options: RenderOptions = {}): Promise<PDFDocument> {
  assertDeclarationHash(input.declaration);
  const signedAt = formatUtc(input.signer.signedAt, 'signer.signedAt');
  const countersignedAt = formatUtc(input.countersignature.countersignedAt, 'countersignature.countersignedAt');

  const typesetting = await startDocument((labels) => ({
    documentId: input.documentId,
    title: labels.metadata.certificateTitle(input.declaration.title, input.documentId),
    subject: labels.metadata.certificateSubject(input.signer.name, input.organisation.name),
    language: input.declaration.language,
    createdAt: new Date(input.countersignature.countersignedAt),
  }), input.declaration.language, options);
  const { doc, styles, writer, labels } = typesetting;
  const category = categoryName(typesetting.messages, input.category.id, input.category.label);
  writeCover(writer, styles, labels, input);
  if (input.seal) writeSealPanel(writer, styles, labels, input.seal);
  writeDeclaration(writer, styles, labels, input.declaration.text);
  writeCommitments(writer, styles, labels, category, input);
  writeSection(writer, styles, labels.signatoryHeading, [
    [labels.organisation, input.organisation.name],
    [labels.category, category],
    [labels.country, input.organisation.country],
    [labels.name, input.signer.name],
    [labels.function, input.signer.title],
    [labels.emailAddress, input.signer.email],
    [labels.signedAt, signedAt],
    ...(input.publishedInRegister ? [[labels.publicRegister, labels.publicRegisterAgreed] as [string, string]] : []),
  ]);
  writeSection(writer, styles, labels.countersignatureHeading, [
    [labels.onBehalfOf, labels.authority],
    [labels.name, input.countersignature.name],
    [labels.function, input.countersignature.title],
    [labels.countersignedAt, countersignedAt],
  ]);
  writeVerification(writer, styles, labels, input);
  if (input.audit) writeAuditTrail(writer, styles, labels, input.audit);
  writeFooters(writer, styles, labels, input.documentId);
  return doc;
}

/** The certificate prints the hash next to the text, so the two must agree. */
function assertDeclarationHash(declaration: CertificateInput['declaration']): void {
  const actual = createHash('sha256').update(declaration.text, 'utf8').digest('hex');
  if (actual !== declaration.textSha256.toLowerCase()) {
    throw new Error(`declaration.textSha256 does not match the declaration text (SHA-256 is ${actual})`);
  }
}

/** What identifies the text signed: title, version, language and the SHA-256 of the text. */
function writeCover(writer: PageWriter, styles: Styles, labels: DocumentLabels, input: CertificateInput): void {
  writeTextIdentity(writer, styles, labels, labels.certificateKind, input.declaration);
  writeRows(writer, styles, [[labels.documentId, input.documentId]]);
  writer.skip(8);
  writer.rule(COLORS.rule);
}

function writeDeclaration(writer: PageWriter, styles: Styles, labels: DocumentLabels, text: string): void {
  writeHeading(writer, styles, labels.declarationHeading);
  writer.text(text, styles.body);
}

function writeCommitments(writer: PageWriter, styles: Styles, labels: DocumentLabels, category: string, input: CertificateInput): void {
  writeHeading(writer, styles, labels.commitmentsHeading(category));
  const statusWidth = 110;
  for (const commitment of input.commitments) {
    writer.decorateNextLine(styles.body, (page, baseline) => drawCheckBox(page, writer.contentLeft, baseline, commitment.accepted));
    writer.labelled(
      commitment.accepted ? labels.accepted : labels.notAccepted,
      styles.status,
      statusWidth,
      commitment.required ? `${commitment.text} ${labels.requiredMark}` : commitment.text,
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

function writeVerification(writer: PageWriter, styles: Styles, labels: DocumentLabels, input: CertificateInput): void {
  const qrSide = qrCodeSide(input.verificationUrl, QR_MODULE_SIZE);
  // The address, the QR code and what they check stay together; the closing note may follow on the next page.
  writeHeading(writer, styles, labels.verificationHeading, 3 * styles.body.leading + qrSide);
  writeRows(writer, styles, [[labels.documentId, input.documentId]]);
  writer.skip(4);
  writer.text(labels.checkCertificateLead, styles.label);
  // Full width and small, so that the address stays on one line where it can be copied whole.
  addUriLink(writer.text(input.verificationUrl, styles.digest), input.verificationUrl);
  writer.skip(4);
  writer.block(qrSide, (page, top) => {
    drawQrCode(page, input.verificationUrl, { x: writer.contentLeft - 4 * QR_MODULE_SIZE, y: top - qrSide, moduleSize: QR_MODULE_SIZE, color: COLORS.ink });
  });
  writer.skip(6);
  // Section 6 of the design: state the legal weight honestly.
  writer.text(labels.legalWeight, styles.small);
}
