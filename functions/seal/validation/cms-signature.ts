import { createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import * as asn1js from 'asn1js';
import { OIDS, derElement, derElements, parseDer, signedAttributesOf } from '../cms-asn1';
import { digestAlgorithmVerdict, signatureAlgorithmVerdict } from './algorithms';
import { certificateFacts, sameSerial, type CertificateFacts } from './certificate-facts';

const SIGNING_CERTIFICATE_V1 = '1.2.840.113549.1.9.16.2.12';

/** A CMS SignedData with one signer, decoded, with the bytes its signature covers. */
export interface SignedCms {
  readonly signedData: SignedData;
  readonly signerInfo: SignerInfo;
  /** The certificates the SignedData carries. */
  readonly certificates: readonly Buffer[];
  /** The signed attributes as the signature covers them (a DER SET), when there are any. */
  readonly signedAttributes?: Buffer;
  /** The encapsulated content (a timestamp token's TSTInfo); absent for a detached signature. */
  readonly content?: Buffer;
  readonly contentType: string;
}

/** Decodes a ContentInfo holding a SignedData; throws with a plain message when it is not one. */
export function readSignedCms(contentInfoDer: Uint8Array): SignedCms {
  const contentInfo = AsnConvert.parse(contentInfoDer, ContentInfo);
  if (contentInfo.contentType !== OIDS.signedData) throw new Error(`it holds ${contentInfo.contentType}, not a CMS SignedData`);
  const signedData = AsnConvert.parse(contentInfo.content, SignedData);
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo) throw new Error('the SignedData has no signer');
  if (others.length > 0) throw new Error('the SignedData has more than one signer');
  const certificates = carriedCertificates(contentInfoDer);
  const encapsulated = signedData.encapContentInfo;
  const content = encapsulated.eContent?.single ? Buffer.from(encapsulated.eContent.single.buffer) : encapsulated.eContent?.any ? Buffer.from(encapsulated.eContent.any) : undefined;
  return { signedData, signerInfo, certificates, signedAttributes: signedAttributesOf(contentInfoDer), content, contentType: encapsulated.eContentType };
}

/**
 * The certificates of a SignedData as the bytes it carries, found without decoding and encoding them again:
 * ContentInfo { contentType, [0] SignedData { version, digestAlgorithms, encapContentInfo, [0] certificates, ... } }.
 */
function carriedCertificates(contentInfoDer: Uint8Array): Buffer[] {
  const [, explicit] = derElements(derElement(contentInfoDer, 0x30).contents);
  const fields = derElements(derElement(explicit?.contents ?? new Uint8Array(), 0x30).contents);
  const certificateSet = fields.find((field) => field.tag === 0xa0);
  // Other certificate formats (attribute certificates, [1]/[2]/[3]) are tagged and are not X.509 certificates.
  return certificateSet ? derElements(certificateSet.contents).filter((element) => element.tag === 0x30).map((element) => Buffer.from(element.encoded)) : [];
}

/** The first value of a signed attribute, as DER. */
export function signedAttribute(cms: SignedCms, oid: string): ArrayBuffer | undefined {
  return cms.signerInfo.signedAttrs?.find((attribute) => attribute.attrType === oid)?.attrValues[0];
}

export function unsignedAttribute(cms: SignedCms, oid: string): ArrayBuffer | undefined {
  return cms.signerInfo.unsignedAttrs?.find((attribute) => attribute.attrType === oid)?.attrValues[0];
}

/** The certificate the SignerInfo names (issuer and serial number), among `candidates`. */
export function findSignerCertificate(cms: SignedCms, candidates: readonly Uint8Array[]): CertificateFacts | undefined {
  const sid = cms.signerInfo.sid.issuerAndSerialNumber;
  if (!sid) return undefined;
  const issuer = Buffer.from(AsnConvert.serialize(sid.issuer));
  return candidates.map(certificateFacts).find((candidate) => candidate.issuerDer.equals(issuer) && sameSerial(candidate.serialNumber, new Uint8Array(sid.serialNumber)));
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
  const digest = digestAlgorithmVerdict(cms.signerInfo.digestAlgorithm.algorithm);
  if (!digest.ok) return { refused: `the digest algorithm is refused (${digest.problem})`, kind: 'algorithm' };
  const signature = signatureAlgorithmVerdict(cms.signerInfo.signatureAlgorithm.algorithm);
  if (!signature.ok) return { refused: `the signature algorithm is refused (${signature.problem})`, kind: 'algorithm' };
  if (!cms.signedAttributes) return { refused: 'it has no signed attributes, which PAdES and RFC 3161 require', kind: 'structure' };
  const messageDigest = signedAttribute(cms, OIDS.messageDigest);
  if (!messageDigest) return { refused: 'it has no message-digest attribute', kind: 'structure' };
  const signedDigest = Buffer.from((parseDer(messageDigest) as asn1js.OctetString).valueBlock.valueHexView);
  return {
    digestMatches: signedDigest.equals(contentDigestOf(digest.hash!)),
    signatureValid: verifySignature(digest.hash!, cms.signedAttributes, signer.x509.publicKey, Buffer.from(cms.signerInfo.signature.buffer)),
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
