import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { describe, expect, it } from 'vitest';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import type { CertificateInput } from '../../functions/pdf/certificate';
import { OIDS } from '../../functions/seal/cms-asn1';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';

const TEXT = 'The signatories commit to strengthening the resilience of European ports against organised crime.';
const input: CertificateInput = {
  documentId: 'cmt_01jdpadesseal00000000000',
  declaration: { id: 'dcl_1', title: 'Joint Declaration of the European Ports Alliance', version: '1.0', language: 'en', text: TEXT, textSha256: createHash('sha256').update(TEXT).digest('hex') },
  category: { id: 'customs', label: 'Customs authority' },
  commitments: [{ id: 'contact-point', text: 'Appoint a single point of contact.', required: true, accepted: true }],
  organisation: { name: 'Dipartiment tad-Dwana', country: 'MT' },
  signer: { name: 'Ġorġ Ħabib Żammit', title: 'Kap tat-Taqsima', email: 'gorg@dwana.mt.example', signedAt: '2026-11-26T12:00:00Z' },
  countersignature: { name: 'Maria Example', title: 'Director-General', countersignedAt: '2026-11-27T09:30:00Z' },
  verificationUrl: 'https://signing.example.eu/verify/cmt_01jdpadesseal00000000000',
};

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
    const report = verifySealedPdf(pdf, [seal.certificateDer]);
    expect(report.checks.find((check) => check.name === 'signing-certificate-v2')?.passed).toBe(true);
    expect(report.valid).toBe(true);
  });
});
