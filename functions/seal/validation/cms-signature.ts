import { createHash, verify as verifySignature } from 'node:crypto';
import * as asn1js from 'asn1js';
import { OIDS, der, derElement, derElements, objectIdentifierOf, parseDer, type DerElement } from '../cms-asn1';
import { digestAlgorithmVerdict, signatureAlgorithmVerdict } from './algorithms';
import { certificateFacts, sameSerial, type CertificateFacts } from './certificate-facts';

const SIGNING_CERTIFICATE_V1 = '1.2.840.113549.1.9.16.2.12';

/** An attribute as the SignerInfo carries it: its type and its values, as DER, not decoded. */
export interface CmsAttribute {
  /** The encoded OBJECT IDENTIFIER. */
  readonly type: Uint8Array;
  readonly values: readonly Uint8Array[];
}

/** What a SignerInfo says (RFC 5652, 5.3), read field by field. */
export interface SignerInfoFields {
  /** The signing certificate's issuer (its Name, DER) and serial number (the INTEGER's contents); absent when the signer is named by key identifier. */
  readonly issuerAndSerialNumber?: { readonly issuer: Uint8Array; readonly serialNumber: Uint8Array };
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
  readonly signature: Buffer;
  readonly signedAttributes: readonly CmsAttribute[];
  readonly unsignedAttributes: readonly CmsAttribute[];
}

/** A CMS SignedData with one signer, with the bytes its signature covers. */
export interface SignedCms {
  readonly signerInfo: SignerInfoFields;
  /** The certificates the SignedData carries, as it carries them. */
  readonly certificates: readonly Buffer[];
  /** The signed attributes as the signature covers them (a DER SET), when there are any. */
  readonly signedAttributes?: Buffer;
  /** The encapsulated content (a timestamp token's TSTInfo); absent for a detached signature. */
  readonly content?: Buffer;
  readonly contentType: string;
}

/**
 * Reads a ContentInfo holding a SignedData; throws with a plain message when it is not one. The structure is
 * walked with `derElements` (DER only, every length checked) and nothing is decoded but the few values read:
 * a decoder given the whole decodes every certificate and the timestamp token inside it, which the
 * certificate checks and the token's own verification read from their bytes anyway.
 */
export function readSignedCms(contentInfoDer: Uint8Array): SignedCms {
  // ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY } (RFC 5652, 3)
  const [contentType, explicitContent, ...extra] = derElements(derElement(contentInfoDer, 0x30).contents);
  if (contentType?.tag !== 0x06 || explicitContent?.tag !== 0xa0 || extra.length > 0) throw new Error('it is not a CMS ContentInfo');
  if (!der.objectIdentifier(OIDS.signedData).equals(contentType.encoded)) throw new Error(`it holds ${objectIdentifierOf(contentType.encoded)}, not a CMS SignedData`);
  const fields = signedDataFields(derElement(explicitContent.contents, 0x30).contents);
  const [signerInfo, ...others] = derElements(fields.signerInfos.contents);
  if (!signerInfo) throw new Error('the SignedData has no signer');
  if (others.length > 0) throw new Error('the SignedData has more than one signer');
  const signer = readSignerInfo(signerInfo);
  const encapsulated = encapsulatedContent(fields.encapContentInfo);
  // Other certificate formats (attribute certificates, [1]/[2]/[3]) are tagged and are not X.509 certificates.
  const certificates = fields.certificates ? derElements(fields.certificates.contents).filter((element) => element.tag === 0x30).map((element) => Buffer.from(element.encoded)) : [];
  // A carried certificate that cannot be decoded makes the signature unreadable, as decoding the whole SignedData did
  // (decoded once: the facts are kept for the checks that follow).
  certificates.forEach((certificate) => certificateFacts(certificate));
  return { ...signer, certificates, ...encapsulated };
}

interface SignedDataFields {
  readonly encapContentInfo: DerElement;
  readonly certificates?: DerElement;
  readonly signerInfos: DerElement;
}

/** SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, certificates [0] IMPLICIT OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET } */
function signedDataFields(contents: Uint8Array): SignedDataFields {
  const [version, digestAlgorithms, encapContentInfo, ...rest] = derElements(contents);
  const signerInfos = rest.pop();
  const certificates = rest[0]?.tag === 0xa0 ? rest.shift() : undefined;
  const crls = rest[0]?.tag === 0xa1 ? rest.shift() : undefined;
  if (version?.tag !== 0x02 || digestAlgorithms?.tag !== 0x31 || encapContentInfo?.tag !== 0x30 || signerInfos?.tag !== 0x31 || rest.length > 0
    || !derElements(digestAlgorithms.contents).every((algorithm) => algorithm.tag === 0x30)) {
    throw new Error('it is not a well-formed CMS SignedData');
  }
  // Unused here, but it must be DER like the rest.
  if (crls) derElements(crls.contents);
  return { encapContentInfo, certificates, signerInfos };
}

/** EncapsulatedContentInfo ::= SEQUENCE { eContentType OBJECT IDENTIFIER, eContent [0] EXPLICIT OCTET STRING OPTIONAL } */
function encapsulatedContent(element: DerElement): { contentType: string; content?: Buffer } {
  const [eContentType, eContent, ...extra] = derElements(element.contents);
  if (eContentType?.tag !== 0x06 || (eContent !== undefined && eContent.tag !== 0xa0) || extra.length > 0) throw new Error('its encapsulated content is not well formed');
  return { contentType: objectIdentifierOf(eContentType.encoded), content: eContent ? Buffer.from(derElement(eContent.contents, 0x04).contents) : undefined };
}

/**
 * SignerInfo ::= SEQUENCE { version INTEGER, sid SignerIdentifier, digestAlgorithm, signedAttrs [0] IMPLICIT
 * OPTIONAL, signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }, where
 * SignerIdentifier is issuerAndSerialNumber (a SEQUENCE) or subjectKeyIdentifier [0] IMPLICIT.
 */
function readSignerInfo(element: DerElement): Pick<SignedCms, 'signerInfo' | 'signedAttributes'> {
  if (element.tag !== 0x30) throw new Error('its SignerInfo is not a SEQUENCE');
  const fields = derElements(element.contents);
  const take = (...tags: number[]) => (fields[0] !== undefined && tags.includes(fields[0].tag) ? fields.shift() : undefined);
  const version = take(0x02);
  const sid = take(0x30, 0x80);
  const digestAlgorithm = take(0x30);
  const signed = take(0xa0);
  const signatureAlgorithm = take(0x30);
  const signature = take(0x04);
  const unsigned = take(0xa1);
  if (!version || !sid || !digestAlgorithm || !signatureAlgorithm || !signature || fields.length > 0) throw new Error('its SignerInfo is not well formed');
  let issuerAndSerialNumber: SignerInfoFields['issuerAndSerialNumber'];
  if (sid.tag === 0x30) {
    const [issuer, serialNumber, ...extra] = derElements(sid.contents);
    if (issuer?.tag !== 0x30 || serialNumber?.tag !== 0x02 || extra.length > 0) throw new Error('its signer identifier is not well formed');
    issuerAndSerialNumber = { issuer: issuer.encoded, serialNumber: serialNumber.contents };
  }
  return {
    signerInfo: {
      issuerAndSerialNumber,
      digestAlgorithm: algorithmOf(digestAlgorithm),
      signatureAlgorithm: algorithmOf(signatureAlgorithm),
      signature: Buffer.from(signature.contents),
      signedAttributes: signed ? derElements(signed.contents).map((attribute) => attributeOf(attribute, 'a signed')) : [],
      unsignedAttributes: unsigned ? derElements(unsigned.contents).map((attribute) => attributeOf(attribute, 'an unsigned')) : [],
    },
    // The [0] IMPLICIT field with its tag turned back into SET is what the signature covers (RFC 5652, 5.4).
    signedAttributes: signed ? der.retagged(signed.encoded, 0x31) : undefined,
  };
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL } */
function algorithmOf(element: DerElement): string {
  const [algorithm, , ...extra] = derElements(element.contents);
  if (algorithm?.tag !== 0x06 || extra.length > 0) throw new Error('an algorithm identifier is not well formed');
  return objectIdentifierOf(algorithm.encoded);
}

/** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue } */
function attributeOf(element: DerElement, kind: string): CmsAttribute {
  const [type, values, ...extra] = element.tag === 0x30 ? derElements(element.contents) : [];
  if (type?.tag !== 0x06 || values?.tag !== 0x31 || extra.length > 0) throw new Error(`${kind} attribute is not well formed`);
  return { type: type.encoded, values: derElements(values.contents).map((value) => value.encoded) };
}

/** The first value of a signed attribute, as DER (a view into the signature's bytes). */
export function signedAttribute(cms: SignedCms, oid: string): Uint8Array | undefined {
  return firstValue(cms.signerInfo.signedAttributes, oid);
}

