import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealTestInput } from '../support/certificate-input';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { OIDS } from '../../functions/seal/cms-asn1';
import { createDevelopmentSeal, type DevelopmentSeal } from '../../functions/seal/in-memory-signer';

/**
 * Our CMS is assembled by hand from DER pieces (functions/seal/cades.ts, cms-asn1.ts). A library that nobody
 * here wrote, @peculiar/asn1-cms, must read the seal's SignedData and write it back to the very same bytes:
 * proof that every element is where the schema puts it, with the minimal lengths DER requires. (The library
 * writes a SET OF in the order it read it, so the DER sorting of attributes is not judged here.) The B-T seal,
 * whose timestamp token comes from the local timestamp authority, is checked the same way in pades-seal.test.ts.
 */

const base = sealTestInput();
const input = sealTestInput({
  documentId: 'cmt_01jdcmsroundtrip0000000000',
  declaration: { ...base.declaration, language: 'el' },
  organisation: { name: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', country: 'GR' },
  signer: { name: 'Γιώργος Παπαδόπουλος', title: 'Διευθυντής', email: 'g.papadopoulos@hcg.gr.example', signedAt: '2026-11-26T12:00:00Z' },
  verificationUrl: 'https://signing.example.eu/verify/cmt_01jdcmsroundtrip0000000000',
});

let seal: DevelopmentSeal;
beforeAll(async () => {
  seal = await createDevelopmentSeal();
});

/** The seal's /Contents: the CMS, then the zeros left of the space reserved for it. */
function signatureContents(pdf: Buffer): Buffer {
  const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(pdf.toString('latin1'))?.[1];
  if (!hex) throw new Error('the PDF has no signature /Contents');
  return Buffer.from(hex, 'hex');
}

/** ContentInfo, then its SignedData, parsed and serialized again by @peculiar/asn1-cms. */
function reencodedSignedData(contents: Uint8Array): { contentType: string; reencoded: Buffer } {
  const contentInfo = AsnConvert.parse(contents, ContentInfo);
  const signedData = AsnConvert.parse(contentInfo.content, SignedData);
  const reencoded = AsnConvert.serialize(new ContentInfo({ contentType: contentInfo.contentType, content: AsnConvert.serialize(signedData) }));
  return { contentType: contentInfo.contentType, reencoded: Buffer.from(reencoded) };
}

describe('the seal\'s CMS SignedData', () => {
  it('of a B-B seal is read by @peculiar/asn1-cms and written back to identical bytes', async () => {
    const contents = signatureContents(await renderSealedCertificate(input, seal.signer));
    const { contentType, reencoded } = reencodedSignedData(contents);
    expect(contentType).toBe(OIDS.signedData);
    expect(contents.subarray(0, reencoded.length).equals(reencoded), 'the re-encoded SignedData differs from ours').toBe(true);
    expect(contents.subarray(reencoded.length).every((byte) => byte === 0), 'bytes of ours that the schema has no place for').toBe(true);
  });
});
