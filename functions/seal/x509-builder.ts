import { randomBytes } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Attributes, CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { SIGNATURE_ALGORITHMS, sha256, type KeyAlgorithm } from './signer';

/** Sign the SHA-256 digest of the to-be-signed bytes; the same port as `SealSigner.signDigest`. */
export type DigestSigner = (sha256: Uint8Array) => Promise<Uint8Array>;

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** ISO 3166 two-letter code. */
  country?: string;
}

/**
 * Builds a certificate signing request for a key that cannot leave its keystore (AWS KMS): the request is
 * signed through `sign`, exactly as the seal is. Send the PEM to the certification authority.
 */
export async function createCertificateSigningRequest(subject: DistinguishedName, subjectPublicKeyInfoDer: Uint8Array, algorithm: KeyAlgorithm, sign: DigestSigner): Promise<string> {
  const info = new CertificationRequestInfo({
    version: 0,
    subject: nameOf(subject),
    subjectPKInfo: AsnConvert.parse(subjectPublicKeyInfoDer, SubjectPublicKeyInfo),
    attributes: new Attributes(),
  });
  const infoDer = AsnConvert.serialize(info);
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: signatureAlgorithmIdentifier(algorithm),
    signature: toArrayBuffer(await sign(sha256(new Uint8Array(infoDer)))),
  });
  return toPem('CERTIFICATE REQUEST', AsnConvert.serialize(request));
}

/** A self-signed seal certificate (development and local stack only). Returns DER. */
export async function createSelfSignedCertificate(
  subject: DistinguishedName,
  subjectPublicKeyInfoDer: Uint8Array,
  algorithm: KeyAlgorithm,
  sign: DigestSigner,
  validityYears = 5,
): Promise<Buffer> {
  const name = nameOf(subject);
  const notBefore = new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  const serial = randomBytes(16);
  // Positive (top bit clear) and minimal: a leading 0x00 byte would be a non-minimal DER INTEGER, which
  // OpenSSL refuses (one certificate in 256 failed to parse before).
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  const keyIdentifier = sha256(subjectPublicKeyInfoDer).subarray(0, 20);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: toArrayBuffer(serial),
    signature: signatureAlgorithmIdentifier(algorithm),
    issuer: name,
    validity: new Validity({ notBefore, notAfter }),
    subject: name,
    subjectPublicKeyInfo: AsnConvert.parse(subjectPublicKeyInfoDer, SubjectPublicKeyInfo),
    extensions: new Extensions([
      extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: false })),
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(toArrayBuffer(keyIdentifier))),
    ]),
  });
  const signature = await sign(sha256(new Uint8Array(AsnConvert.serialize(tbs))));
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: signatureAlgorithmIdentifier(algorithm), signatureValue: toArrayBuffer(signature) });
  return Buffer.from(AsnConvert.serialize(certificate));
}

export function signatureAlgorithmIdentifier(algorithm: KeyAlgorithm): AlgorithmIdentifier {
  const { oid, hasNullParameters } = SIGNATURE_ALGORITHMS[algorithm];
  return new AlgorithmIdentifier({ algorithm: oid, parameters: hasNullParameters ? null : undefined });
}

function nameOf(subject: DistinguishedName): Name {
  const parts: [string, string | undefined, 'printable' | 'utf8'][] = [
    ['2.5.4.6', subject.country, 'printable'],
    ['2.5.4.10', subject.organization, 'utf8'],
    ['2.5.4.11', subject.organizationalUnit, 'utf8'],
    ['2.5.4.3', subject.commonName, 'utf8'],
  ];
  return new Name(
    parts
      .filter((part): part is [string, string, 'printable' | 'utf8'] => Boolean(part[1]))
      .map(([type, value, kind]) => new RelativeDistinguishedName([
        new AttributeTypeAndValue({ type, value: new AttributeValue(kind === 'printable' ? { printableString: value } : { utf8String: value }) }),
      ])),
  );
}

function extension(extnID: string, critical: boolean, value: object): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const base64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}
