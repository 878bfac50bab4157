import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { PDFArray, PDFDict, PDFHexString, PDFInvalidObject, PDFName, PDFObjectParser, PDFRef, type PDFDocument } from 'pdf-lib';
import { X509Certificate } from 'node:crypto';
import { createCadesSignature, signedData, signerCertificates, type TimestampSource } from '../seal/cades';
import { OIDS, der } from '../seal/cms-asn1';
import { sha256, type SealSigner } from '../seal/signer';
import { addLongTermValidation, type LongTermValidationSources } from './long-term-validation';

/** The signature dictionary's text entries; written as PDF text strings (UTF-16 where needed), so any language reads right. */
export interface SealDetails {
  name: string;
  reason: string;
  /** Optional in ISO 32000-1 (12.8.1): left out when absent. */
  location?: string;
  contactInfo: string;
}

export interface SealOptions {
  /** With a timestamp authority the seal is PAdES B-T; without, B-B. */
  readonly timestamp?: TimestampSource;
  /** The claimed signing time, written to the signature dictionary's M entry. @default now */
  readonly sealedAt?: Date;
  /**
   * With a timestamp authority, raise the seal to PAdES B-LTA: revocation data fetched from the addresses the
   * certificates name, in a DSS, and a document timestamp over it. Absent: the seal stays B-T.
   */
  readonly longTermValidation?: Omit<LongTermValidationSources, 'timestamp'>;
}

/** The sub-filter PAdES requires; the pre-PAdES default (adbe.pkcs7.detached) is not a PAdES signature. */
export const PADES_SUB_FILTER = 'ETSI.CAdES.detached';

/** Beyond the exact size of the signature: tokens of one authority differ by a few bytes (serial number, time). */
const SIGNATURE_MARGIN_BYTES = 128;

/** The largest token each timestamp source has returned, to size the next seal's placeholder. */
const tokenSizes = new WeakMap<TimestampSource, number>();

/** @signpdf's hook for the CMS: here a PAdES baseline signature made through the seal's signer port. */
class PadesSigner extends Signer {
  constructor(
    private readonly signer: SealSigner,
    private readonly timestamp: TimestampSource | undefined,
  ) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const timestamp = this.timestamp;
    const recorded: TimestampSource | undefined = timestamp && (async (digest) => {
      const token = await timestamp(digest);
      tokenSizes.set(timestamp, Math.max(tokenSizes.get(timestamp) ?? 0, token.length));
      return token;
    });
    return createCadesSignature({ contentDigest: sha256(signedBytes), signer: this.signer, timestamp: recorded });
  }
}

/**
 * The size of the CAdES signature this signer makes, computed by encoding one with a signature value and a
 * timestamp token of the largest size they can have. The first seal with a timestamp source asks it for one
 * token to learn its size (it carries the authority's certificates, which only the authority knows).
 */
async function signatureBytes(signer: SealSigner, timestamp: TimestampSource | undefined): Promise<number> {
  let tokenBytes = 0;
  if (timestamp) {
    tokenBytes = tokenSizes.get(timestamp) ?? (await timestamp(sha256('size of a timestamp token'))).length;
    tokenSizes.set(timestamp, Math.max(tokenSizes.get(timestamp) ?? 0, tokenBytes));
  }
  const certificates = signerCertificates(signer.certificateChain);
  const signedAttributes = der.setOf(
    der.attribute(OIDS.contentType, der.objectIdentifier(OIDS.data)),
    der.attribute(OIDS.messageDigest, der.octetString(Buffer.alloc(32))),
    certificates.signingCertificateAttribute,
  );
  const unsignedAttributes = timestamp ? [der.attribute(OIDS.signatureTimeStampToken, der.sequence(Buffer.alloc(Math.max(0, tokenBytes - 4))))] : [];
  const signatureValue = Buffer.alloc(largestSignatureBytes(signer.certificateChain[0]!));
  return signedData({ certificates, contentType: OIDS.data, signedAttributes, signatureValue, unsignedAttributes }).length;
}

/**
 * The placeholder writes its text entries as PDFDocEncoding literals, which cannot hold Greek, Cyrillic or
 * most Latin letters with diacritics; they are written again as text strings (UTF-16BE with a byte order
 * mark). The placeholder keeps its dictionary as raw bytes (so that it stays out of object streams): they are
 * parsed, changed and kept as raw bytes again.
 */
function writeTextEntries(doc: PDFDocument, details: SealDetails): void {
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const field = fields.lookup(fields.size() - 1, PDFDict);
  const signatureRef = field.get(PDFName.of('V'));
  const raw = signatureRef instanceof PDFRef ? doc.context.lookup(signatureRef) : undefined;
  if (!(signatureRef instanceof PDFRef) || !(raw instanceof PDFInvalidObject)) throw new Error('the seal placeholder is not where it is expected');
  const bytes = new Uint8Array(raw.sizeInBytes());
  raw.copyBytesInto(bytes, 0);
  const signature = PDFObjectParser.forBytes(bytes, doc.context).parseObject();
  if (!(signature instanceof PDFDict)) throw new Error('the seal placeholder is not a dictionary');
  const entries: [string, string | undefined][] = [['Name', details.name], ['Reason', details.reason], ['Location', details.location], ['ContactInfo', details.contactInfo]];
  for (const [key, value] of entries) {
    if (value === undefined || value === '') signature.delete(PDFName.of(key));
    else signature.set(PDFName.of(key), PDFHexString.fromText(value));
  }
  const rewritten = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(rewritten, 0);
  doc.context.assign(signatureRef, PDFInvalidObject.of(rewritten));
}

/** An RSA signature is as long as the modulus; a DER ECDSA signature at most two integers of the curve's size, and their headers. */
function largestSignatureBytes(certificateDer: Uint8Array): number {
  const key = new X509Certificate(certificateDer).publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return Math.ceil((details.modulusLength ?? 4096) / 8);
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
  const coordinate = Math.ceil((curveBits[details.namedCurve ?? ''] ?? 521) / 8) + 1;
  return 2 * (coordinate + 3) + 3;
}

/**
 * Seals the document once (PAdES, `ETSI.CAdES.detached`, B-B, B-T with a timestamp source, B-LTA with
 * long-term validation too) and returns the final bytes. The signature's room is sized to the signature. The document gains a
 * signature field, so it must not be saved or sealed again: any byte written after the seal invalidates it.
 */
export async function sealPdf(doc: PDFDocument, signer: SealSigner, details: SealDetails, options: SealOptions = {}): Promise<Buffer> {
  const sealedAt = options.sealedAt ?? new Date();
  const reservedBytes = (await signatureBytes(signer, options.timestamp)) + SIGNATURE_MARGIN_BYTES;
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...details,
    location: details.location ?? '',
    signingTime: sealedAt,
    subFilter: PADES_SUB_FILTER,
    // In hex digits, two per byte.
    signatureLength: reservedBytes * 2,
  });
  writeTextEntries(doc, details);
  const saved = Buffer.from(await doc.save());
  // The seal covers the end-of-line after %%EOF too, so that an update appended later leaves no byte of this revision unsealed.
  const withPlaceholder = saved.at(-1) === 0x0a ? saved : Buffer.concat([saved, Buffer.from('\n')]);
  const sealed = await new SignPdf().sign(withPlaceholder, new PadesSigner(signer, options.timestamp), sealedAt);
  if (!options.timestamp || !options.longTermValidation) return sealed;
  return addLongTermValidation(sealed, { ...options.longTermValidation, timestamp: options.timestamp });
}