/** The first value of an unsigned attribute, as DER (a view into the signature's bytes). */
export function unsignedAttribute(cms: SignedCms, oid: string): Uint8Array | undefined {
  return firstValue(cms.signerInfo.unsignedAttributes, oid);
}

function firstValue(attributes: readonly CmsAttribute[], oid: string): Uint8Array | undefined {
  const type = der.objectIdentifier(oid);
  return attributes.find((attribute) => type.equals(attribute.type))?.values[0];
}

/** The certificate the SignerInfo names (issuer and serial number), among `candidates`. */
export function findSignerCertificate(cms: SignedCms, candidates: readonly Uint8Array[]): CertificateFacts | undefined {
  const sid = cms.signerInfo.issuerAndSerialNumber;
  if (!sid) return undefined;
  return candidates.map(certificateFacts).find((candidate) => candidate.issuerDer.equals(sid.issuer) && sameSerial(candidate.serialNumber, sid.serialNumber));
}

/**
 * What a signer's checks found. `refused`: an algorithm refused or a structure PAdES and RFC 3161 do not
 * allow, so nothing else was checked; otherwise whether the signed digest is the content's and whether
 * the signature verifies, each on its own, so that a report can say which of the two failed.
 */
export type SignerCheck =
  | { readonly refused: string; readonly kind: 'algorithm' | 'structure' }
  | { readonly refused?: undefined; readonly digestMatches: boolean; readonly signatureValid: boolean };

/**
 * Checks what RFC 5652, 5.4 and 5.6, ask of a signer with signed attributes: the message-digest attribute
 * equals the digest of the content (`contentDigestOf` hashes it with the signer's digest algorithm), and the
 * signature over the signed attributes verifies with the signer certificate's key.
 */
export function verifySigner(cms: SignedCms, signer: CertificateFacts, contentDigestOf: (hash: string) => Buffer): SignerCheck {
  const digest = digestAlgorithmVerdict(cms.signerInfo.digestAlgorithm);
  if (!digest.ok) return { refused: `the digest algorithm is refused (${digest.problem})`, kind: 'algorithm' };
  const signature = signatureAlgorithmVerdict(cms.signerInfo.signatureAlgorithm);
  if (!signature.ok) return { refused: `the signature algorithm is refused (${signature.problem})`, kind: 'algorithm' };
  if (!cms.signedAttributes) return { refused: 'it has no signed attributes, which PAdES and RFC 3161 require', kind: 'structure' };
  const messageDigest = signedAttribute(cms, OIDS.messageDigest);
  if (!messageDigest) return { refused: 'it has no message-digest attribute', kind: 'structure' };
  const signedDigest = Buffer.from((parseDer(messageDigest) as asn1js.OctetString).valueBlock.valueHexView);
  return {
    digestMatches: signedDigest.equals(contentDigestOf(digest.hash!)),
    signatureValid: verifySignature(digest.hash!, cms.signedAttributes, signer.x509.publicKey, cms.signerInfo.signature),
  };
}

/**
 * Whether the signing-certificate attribute (v2, RFC 5035, or v1 as older timestamp tokens carry) holds
 * the hash of `signer`: the binding that stops a different certificate for the same key being substituted.
 */
export function boundCertificate(cms: SignedCms, signer: CertificateFacts): 'bound' | 'other' | 'missing' {
  const v2 = signedAttribute(cms, OIDS.signingCertificateV2);
  const v1 = v2 ? undefined : signedAttribute(cms, SIGNING_CERTIFICATE_V1);
  const value = v2 ?? v1;
  if (!value) return 'missing';
  // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), ... }
  const certs = (parseDer(value) as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const parts = first?.valueBlock.value ?? [];
  const certHash = parts.find((part): part is asn1js.OctetString => part instanceof asn1js.OctetString);
  if (!certHash) return 'missing';
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, ... }; ESSCertID's certHash is SHA-1.
  const algorithm = v1 ? '1.3.14.3.2.26' : parts[0] instanceof asn1js.Sequence ? (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() : OIDS.sha256;
  const hash = v1 ? { ok: true as const, hash: 'sha1' } : digestAlgorithmVerdict(algorithm);
  if (!hash.ok) return 'other';
  return createHash(hash.hash!).update(signer.der).digest().equals(Buffer.from(certHash.valueBlock.valueHexView)) ? 'bound' : 'other';
}
