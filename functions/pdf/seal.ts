import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import { createCadesSignature, type TimestampSource } from '../seal/cades';
import { sha256, type SealSigner } from '../seal/signer';

export interface SealDetails {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
}

export interface SealOptions {
  /** With a timestamp authority the seal is PAdES B-T; without, B-B. */
  readonly timestamp?: TimestampSource;
  /** The claimed signing time, written to the signature dictionary's M entry. @default now */
  readonly sealedAt?: Date;
}

/** The sub-filter PAdES requires; the pre-PAdES default (adbe.pkcs7.detached) is not a PAdES signature. */
export const PADES_SUB_FILTER = 'ETSI.CAdES.detached';

/** Room for the signature value, signed attributes and structure around the certificates. */
const SIGNATURE_OVERHEAD_BYTES = 3_000;
/** Room for a timestamp token, which carries the authority's own certificate chain. */
const TIMESTAMP_TOKEN_BYTES = 8_000;

/** @signpdf's hook for the CMS: here a PAdES baseline signature made through the seal's signer port. */
class PadesSigner extends Signer {
  constructor(
    private readonly signer: SealSigner,
    private readonly timestamp: TimestampSource | undefined,
  ) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    return createCadesSignature({ contentDigest: sha256(signedBytes), signer: this.signer, timestamp: this.timestamp });
  }
}

/**
 * Seals the document once (PAdES, `ETSI.CAdES.detached`) and returns the final bytes. The document gains a
 * signature field, so it must not be saved or sealed again: any byte written after the seal invalidates it.
 */
export async function sealPdf(doc: PDFDocument, signer: SealSigner, details: SealDetails, options: SealOptions = {}): Promise<Buffer> {
  const sealedAt = options.sealedAt ?? new Date();
  const chainBytes = signer.certificateChain.reduce((total, certificate) => total + certificate.length, 0);
  const reservedBytes = chainBytes + SIGNATURE_OVERHEAD_BYTES + (options.timestamp ? TIMESTAMP_TOKEN_BYTES : 0);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...details,
    signingTime: sealedAt,
    subFilter: PADES_SUB_FILTER,
    // In hex digits, two per byte.
    signatureLength: reservedBytes * 2,
  });
  const withPlaceholder = Buffer.from(await doc.save());
  return new SignPdf().sign(withPlaceholder, new PadesSigner(signer, options.timestamp), sealedAt);
}
