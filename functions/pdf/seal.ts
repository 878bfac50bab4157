import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import type { PDFDocument } from 'pdf-lib';

export interface SealKey {
  p12: Buffer;
  passphrase: string;
}

export interface SealDetails {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
}

/** The sub-filter PAdES requires; the library default (adbe.pkcs7.detached) is the pre-PAdES one. */
const PADES_SUB_FILTER = 'ETSI.CAdES.detached';

/**
 * Room reserved for the CMS signature, in hex digits (two per byte). A development seal needs about 1.5 KB;
 * 8 KB leaves space for a production certificate chain of three or four certificates.
 */
const SIGNATURE_PLACEHOLDER_HEX_DIGITS = 16_384;

/**
 * Seals the document once and returns the final bytes. The document gains a signature field, so it must not
 * be saved or sealed again: any byte written after the seal invalidates it.
 */
export async function sealPdf(doc: PDFDocument, key: SealKey, details: SealDetails): Promise<Buffer> {
  const sealedAt = new Date();
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...details,
    signingTime: sealedAt,
    subFilter: PADES_SUB_FILTER,
    signatureLength: SIGNATURE_PLACEHOLDER_HEX_DIGITS,
  });
  const withPlaceholder = Buffer.from(await doc.save());
  const signer = new P12Signer(key.p12, { passphrase: key.passphrase });
  return new SignPdf().sign(withPlaceholder, signer, sealedAt);
}
