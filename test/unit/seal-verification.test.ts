import { KeyUsageFlags, id_kp_OCSPSigning, id_kp_serverAuth, id_kp_timeStamping } from '@peculiar/asn1-x509';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { verifySealedPdf, type FailureCode, type SealReport, type TrustSettings } from '../../functions/pdf/verify-seal';
import type { TimestampSource } from '../../functions/seal/cades';
import { createDevelopmentSeal, inMemorySigner } from '../../functions/seal/in-memory-signer';
import { sha256 } from '../../functions/seal/signer';
import { readSignedCms } from '../../functions/seal/validation/cms-signature';
import { trimPadding } from '../../functions/pdf/signature-dictionaries';
import { sealTestInput } from '../support/certificate-input';
import { addDocumentTimestamp, addDss, backdate, firstPage, incrementalUpdate, issueCertificate, issueCrl, issueOcspResponse, rsaKey, timestampToken, type Issued } from '../support/seal-forgery';

const input = sealTestInput();
const date = (iso: string) => new Date(iso);
/** The seal is made and timestamped here; the verifier runs a month later, while every certificate is valid. */
const SEALED_AT = date('2026-06-01T12:00:00Z');
const VERIFIED_AT = date('2026-07-01T00:00:00Z');
const SIGNS = KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation;
const ISSUES = KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign;
const TIMEOUT = 120_000;

interface Pki {
  root: Issued;
  issuingCa: Issued;
  seal: Issued;
  timestampRoot: Issued;
  tsa: Issued;
  rogueTsa: Issued;
  keys: { seal: ReturnType<typeof rsaKey>; rogue: ReturnType<typeof rsaKey> };
}

let pki: Pki;
let trust: TrustSettings;
let genuineBT: Buffer;
let genuineBB: Buffer;

