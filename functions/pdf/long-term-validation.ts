import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import type { TimestampSource } from '../seal/cades';
import { OIDS } from '../seal/cms-asn1';
import { sha256 } from '../seal/signer';
import { readSignedCms, unsignedAttribute } from '../seal/validation/cms-signature';
import type { RevocationData } from '../seal/validation/revocation';
import { gatherValidationData } from '../seal/validation-data';
import { IncrementalWriter } from './incremental-writer';
import { findSignatureDictionaries, trimPadding } from './signature-dictionaries';

export interface LongTermValidationSources {
  /** The timestamp authority that issues the document timestamp. */
  readonly timestamp: TimestampSource;
  /** Fetches OCSP responses, CRLs and missing issuers from the addresses the certificates name. @default fetch */
  readonly fetch?: typeof fetch;
}

/** Room beyond the signature timestamp's size for the document timestamp from the same authority (serial, time and signature lengths vary by a few bytes). */
const DOCUMENT_TIMESTAMP_MARGIN_BYTES = 256;
/** Ten digits per offset, replaced once the offsets are known, so that nothing after it moves. */
const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';

/**
 * Raises a sealed PDF (PAdES B-T) to B-LTA (ETSI EN 319 142-1, 5.4 and 5.5): one incremental update adds a
 * Document Security Store with the certificates and revocation data of the seal's and its timestamp's
 * chains, fetched now from the addresses the certificates name; a second adds a document timestamp
 * (ETSI.RFC3161) over the whole file, so that the seal can be validated after its certificate expires and
 * as long as the timestamp authority's certificate is valid. The sealed bytes are left exactly as they are.
 */
export async function addLongTermValidation(pdf: Buffer, sources: LongTermValidationSources): Promise<Buffer> {
  const seal = findSignatureDictionaries(pdf).find((signature) => signature.subFilter === 'ETSI.CAdES.detached');
  if (!seal) throw new Error('the document has no PAdES seal to add validation data for');
  const cms = readSignedCms(trimPadding(seal.contents));
  const token = unsignedAttribute(cms, OIDS.signatureTimeStampToken);
  if (!token) throw new Error('the seal has no signature timestamp: long-term validation starts from PAdES B-T');
  const tokenCertificates = readSignedCms(new Uint8Array(token)).certificates;
  const data = await gatherValidationData([cms.certificates, tokenCertificates], sources.fetch);

  const writer = await IncrementalWriter.open(pdf);
  appendDss(writer, data);
  return appendDocumentTimestamp(writer, sources.timestamp, token.byteLength + DOCUMENT_TIMESTAMP_MARGIN_BYTES);
}

/** The DSS update: a stream per certificate, CRL and OCSP response, the DSS dictionary, and the catalog pointing at it. */
function appendDss(writer: IncrementalWriter, data: RevocationData): void {
  const objects: [PDFRef, PDFObject | Buffer][] = [];
  const streams = (items: readonly Uint8Array[]) => {
    const array = PDFArray.withContext(writer.context);
    for (const item of items) {
      const ref = writer.allocate();
      objects.push([ref, IncrementalWriter.stream(item)]);
      array.push(ref);
    }
    return array;
  };
  const dss = writer.context.obj({ Type: 'DSS' });
  dss.set(PDFName.of('Certs'), streams(data.certificates));
  if (data.ocspResponses.length > 0) dss.set(PDFName.of('OCSPs'), streams(data.ocspResponses));
  if (data.crls.length > 0) dss.set(PDFName.of('CRLs'), streams(data.crls));
  const dssRef = writer.allocate();
  objects.push([dssRef, dss]);
  const catalog = writer.catalog;
  catalog.set(PDFName.of('DSS'), dssRef);
  objects.push([writer.catalogRef, catalog]);
  writer.append(objects);
}

/**
 * The document timestamp update: the timestamp's dictionary with a placeholder, an invisible signature field
 * holding it, and the form listing the field. The placeholder is sized from the signature timestamp of the
 * same authority; the token is requested over the final bytes and written into it.
 */
async function appendDocumentTimestamp(writer: IncrementalWriter, timestamp: TimestampSource, tokenBytes: number): Promise<Buffer> {
  const { context } = writer;
  const signatureRef = writer.allocate();
  const fieldRef = writer.allocate();
  const signature = Buffer.from(`<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(tokenBytes * 2)}> >>`, 'latin1');
  const fieldCount = countSignatureFields(writer);
  const field = context.obj({ FT: 'Sig', T: PDFHexString.fromText(`Document timestamp ${fieldCount}`), V: signatureRef, Type: 'Annot', Subtype: 'Widget', F: 132, Rect: [0, 0, 0, 0] });
  const objects: [PDFRef, PDFObject | Buffer][] = [[signatureRef, signature], [fieldRef, field]];

  const catalog = writer.catalog;
  const formValue = catalog.get(PDFName.of('AcroForm'));
  const form = formValue instanceof PDFRef ? context.lookup(formValue, PDFDict) : formValue instanceof PDFDict ? formValue : context.obj({});
  const fields = writer.arrayOf(form, 'Fields');
  if (fields?.ref) {
    fields.array.push(fieldRef);
    objects.push([fields.ref, fields.array]);
  } else if (fields) {
    fields.array.push(fieldRef);
  } else {
    form.set(PDFName.of('Fields'), context.obj([fieldRef]));
  }
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (formValue instanceof PDFRef) objects.push([formValue, form]);
  else {
    catalog.set(PDFName.of('AcroForm'), form);
    objects.push([writer.catalogRef, catalog]);
  }
  const offsets = writer.append(objects);

  const pdf = Buffer.from(writer.pdf);
  const objectStart = offsets.get(signatureRef.objectNumber)!;
  const rangeAt = pdf.indexOf(BYTE_RANGE_PLACEHOLDER, objectStart, 'latin1');
  const contentsStart = pdf.indexOf('/Contents <', rangeAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + tokenBytes * 2 + 2;
  const range = `[0 ${contentsStart} ${contentsEnd} ${pdf.length - contentsEnd}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  pdf.write(range, rangeAt, 'latin1');
  const token = await timestamp(sha256(Buffer.concat([pdf.subarray(0, contentsStart), pdf.subarray(contentsEnd)])));
  if (token.length > tokenBytes) throw new Error(`the document timestamp token (${token.length} bytes) is larger than the ${tokenBytes} bytes reserved for it`);
  pdf.write(Buffer.from(token).toString('hex'), contentsStart + 1, 'latin1');
  return pdf;
}

function countSignatureFields(writer: IncrementalWriter): number {
  const formValue = writer.catalog.get(PDFName.of('AcroForm'));
  const form = formValue instanceof PDFRef ? writer.context.lookup(formValue) : formValue;
  return form instanceof PDFDict ? writer.arrayOf(form, 'Fields')?.array.size() ?? 0 : 0;
}
