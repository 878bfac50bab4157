import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  type Extension,
  KeyUsage,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_certificatePolicies,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';
import { DecodedOnce } from './decoded-once';
import { describeName } from './reasons';

/** What path validation needs to know about one certificate, decoded once. */
export interface CertificateFacts {
  readonly der: Buffer;
  readonly x509: X509Certificate;
  /** "CN=..., O=..., C=..." */
  readonly subject: string;
  readonly issuer: string;
  /** DER of the subject and issuer names, compared byte for byte (RFC 5280, 7.1, as DER). */
  readonly subjectDer: Buffer;
  readonly issuerDer: Buffer;
  readonly serialNumber: Buffer;
  /** The subjectPublicKey BIT STRING's contents: what OCSP's key hashes are taken over (RFC 6960, 4.1.1). */
  readonly subjectPublicKey: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly signatureAlgorithm: string;
  /** Absent when the certificate has no basicConstraints extension. */
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  /** KeyUsageFlags bits; absent when the certificate has no keyUsage extension. */
  readonly keyUsage?: number;
  readonly extendedKeyUsage?: { readonly purposes: readonly string[]; readonly critical: boolean };
  /** Critical extensions this validator does not process: RFC 5280 requires refusing such a certificate. */
  readonly unknownCriticalExtensions: readonly string[];
  /** Every extension, decoded as far as its type and value bytes, for those read only when needed. */
  readonly extensions: readonly Extension[];
}

/** Extensions this validator understands (and so may accept when critical). */
const PROCESSED_EXTENSIONS = new Set([
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_extKeyUsage,
  id_ce_subjectKeyIdentifier,
  id_ce_authorityKeyIdentifier,
  id_ce_subjectAltName,
  id_ce_cRLDistributionPoints,
  id_pe_authorityInfoAccess,
  // anyPolicy is accepted: the validation policy here sets no required policy, so policies constrain nothing.
  id_ce_certificatePolicies,
]);

/**
 * Decoded certificates: the same seal, CA and timestamp certificates come back on every document.
 */
const decoded = new DecodedOnce<CertificateFacts>({ entries: 64, bytes: 1024 * 1024 });

export function certificateFacts(der: Uint8Array): CertificateFacts {
  return decoded.get(der, decodeCertificate);
}

function decodeCertificate(der: Uint8Array): CertificateFacts {
  // A copy: the facts keep their bytes, never a view into a caller's buffer.
  const bytes = Buffer.from(der);
  const certificate = AsnConvert.parse(bytes, Certificate);
  const tbs = certificate.tbsCertificate;
  const x509 = new X509Certificate(bytes);
  let basicConstraints: CertificateFacts['basicConstraints'];
  let keyUsage: number | undefined;
  let extendedKeyUsage: CertificateFacts['extendedKeyUsage'];
  const unknownCriticalExtensions: string[] = [];
  for (const extension of tbs.extensions ?? []) {
    const value = extension.extnValue.buffer;
    if (extension.extnID === id_ce_basicConstraints) {
      const parsed = AsnConvert.parse(value, BasicConstraints);
      basicConstraints = { ca: parsed.cA, pathLength: parsed.pathLenConstraint };
    } else if (extension.extnID === id_ce_keyUsage) {
      keyUsage = AsnConvert.parse(value, KeyUsage).toNumber();
    } else if (extension.extnID === id_ce_extKeyUsage) {
      extendedKeyUsage = { purposes: [...AsnConvert.parse(value, ExtendedKeyUsage)], critical: extension.critical };
    } else if (extension.critical && !PROCESSED_EXTENSIONS.has(extension.extnID)) {
      unknownCriticalExtensions.push(extension.extnID);
    }
  }
  return {
    der: bytes,
    x509,
    subject: describeName(x509.subject),
    issuer: describeName(x509.issuer),
    subjectDer: Buffer.from(AsnConvert.serialize(tbs.subject)),
    issuerDer: Buffer.from(AsnConvert.serialize(tbs.issuer)),
    serialNumber: Buffer.from(tbs.serialNumber),
    subjectPublicKey: Buffer.from(tbs.subjectPublicKeyInfo.subjectPublicKey),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    signatureAlgorithm: certificate.signatureAlgorithm.algorithm,
    basicConstraints,
    keyUsage,
    extendedKeyUsage,
    unknownCriticalExtensions,
    extensions: tbs.extensions ?? [],
  };
}

/** Verdicts of `issued` by certificate and issuer: paths are built from the same certificates for every document. */
const issuedBy = new WeakMap<CertificateFacts, WeakMap<CertificateFacts, boolean>>();

/** True when `issuer` names the subject `certificate` names as its issuer and its key verifies the certificate's signature. */
export function issued(issuer: CertificateFacts, certificate: CertificateFacts): boolean {
  if (!issuer.subjectDer.equals(certificate.issuerDer)) return false;
  let verdicts = issuedBy.get(certificate);
  if (!verdicts) issuedBy.set(certificate, (verdicts = new WeakMap()));
  let verdict = verdicts.get(issuer);
  if (verdict === undefined) verdicts.set(issuer, (verdict = certificate.x509.verify(issuer.x509.publicKey)));
  return verdict;
}

/** Serial numbers compared as integers: DER keeps at most one leading zero, other encoders sometimes more. */
export function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  const strip = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    return Buffer.from(bytes.subarray(start));
  };
  return strip(a).equals(strip(b));
}
