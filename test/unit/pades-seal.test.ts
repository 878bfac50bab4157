import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
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
});
