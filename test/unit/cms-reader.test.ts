import { createPublicKey, verify } from 'node:crypto';
import { type Attribute, ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { KeyUsageFlags, id_kp_OCSPSigning, id_kp_timeStamping } from '@peculiar/asn1-x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCadesSignature, signedData, signerCertificates } from '../../functions/seal/cades';
import { OIDS, der, derElement, derElements } from '../../functions/seal/cms-asn1';
import { inMemorySigner } from '../../functions/seal/in-memory-signer';
import { sha256 } from '../../functions/seal/signer';
import { certificateFacts } from '../../functions/seal/validation/certificate-facts';
import { readSignedCms, unsignedAttribute, type CmsAttribute } from '../../functions/seal/validation/cms-signature';
import { revocationStatus } from '../../functions/seal/validation/revocation';
import { issueCertificate, issueCrl, issueOcspResponse, rsaKey, timestampToken, type Issued } from '../support/seal-forgery';

/**
 * The CMS reader walks a signature with our DER reader and decodes only its SignerInfo; revocation data is
 * decoded once per content. What they find must be what a library that decodes the whole finds
 * (@peculiar/asn1-cms), and what is not DER, or not a SignedData, must still be refused.
 */

const date = (iso: string) => new Date(iso);
const AT = date('2026-06-01T12:00:00Z');

let root: Issued;
let seal: Issued;
let tsa: Issued;
let responder: Issued;
let sealCms: Buffer;

beforeAll(async () => {
  const [rootKey, sealKey, tsaKey, responderKey] = Array.from({ length: 4 }, () => rsaKey());
  const validFrom = date('2025-01-01T00:00:00Z');
  const validTo = date('2030-01-01T00:00:00Z');
  root = issueCertificate({ commonName: 'Reader Root', key: rootKey!, validFrom, validTo, basicConstraints: { ca: true }, keyUsage: KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign });
  seal = issueCertificate({ commonName: 'Reader seal', key: sealKey!, issuer: root, validFrom, validTo, basicConstraints: { ca: false }, keyUsage: KeyUsageFlags.digitalSignature });
  tsa = issueCertificate({ commonName: 'Reader TSA', key: tsaKey!, issuer: root, validFrom, validTo, keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: { purposes: [id_kp_timeStamping], critical: true } });
  responder = issueCertificate({ commonName: 'Reader OCSP', key: responderKey!, issuer: root, validFrom, validTo, keyUsage: KeyUsageFlags.digitalSignature, extendedKeyUsage: { purposes: [id_kp_OCSPSigning], critical: false } });
  sealCms = await createCadesSignature({
    contentDigest: sha256(Buffer.from('the sealed bytes')),
    signer: inMemorySigner(seal.keyPem, [seal.der, root.der]),
    timestamp: async (digest) => timestampToken(tsa, digest, AT, [root.der]),
  });
});

/** The whole SignedData, decoded by the library. */
function decodedWhole(contentInfoDer: Uint8Array): SignedData {
  return AsnConvert.parse(AsnConvert.parse(contentInfoDer, ContentInfo).content, SignedData);
}

describe('reading a CMS signature', () => {
  it('finds what decoding the whole finds: signer, signed and unsigned attributes, certificates, content', () => {
    for (const contentInfo of [sealCms, Buffer.from(unsignedAttribute(readSignedCms(sealCms), OIDS.signatureTimeStampToken)!)]) {
      const read = readSignedCms(contentInfo);
      const whole = decodedWhole(contentInfo);
      const signer = whole.signerInfos[0]!;
      const sid = signer.sid.issuerAndSerialNumber!;
      expect(Buffer.from(read.signerInfo.issuerAndSerialNumber!.issuer)).toEqual(Buffer.from(AsnConvert.serialize(sid.issuer)));
      expect(Buffer.from(read.signerInfo.issuerAndSerialNumber!.serialNumber)).toEqual(Buffer.from(sid.serialNumber));
      expect(read.signerInfo.digestAlgorithm).toBe(signer.digestAlgorithm.algorithm);
      expect(read.signerInfo.signatureAlgorithm).toBe(signer.signatureAlgorithm.algorithm);
      expect(read.signerInfo.signature).toEqual(Buffer.from(signer.signature.buffer));
      const asRead = (attributes: readonly CmsAttribute[]) => attributes.map((attribute) => [Buffer.from(attribute.type), attribute.values.map((value) => Buffer.from(value))]);
      const asDecoded = (attributes: readonly Attribute[] | undefined) => (attributes ?? []).map((attribute) => [der.objectIdentifier(attribute.attrType), attribute.attrValues.map((value) => Buffer.from(value))]);
      expect(asRead(read.signerInfo.signedAttributes)).toEqual(asDecoded(signer.signedAttrs));
      expect(asRead(read.signerInfo.unsignedAttributes)).toEqual(asDecoded(signer.unsignedAttrs));
      expect(read.certificates).toEqual((whole.certificates ?? []).map((choice) => Buffer.from(AsnConvert.serialize(choice.certificate!))));
      expect(read.contentType).toBe(whole.encapContentInfo.eContentType);
      expect(read.content).toEqual(whole.encapContentInfo.eContent ? Buffer.from(whole.encapContentInfo.eContent.single!.buffer) : undefined);
    }
    const sealRead = readSignedCms(sealCms);
    expect(sealRead.certificates).toEqual([seal.der, root.der]);
    expect(sealRead.signerInfo.unsignedAttributes).toHaveLength(1);
    // The signed attributes exactly as the signature covers them: a SET, the bytes of the [0] field retagged.
    expect(sealRead.signedAttributes?.[0]).toBe(0x31);
    expect(verify('sha256', sealRead.signedAttributes!, createPublicKey(seal.key), sealRead.signerInfo.signature)).toBe(true);
  });

  it('refuses what is not DER or not one SignedData with one signer, with a plain message', () => {
    const certificates = signerCertificates([seal.der, root.der]);
    const signedAttributes = der.setOf(der.attribute(OIDS.contentType, der.objectIdentifier(OIDS.data)));
    const parts = { certificates, contentType: OIDS.data, signedAttributes, signatureValue: Buffer.alloc(256, 1) };
    const sound = signedData(parts);
    expect(readSignedCms(sound).certificates).toHaveLength(2);

    const indefinite = Buffer.concat([Buffer.from([0x30, 0x80]), derElement(sound, 0x30).contents, Buffer.from([0, 0])]);
    expect(() => readSignedCms(indefinite)).toThrow(/not DER/);
    expect(() => readSignedCms(Buffer.concat([sound, Buffer.from([0x05, 0x00])]))).toThrow(/not a single DER value/);
    expect(() => readSignedCms(sound.subarray(0, sound.length - 10))).toThrow(/runs past the end/);
    expect(() => readSignedCms(der.sequence(der.objectIdentifier(OIDS.data), der.context(0, der.octetString(Buffer.from('x')))))).toThrow(`it holds ${OIDS.data}, not a CMS SignedData`);

    // Two signers, and none: the SignedData's last field is the SET of SignerInfos.
    const fields = derElements(derElement(derElements(derElement(sound, 0x30).contents)[1]!.contents, 0x30).contents);
    const signerInfo = derElements(fields.at(-1)!.contents)[0]!.encoded;
    const withSigners = (...signers: Uint8Array[]) => der.sequence(der.objectIdentifier(OIDS.signedData), der.context(0, der.sequence(...fields.slice(0, -1).map((field) => field.encoded), der.value(0x31, ...signers))));
    expect(readSignedCms(withSigners(signerInfo)).certificates).toHaveLength(2);
    expect(() => readSignedCms(withSigners(signerInfo, signerInfo))).toThrow('the SignedData has more than one signer');
    expect(() => readSignedCms(withSigners())).toThrow('the SignedData has no signer');
    // A SignerInfo without its signature, and one whose signer identifier is no issuer and serial number.
    const signerFields = derElements(derElement(signerInfo, 0x30).contents);
    expect(() => readSignedCms(withSigners(der.sequence(...signerFields.slice(0, -1).map((field) => field.encoded))))).toThrow('its SignerInfo is not well formed');
    expect(() => readSignedCms(withSigners(der.sequence(signerFields[0]!.encoded, der.sequence(der.smallInteger(1)), ...signerFields.slice(2).map((field) => field.encoded))))).toThrow('its signer identifier is not well formed');
    // A field missing: no encapsulated content.
    const withoutContent = der.sequence(der.objectIdentifier(OIDS.signedData), der.context(0, der.sequence(fields[0]!.encoded, fields[1]!.encoded, ...fields.slice(3).map((field) => field.encoded))));
    expect(() => readSignedCms(withoutContent)).toThrow('it is not a well-formed CMS SignedData');

    // A carried "certificate" that is a SEQUENCE but no certificate, and an unsigned attribute that is no Attribute.
    const garbage = der.sequence(der.smallInteger(1));
    expect(() => readSignedCms(signedData({ ...parts, certificates: { ...certificates, certificateSet: der.context(0, seal.der, garbage) } }))).toThrow();
    expect(() => readSignedCms(signedData({ ...parts, unsignedAttributes: [der.sequence(der.octetString(Buffer.from('no type')))] }))).toThrow('an unsigned attribute is not well formed');
  });
});

describe('revocation data, decoded once per content', () => {
  it('answers for each certificate asked about from the same responses, and keeps saying which cannot be read', () => {
    const sealFacts = certificateFacts(seal.der);
    const tsaFacts = certificateFacts(tsa.der);
    const rootFacts = certificateFacts(root.der);
    const revokedAt = date('2026-05-01T00:00:00Z');
    const data = {
      certificates: [],
      crls: [Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]), issueCrl(root, AT, [{ serial: tsa.serial, at: revokedAt }])],
      ocspResponses: [Buffer.from('not an OCSP response'), issueOcspResponse(root, seal, AT, { responder })],
    };
    for (let round = 0; round < 2; round++) {
      const sealStatus = revocationStatus(sealFacts, rootFacts, data);
      expect(sealStatus).toEqual({ status: 'good', source: `an OCSP response of ${AT.toISOString()} signed by CN=Reader OCSP, C=BE` });
      const tsaStatus = revocationStatus(tsaFacts, rootFacts, data);
      expect(tsaStatus).toMatchObject({ status: 'revoked', revokedAt });
      const unknown = revocationStatus(tsaFacts, rootFacts, { ...data, crls: data.crls.slice(0, 1) });
      expect(unknown).toEqual({ status: 'unknown', problems: ['an OCSP response that cannot be read', 'a CRL that cannot be read'] });
    }
  });

  it('reads an OCSP error status as no answer, and a response whose carried certificate is not one as unreadable', () => {
    const sealFacts = certificateFacts(seal.der);
    const rootFacts = certificateFacts(root.der);
    const tryLater = der.sequence(der.value(0x0a, Buffer.from([3])));
    expect(revocationStatus(sealFacts, rootFacts, { certificates: [], crls: [], ocspResponses: [tryLater] })).toEqual({ status: 'unknown', problems: [] });

    // The responder's certificate inside the response replaced by a SEQUENCE of the same length that is no certificate.
    const genuine = issueOcspResponse(root, seal, AT, { responder });
    const at = genuine.indexOf(responder.der);
    expect(at).toBeGreaterThan(0);
    const broken = Buffer.from(genuine);
    Buffer.concat([Buffer.from(responder.der.subarray(0, 4)), Buffer.alloc(responder.der.length - 4, 0x05)]).copy(broken, at);
    expect(revocationStatus(sealFacts, rootFacts, { certificates: [], crls: [], ocspResponses: [broken] })).toEqual({ status: 'unknown', problems: ['an OCSP response that cannot be read'] });
  });
});