function makePki(): Pki {
  const [rootKey, caKey, sealKey, timestampRootKey, tsaKey, rogueKey] = Array.from({ length: 6 }, () => rsaKey());
  const validFrom = date('2025-01-01T00:00:00Z');
  const root = issueCertificate({ commonName: 'Test Commission Root CA', key: rootKey!, validFrom, validTo: date('2040-01-01T00:00:00Z'), basicConstraints: { ca: true }, keyUsage: ISSUES });
  const issuingCa = issueCertificate({ commonName: 'Test Commission Seal CA', key: caKey!, issuer: root, validFrom, validTo: date('2035-01-01T00:00:00Z'), basicConstraints: { ca: true, pathLength: 0 }, keyUsage: ISSUES });
  const seal = issueCertificate({ commonName: 'Test Commission seal', key: sealKey!, issuer: issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
  const timestampRoot = issueCertificate({ commonName: 'Test Timestamping Root', key: timestampRootKey!, validFrom, validTo: date('2040-01-01T00:00:00Z'), basicConstraints: { ca: true }, keyUsage: ISSUES });
  const tsaUsage = { purposes: [id_kp_timeStamping], critical: true };
  const tsa = issueCertificate({ commonName: 'Test Timestamp Authority', key: tsaKey!, issuer: timestampRoot, validFrom, validTo: date('2035-01-01T00:00:00Z'), keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: tsaUsage });
  // The same name, a sound timestamping certificate, but issued by nobody trusted.
  const rogueTsa = issueCertificate({ commonName: 'Test Timestamp Authority', key: rogueKey!, validFrom, validTo: date('2035-01-01T00:00:00Z'), keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: tsaUsage });
  return { root, issuingCa, seal, timestampRoot, tsa, rogueTsa, keys: { seal: sealKey!, rogue: rogueKey! } };
}

/** A timestamp source answering with a token of `authority` at `time`; `imprint` replaces the digest asked for. */
function tokens(authority: Issued, time = SEALED_AT, tamper: (token: Buffer, digest: Uint8Array) => Buffer = (token) => token, imprint?: Uint8Array): TimestampSource {
  return async (digest) => tamper(timestampToken(authority, imprint ?? digest, time), digest);
}

function seal(chain: readonly Issued[], timestamp?: TimestampSource, sealedAt = SEALED_AT): Promise<Buffer> {
  return renderSealedCertificate(input, inMemorySigner(chain[0]!.keyPem, chain.map((certificate) => certificate.der)), { timestamp, sealedAt });
}

/** The object number of the first page's (first) content stream. */
async function firstPageContents(pdf: Buffer): Promise<number> {
  const contents = firstPage(await PDFDocument.load(pdf, { updateMetadata: false })).get(PDFName.of('Contents'));
  const ref = contents instanceof PDFArray ? contents.get(0) : contents;
  if (!(ref instanceof PDFRef)) throw new Error('the first page names no content stream');
  return ref.objectNumber;
}

/** The first link annotation of the document (the verification address) and the number of its page. */
function firstLink(doc: PDFDocument): { link: PDFRef; pageNumber: number } {
  const pages = doc.getPages();
  for (const [index, page] of pages.entries()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
    const link = annotations.find((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('Subtype')) === PDFName.of('Link'));
    if (link instanceof PDFRef) return { link, pageNumber: index + 1 };
  }
  throw new Error('the document has no link');
}

const codes = (report: SealReport) => report.failures.map((failure) => failure.code);
const limitationCodes = (report: SealReport) => report.limitations.map((limitation) => limitation.code);
function expectRefused(report: SealReport, code: FailureCode, words: RegExp): void {
  expect(codes(report), JSON.stringify(report.failures, null, 1)).toContain(code);
  expect(report.failures.find((failure) => failure.code === code)!.message).toMatch(words);
  expect(report.valid).toBe(false);
  expect(report.level).toBeUndefined();
}

beforeAll(async () => {
  pki = makePki();
  trust = { sealAnchors: [pki.root.der], timestampAnchors: [pki.timestampRoot.der], at: VERIFIED_AT };
  genuineBB = await seal([pki.seal, pki.issuingCa]);
  genuineBT = await seal([pki.seal, pki.issuingCa], tokens(pki.tsa));
}, TIMEOUT);

describe('genuine seals', () => {
  it('validates a B-B seal, judging the certificate at the time of verification and saying so', async () => {
    const report = await verifySealedPdf(genuineBB, trust);
    expect(report.failures).toEqual([]);
    expect(report.level).toBe('B-B');
    expect(report.validationTime).toBe(VERIFIED_AT.toISOString());
    expect(report.validationTimeSource).toBe('time of verification');
    expect(limitationCodes(report)).toEqual(expect.arrayContaining(['NO_SIGNATURE_TIMESTAMP', 'VALIDITY_AT_VERIFICATION_TIME', 'NO_REVOCATION_DATA']));
    expect(report.claimedSigningTime).toBe(SEALED_AT.toISOString());
  });

  it('validates a B-T seal at the time its verified timestamp attests, and says why it is not B-LT', async () => {
    const report = await verifySealedPdf(genuineBT, trust);
    expect(report.failures).toEqual([]);
    expect(report.level).toBe('B-T');
    expect(report.timestampTime).toBe(SEALED_AT.toISOString());
    expect(report.timestampAuthority).toContain('Test Timestamp Authority');
    expect(report.validationTimeSource).toBe('signature timestamp');
    expect(limitationCodes(report)).toEqual(expect.arrayContaining(['NO_REVOCATION_DATA', 'NO_LONG_TERM_DATA']));
    expect(limitationCodes(report)).not.toContain('VALIDITY_AT_VERIFICATION_TIME');
  });

  it('refuses a B-T seal once its certificate has expired: without B-LTA data nothing shows it was not revoked when made', async () => {
    const afterExpiry = date('2028-01-01T00:00:00Z');
    expectRefused(await verifySealedPdf(genuineBT, { ...trust, at: afterExpiry }), 'EXPIRED_WITHOUT_LONG_TERM_DATA', /has expired, and the document carries no document timestamp over validation data/);
    // Without a timestamp the claimed /M time (within validity) proves nothing: judged now, the certificate has expired.
    expectRefused(await verifySealedPdf(genuineBB, { ...trust, at: afterExpiry }), 'CERTIFICATE_EXPIRED', /had expired at the time of verification/);
  });

  it('reaches B-LT with a DSS whose CRLs cover every certificate below the anchors, and B-LTA with a document timestamp over it', async () => {
    const crls = [issueCrl(pki.issuingCa, SEALED_AT, []), issueCrl(pki.root, SEALED_AT, []), issueCrl(pki.timestampRoot, SEALED_AT, [])];
    const longTerm = await addDss(genuineBT, { certificates: [pki.issuingCa.der, pki.tsa.der], crls });
    const lt = await verifySealedPdf(longTerm, trust);
    expect(lt.failures).toEqual([]);
    expect(lt.level).toBe('B-LT');
    expect(limitationCodes(lt)).toEqual(['NO_DOCUMENT_TIMESTAMP']);

    const archived = await addDocumentTimestamp(longTerm, (digest) => timestampToken(pki.tsa, digest, date('2026-06-02T00:00:00Z')));
    const lta = await verifySealedPdf(archived, trust);
    expect(lta.failures).toEqual([]);
    expect(lta.level).toBe('B-LTA');
    expect(lta.limitations).toEqual([]);
  }, TIMEOUT);
});

describe('forged timestamps', () => {
  it('refuses the time of a token from an unknown authority, back-dated to when an expired certificate was still valid', async () => {
    const expired = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: pki.issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2026-03-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    const report = await verifySealedPdf(await seal([expired, pki.issuingCa], tokens(pki.rogueTsa, date('2026-02-01T00:00:00Z'))), trust);
    expectRefused(report, 'TIMESTAMP_UNTRUSTED', /timestamp authority's certificate does not lead to a trusted certificate/);
    expectRefused(report, 'CERTIFICATE_EXPIRED', /had expired at the time of verification/);
    expect(report.timestampTime).toBeUndefined();
    expect(report.validationTimeSource).toBe('time of verification');
  });

  it('refuses a genuine token whose time was rewritten to an earlier date', async () => {
    const report = await verifySealedPdf(await seal([pki.seal, pki.issuingCa], tokens(pki.tsa, SEALED_AT, (token) => backdate(token, date('2026-01-15T12:00:00Z')))), trust);
    expectRefused(report, 'TIMESTAMP_SIGNATURE_INVALID', /own signature is not valid.*2026-01-15/);
  });

  it('refuses a token of the trusted authority issued for other bytes than the seal', async () => {
    const report = await verifySealedPdf(await seal([pki.seal, pki.issuingCa], tokens(pki.tsa, SEALED_AT, undefined, sha256('other bytes'))), trust);
    expectRefused(report, 'TIMESTAMP_IMPRINT_MISMATCH', /issued for other bytes than the seal's signature value/);
  });

  it('refuses a token signed with a certificate that is not a timestamping certificate', async () => {
    const notTsa = issueCertificate({ commonName: 'Test web server', key: pki.keys.rogue, issuer: pki.timestampRoot, validFrom: date('2025-01-01T00:00:00Z'), validTo: date('2035-01-01T00:00:00Z'), keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: { purposes: [id_kp_serverAuth], critical: false } });
    const report = await verifySealedPdf(await seal([pki.seal, pki.issuingCa], tokens(notTsa)), trust);
    expectRefused(report, 'TIMESTAMP_NOT_FOR_TIMESTAMPING', /critical extended key usage of timeStamping/);
  });
});

describe('forged certificate paths', () => {
  it('refuses a seal certificate issued through an end-entity certificate posing as a CA under the trusted root', async () => {
    const endEntity = issueCertificate({ commonName: 'Test Commission Seal CA', key: pki.keys.rogue, issuer: pki.root, validFrom: date('2025-01-01T00:00:00Z'), validTo: date('2035-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    const forged = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: endEntity, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    const report = await verifySealedPdf(await seal([forged, endEntity], tokens(pki.tsa)), trust);
    expectRefused(report, 'ISSUER_NOT_CA', /is not a certification authority/);
    expectRefused(report, 'ISSUER_CANNOT_SIGN_CERTIFICATES', /keyCertSign/);
  });

  it('refuses a CA placed deeper than its issuer allows (path length)', async () => {
    const subCa = issueCertificate({ commonName: 'Test sub-CA', key: pki.keys.rogue, issuer: pki.issuingCa, validFrom: date('2025-01-01T00:00:00Z'), validTo: date('2035-01-01T00:00:00Z'), basicConstraints: { ca: true }, keyUsage: ISSUES });
    const deep = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: subCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    expectRefused(await verifySealedPdf(await seal([deep, subCa, pki.issuingCa], tokens(pki.tsa)), trust), 'PATH_LENGTH_EXCEEDED', /allows at most 0 intermediate CAs below it, but the path has 1/);
  });

  it('refuses a seal certificate whose key usage is not for signing', async () => {
    const encipherOnly = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: pki.issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: KeyUsageFlags.keyEncipherment });
    expectRefused(await verifySealedPdf(await seal([encipherOnly, pki.issuingCa], tokens(pki.tsa)), trust), 'SEAL_KEY_USAGE', /without digitalSignature or nonRepudiation/);
  });

  it('refuses a certificate signed with SHA-1, and an RSA key under 2048 bits', async () => {
    const sha1 = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: pki.issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS, sha1: true });
    expectRefused(await verifySealedPdf(await seal([sha1, pki.issuingCa], tokens(pki.tsa)), trust), 'WEAK_ALGORITHM', /sha1WithRSAEncryption/);
    const short = issueCertificate({ commonName: 'Test Commission seal', key: rsaKey(1024), issuer: pki.issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2027-01-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    expectRefused(await verifySealedPdf(await seal([short, pki.issuingCa], tokens(pki.tsa)), trust), 'WEAK_ALGORITHM', /RSA key of 1024 bits/);
  }, TIMEOUT);

  it('judges validity at the verified timestamp: a certificate expired by then is refused', async () => {
    const expired = issueCertificate({ commonName: 'Test Commission seal', key: pki.keys.seal, issuer: pki.issuingCa, validFrom: date('2026-01-01T00:00:00Z'), validTo: date('2026-03-01T00:00:00Z'), basicConstraints: { ca: false }, keyUsage: SIGNS });
    const report = await verifySealedPdf(await seal([expired, pki.issuingCa], tokens(pki.tsa)), trust);
    expectRefused(report, 'CERTIFICATE_EXPIRED', /had expired at the time the signature timestamp attests \(2026-06-01T12:00:00.000Z\)/);
  });

  it('refuses a self-signed certificate that bears the name of the trusted seal certificate', async () => {
    const genuine = await createDevelopmentSeal();
    const impostor = await createDevelopmentSeal();
    const report = await verifySealedPdf(await renderSealedCertificate(input, impostor.signer), { sealAnchors: [genuine.certificateDer], at: VERIFIED_AT });
    expectRefused(report, 'CERTIFICATE_UNTRUSTED', /bears the name of the trusted certificate CN=European Ports Alliance development seal.*but was not made with that certificate's key/);
  });
});

describe('revocation', () => {
  const withCrl = async (revokedAt: Date) => addDss(genuineBT, { crls: [issueCrl(pki.issuingCa, VERIFIED_AT, [{ serial: pki.seal.serial, at: revokedAt }])] });

  it('refuses a seal whose certificate a CRL in the DSS revoked before the verified time of sealing', async () => {
    const report = await verifySealedPdf(await withCrl(date('2026-05-01T00:00:00Z')), trust);
    expectRefused(report, 'CERTIFICATE_REVOKED', /CN=Test Commission seal, C=BE was revoked on 2026-05-01.*the CRL of CN=Test Commission Seal CA, C=BE .*before the verified time of the seal/);
  });

  it('keeps a seal made before its certificate was revoked, and says when it was revoked', async () => {
    const report = await verifySealedPdf(await withCrl(date('2026-06-15T00:00:00Z')), trust);
    expect(report.failures).toEqual([]);
    expect(report.limitations.find((limitation) => limitation.code === 'REVOKED_AFTER_SEALING')?.message).toMatch(/revoked on 2026-06-15.*after the verified time of the seal/);
  });

  it('refuses a seal whose certificate an OCSP response of its issuer, in the DSS, says was revoked before sealing', async () => {
    const ocsp = issueOcspResponse(pki.issuingCa, pki.seal, VERIFIED_AT, { revokedAt: date('2026-05-01T00:00:00Z') });
    const report = await verifySealedPdf(await addDss(genuineBT, { ocspResponses: [ocsp] }), trust);
    expectRefused(report, 'CERTIFICATE_REVOKED', /revoked on 2026-05-01.*an OCSP response of 2026-07-01.* signed by CN=Test Commission Seal CA, C=BE/);
  });

  it('reaches B-LT on a good OCSP answer from a responder the issuing CA delegated to, and ignores one from a responder it did not', async () => {
    const ocspSigning = { purposes: [id_kp_OCSPSigning], critical: false };
    const responder = issueCertificate({ commonName: 'Test Seal CA OCSP responder', key: pki.keys.rogue, issuer: pki.issuingCa, validFrom: date('2025-01-01T00:00:00Z'), validTo: date('2035-01-01T00:00:00Z'), keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: ocspSigning });
    const others = [issueCrl(pki.root, SEALED_AT, []), issueCrl(pki.timestampRoot, SEALED_AT, [])];
    const delegated = await addDss(genuineBT, { crls: others, ocspResponses: [issueOcspResponse(pki.issuingCa, pki.seal, SEALED_AT, { responder })] });
    const good = await verifySealedPdf(delegated, trust);
    expect(good.failures).toEqual([]);
    expect(good.level).toBe('B-LT');
    expect(good.checks.find((check) => check.name === 'revocation')?.detail).toContain('CN=Test Commission seal, C=BE: not revoked (an OCSP response');

    const stranger = issueCertificate({ commonName: 'Test Seal CA OCSP responder', key: pki.keys.rogue, issuer: pki.timestampRoot, validFrom: date('2025-01-01T00:00:00Z'), validTo: date('2035-01-01T00:00:00Z'), keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: ocspSigning });
    const forged = await addDss(genuineBT, { crls: others, ocspResponses: [issueOcspResponse(pki.issuingCa, pki.seal, SEALED_AT, { responder: stranger, revokedAt: date('2026-05-01T00:00:00Z') })] });
    const ignored = await verifySealedPdf(forged, trust);
    expect(ignored.failures).toEqual([]);
    expect(ignored.level).toBe('B-T');
    expect(ignored.limitations.find((limitation) => limitation.code === 'REVOCATION_DATA_UNUSABLE')?.message).toMatch(/an OCSP response about CN=Test Commission seal, C=BE that neither its issuer nor a responder it authorised signed/);
  });

  it('ignores a CRL that its issuer did not sign', async () => {
    const forgedCrl = issueCrl({ ...pki.issuingCa, key: pki.keys.rogue }, VERIFIED_AT, [{ serial: pki.seal.serial, at: date('2026-05-01T00:00:00Z') }]);
    const report = await verifySealedPdf(await addDss(genuineBT, { crls: [forgedCrl] }), trust);
    expect(report.failures).toEqual([]);
    expect(report.limitations.find((limitation) => limitation.code === 'REVOCATION_DATA_UNUSABLE')?.message).toMatch(/a CRL from CN=Test Commission Seal CA, C=BE whose signature does not verify/);
  });
});

describe('changes to the sealed file', () => {
  it('refuses bytes appended after the sealed document', async () => {
    const report = await verifySealedPdf(Buffer.concat([genuineBT, Buffer.from('\n% appended after sealing\n')]), trust);
    expectRefused(report, 'APPENDED_BYTES', /25 bytes were added after the sealed document, and they are not a PDF update/);
  });

  it('refuses an incremental update that adds a page', async () => {
    const pages = (await PDFDocument.load(genuineBT, { updateMetadata: false })).getPageCount();
    const report = await verifySealedPdf(await incrementalUpdate(genuineBT, (doc) => void doc.addPage()), trust);
    expectRefused(report, 'MODIFIED_AFTER_SEALING', new RegExp(`The page tree was changed \\(its list of pages; the number of pages went from ${pages} to ${pages + 1}\\)`));
    expect(report.failures.map((failure) => failure.message)).toContainEqual(expect.stringMatching(/A page \(object \d+\) was added/));
  });

  it('refuses an incremental update that changes where a link leads', async () => {
    let pageNumber = 0;
    const updated = await incrementalUpdate(genuineBT, (doc) => {
      const found = firstLink(doc);
      pageNumber = found.pageNumber;
      doc.context.lookup(found.link, PDFDict).lookup(PDFName.of('A'), PDFDict).set(PDFName.of('URI'), PDFHexString.fromText('https://verify.example.net/forged'));
    });
    const report = await verifySealedPdf(updated, trust);
    expect(report.failures).toHaveLength(1);
    expectRefused(report, 'MODIFIED_AFTER_SEALING', new RegExp(`A link \\(on page ${pageNumber}\\) was changed \\(its target went from https://\\S+ to https://verify\\.example\\.net/forged\\)`));
  });

  it('refuses a DSS whose certificate takes the number of an object stream of the sealed document, hiding its objects', async () => {
    const objectStream = Number(/(\d+) 0 obj\s*<<[^>]*\/Type \/ObjStm/.exec(genuineBT.toString('latin1'))![1]);
    const updated = await incrementalUpdate(genuineBT, (doc) => {
      const hiding = PDFRef.of(objectStream);
      doc.context.assign(hiding, doc.context.stream(pki.issuingCa.der));
      doc.catalog.set(PDFName.of('DSS'), doc.context.register(doc.context.obj({ Type: 'DSS', Certs: [hiding] })));
    });
    expectRefused(await verifySealedPdf(updated, trust), 'MODIFIED_AFTER_SEALING', new RegExp(`Object ${objectStream}, an object stream holding objects of the sealed document, was replaced`));
  });

  it('refuses an update whose cross-reference section deletes the content of a page', async () => {
    const updated = await incrementalUpdate(genuineBT, () => undefined, { deleted: [await firstPageContents(genuineBT)] });
    expectRefused(await verifySealedPdf(updated, trust), 'MODIFIED_AFTER_SEALING', /The content of page 1 was deleted/);
  });

  it('refuses an update of a cross-reference table alone that deletes a link', async () => {
    const doc = await PDFDocument.load(genuineBT, { updateMetadata: false });
    const { link, pageNumber } = firstLink(doc);
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(genuineBT.toString('latin1'))![1];
    const table = `xref\n0 1\n0000000000 65535 f \n${link.objectNumber} 1\n0000000000 00001 f \ntrailer\n<< /Size ${doc.context.largestObjectNumber + 1} /Root ${String(doc.context.trailerInfo.Root)} /Prev ${previous} >>\nstartxref\n${genuineBT.length}\n%%EOF\n`;
    const report = await verifySealedPdf(Buffer.concat([genuineBT, Buffer.from(table)]), trust);
    expectRefused(report, 'MODIFIED_AFTER_SEALING', new RegExp(`A link \\(on page ${pageNumber}\\) was deleted`));
  });

  it('refuses a seal whose /Contents were swapped for the signature of another document', async () => {
    // The same certificate sealed a minute later: another document, with a signature of the same size.
    const other = await seal([pki.seal, pki.issuingCa], tokens(pki.tsa), new Date(SEALED_AT.getTime() + 60_000));
    const contentsOf = (pdf: Buffer) => /\/Contents\s*<([0-9a-fA-F]+)>/.exec(pdf.toString('latin1'))!;
    const target = contentsOf(genuineBT);
    const replacement = contentsOf(other)[1]!;
    expect(replacement.length).toBe(target[1]!.length);
    const swapped = Buffer.from(genuineBT);
    swapped.write(replacement, target.index + target[0].indexOf('<') + 1, 'latin1');
    const report = await verifySealedPdf(swapped, trust);
    expectRefused(report, 'DOCUMENT_HASH_MISMATCH', /do not match the digest the seal signed/);
    // The other document's signature is sound in itself: only the bytes it covers differ.
    expect(report.checks.find((check) => check.name === 'seal signature')?.passed).toBe(true);
  });

  it('refuses a seal whose signature value was altered, saying the document hash itself still matches', async () => {
    const contents = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(genuineBB.toString('latin1'))!;
    const cms = Buffer.from(contents[1]!, 'hex');
    const signatureValue = readSignedCms(trimPadding(cms)).signerInfo.signature;
    const at = cms.indexOf(signatureValue) + 10;
    cms[at] = (cms[at] ?? 0) ^ 0x01;
    const altered = Buffer.from(genuineBB);
    altered.write(cms.toString('hex'), contents.index + contents[0].indexOf('<') + 1, 'latin1');
    const report = await verifySealedPdf(altered, trust);
    expectRefused(report, 'SIGNATURE_INVALID', /does not verify with the public key of the certificate it carries/);
    expect(codes(report)).not.toContain('DOCUMENT_HASH_MISMATCH');
    expect(report.checks.find((check) => check.name === 'document hash')?.passed).toBe(true);
  });

  it('refuses a ByteRange shortened to leave the end of the file unsealed', async () => {
    const text = genuineBT.toString('latin1');
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!;
    const shortened = range[0].replace(/(\d+)(\s*\])$/, (_, length: string, end: string) => `${Number(length) - 20}${' '.repeat(length.length - String(Number(length) - 20).length)}${end}`);
    expect(shortened.length).toBe(range[0].length);
    const forged = Buffer.from(genuineBT);
    forged.write(shortened, range.index, 'latin1');
    expectRefused(await verifySealedPdf(forged, trust), 'BYTE_RANGE_INCOMPLETE', /stops 20 bytes before the end of the document it signs/);
  });
});

describe('files that are not sealed PDFs', () => {
  it('answers with a report and a reason, never an exception', async () => {
    expect(codes(await verifySealedPdf(Buffer.from('%PDF-1.7\nnot much else'), trust))).toEqual(['NO_SEAL']);
    const garbled = Buffer.from(genuineBT);
    const contents = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(garbled.toString('latin1'))!;
    garbled.write('3082ffff'.padEnd(400, 'f'), contents.index + contents[0].indexOf('<') + 1, 'latin1');
    const report = await verifySealedPdf(garbled, trust);
    expect(codes(report)).toEqual(['CMS_MALFORMED']);
    expect(report.valid).toBe(false);
  });
});
