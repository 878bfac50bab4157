import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { Certificate } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { OIDS, der, derSetOf, signedAttributesOf } from './cms-asn1';
import { keyAlgorithmOf, sha256, type SealSigner } from './signer';
import { signatureAlgorithmIdentifier, toArrayBuffer } from './x509-builder';

/** Asks a timestamp authority for a token over a SHA-256 digest; returns the token (a CMS ContentInfo, DER). */
export type TimestampSource = (digest: Uint8Array) => Promise<Uint8Array>;

export interface CadesRequest {
  /** SHA-256 of the signed content (for a PDF: the bytes of its byte range). */
  readonly contentDigest: Uint8Array;
  readonly signer: SealSigner;
  /** With a timestamp authority the signature is CAdES B-T, without it B-B. */
  readonly timestamp?: TimestampSource;
}

/**
 * A detached CAdES baseline signature (ETSI EN 319 122-1) as PAdES uses it: signed attributes content-type,
 * message-digest and signing-certificate-v2; no signing-time, because PAdES takes the claimed time from the
 * PDF signature dictionary's M entry. With a timestamp source, the RFC 3161 token over the signature value
 * is added as the unsigned signature-time-stamp attribute.
 */
export async function createCadesSignature({ contentDigest, signer, timestamp }: CadesRequest): Promise<Buffer> {
  const [leafDer] = signer.certificateChain;
  if (!leafDer) throw new Error('the seal has no certificate');
  const leaf = AsnConvert.parse(leafDer, Certificate);

  const attributes = [
    new Attribute({ attrType: OIDS.contentType, attrValues: [der.objectIdentifier(OIDS.data)] }),
    new Attribute({ attrType: OIDS.messageDigest, attrValues: [der.octetString(contentDigest)] }),
    new Attribute({ attrType: OIDS.signingCertificateV2, attrValues: [signingCertificateV2(leafDer, leaf)] }),
  ];
  const { sorted, encoded: signedAttributes } = derSetOf(attributes.map((attribute) => AsnConvert.serialize(attribute)));
  const signatureValue = await signer.signDigest(sha256(signedAttributes));

  const unsignedAttrs = timestamp
    ? [new Attribute({ attrType: OIDS.signatureTimeStampToken, attrValues: [toArrayBuffer(await timestamp(sha256(signatureValue)))] })]
    : undefined;

  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: leaf.tbsCertificate.issuer, serialNumber: leaf.tbsCertificate.serialNumber }),
    }),
    digestAlgorithm: new DigestAlgorithmIdentifier({ algorithm: OIDS.sha256 }),
    signedAttrs: sorted.map((bytes) => AsnConvert.parse(bytes, Attribute)),
    signatureAlgorithm: signatureAlgorithmIdentifier(keyAlgorithmOf(leafDer)),
    signature: new OctetString(toArrayBuffer(signatureValue)),
    unsignedAttrs,
  });
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new DigestAlgorithmIdentifier({ algorithm: OIDS.sha256 })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OIDS.data }),
    certificates: new CertificateSet(signer.certificateChain.map((certificate) => new CertificateChoices({ certificate: AsnConvert.parse(certificate, Certificate) }))),
    signerInfos: new SignerInfos([signerInfo]),
  });
  const encoded = Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: OIDS.signedData, content: AsnConvert.serialize(signedData) })));
  assertSignedAttributesEncodedAsSigned(encoded, signedAttributes);
  return encoded;
}

/**
 * SigningCertificateV2 (RFC 5035) with one ESSCertIDv2: the SHA-256 of the signing certificate (the default
 * hash algorithm, so it is left out as DER requires) and its issuer and serial number. It binds the signature
 * to this certificate, so that a different certificate for the same key cannot be substituted.
 */
export function signingCertificateV2(leafDer: Uint8Array, leaf: Certificate): ArrayBuffer {
  const issuerName = asn1js.fromBER(AsnConvert.serialize(leaf.tbsCertificate.issuer)).result;
  const serialNumber = new asn1js.Integer({ valueHex: leaf.tbsCertificate.serialNumber });
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [issuerName] })] }),
      serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(leafDer) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] }).toBER();
}

/** The signature covers the DER SET of the signed attributes; the encoded SignerInfo must carry exactly those bytes. */
function assertSignedAttributesEncodedAsSigned(contentInfo: Buffer, signedAttributes: Buffer): void {
  const encoded = signedAttributesOf(contentInfo);
  if (!encoded || Buffer.compare(encoded, signedAttributes) !== 0) throw new Error('the encoded signed attributes differ from the signed ones');
}
