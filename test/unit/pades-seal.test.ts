import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFHexString, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { sealTestInput } from '../support/certificate-input';
import { OIDS } from '../../functions/seal/cms-asn1';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';

const input = sealTestInput();

function signerInfoOf(pdf: Buffer) {
  const report = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'));
  const contentInfo = AsnConvert.parse(Buffer.from(report![1]!, 'hex'), ContentInfo);
  return AsnConvert.parse(contentInfo.content, SignedData).signerInfos[0]!;
}

// pdfsig, qpdf and OpenSSL check the same seal in test/tools/pades-seal.test.ts.
describe('PAdES baseline seal', () => {
  it('signs content-type, message-digest and signing-certificate-v2, and no signing-time (B-B)', async () => {
    const seal = await createDevelopmentSeal();
    const pdf = await renderSealedCertificate(input, seal.signer);
    const signerInfo = signerInfoOf(pdf);
    expect(signerInfo.signedAttrs!.map((attribute) => attribute.attrType).sort()).toEqual([OIDS.contentType, OIDS.messageDigest, OIDS.signingCertificateV2].sort());
    expect(signerInfo.unsignedAttrs).toBeUndefined();
    const report = await verifySealedPdf(pdf, [seal.certificateDer]);
    expect(report.checks.find((check) => check.name === 'signing certificate bound')?.passed).toBe(true);
    expect(report.valid).toBe(true);
    expect(report.level).toBe('B-B');
  });

  it('writes the signature dictionary’s name and reason in the document’s language, readable in any script, and its verification address as contact', async () => {
    const seal = await createDevelopmentSeal();
    const greek = await renderSealedCertificate(sealTestInput({ declaration: { ...input.declaration, language: 'el' } }), seal.signer);
    const entries = await signatureTextEntries(greek);
    expect(entries).toEqual({
      Name: 'Ευρωπαϊκή Επιτροπή',
      Reason: 'Προσυπογραφή: Ευρωπαϊκή Συμμαχία Λιμένων',
      ContactInfo: input.verificationUrl,
    });
    expect((await verifySealedPdf(greek, [seal.certificateDer])).valid).toBe(true);
    expect((await signatureTextEntries(await renderSealedCertificate(input, seal.signer))).Reason).toBe('Countersignature: European Ports Alliance');
  });
});

/** The text entries of the (only) signature dictionary, decoded as a PDF reader decodes them. */
async function signatureTextEntries(pdf: Buffer): Promise<Record<string, string>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const signature = fields.lookup(0, PDFDict).lookup(PDFName.of('V'), PDFDict);
  const entries: Record<string, string> = {};
  for (const key of ['Name', 'Reason', 'Location', 'ContactInfo']) {
    const value = signature.lookup(PDFName.of(key));
    if (value instanceof PDFHexString || value instanceof PDFString) entries[key] = value.decodeText();
  }
  return entries;
}
