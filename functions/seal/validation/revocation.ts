import { createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus, id_pkix_ocsp_basic } from '@peculiar/asn1-ocsp';
import { Certificate, CertificateList, KeyUsageFlags, id_kp_OCSPSigning } from '@peculiar/asn1-x509';
import { derElement, derElements } from '../cms-asn1';
import { digestAlgorithmVerdict, signatureAlgorithmVerdict } from './algorithms';
import { certificateFacts, issued, sameSerial, type CertificateFacts } from './certificate-facts';
import type { CertificatePath } from './certificate-path';
import type { Findings } from './reasons';
import type { VerifiedTimestamp } from './timestamp-token';

/**
 * Revocation data as a PDF's Document Security Store holds it (ETSI EN 319 142-1, 5.4.2), or as a
 * validation service fetched it: DER certificates, CRLs and OCSP responses.
 */
export interface RevocationData {
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
}

export const NO_REVOCATION_DATA: RevocationData = { certificates: [], crls: [], ocspResponses: [] };

export type RevocationStatus =
  | { readonly status: 'good'; readonly source: string }
  | { readonly status: 'revoked'; readonly revokedAt: Date; readonly source: string }
  | { readonly status: 'unknown'; readonly problems: readonly string[] };

/**
 * The status of `certificate` according to the CRLs and OCSP responses in `data` that its issuer (or, for
 * OCSP, a responder the issuer delegated to) signed. Data that does not verify is ignored, and said so.
 */
export function revocationStatus(certificate: CertificateFacts, issuer: CertificateFacts, data: RevocationData): RevocationStatus {
  const problems: string[] = [];
  for (const der of data.ocspResponses) {
    const found = fromOcsp(der, certificate, issuer, data.certificates, problems);
    if (found) return found;
  }
  for (const der of data.crls) {
    const found = fromCrl(der, certificate, issuer, problems);
    if (found) return found;
  }
  return { status: 'unknown', problems };
}

function fromCrl(der: Uint8Array, certificate: CertificateFacts, issuer: CertificateFacts, problems: string[]): RevocationStatus | undefined {
  let crl: CertificateList;
  try {
    crl = AsnConvert.parse(der, CertificateList);
  } catch {
    problems.push('a CRL that cannot be read');
    return undefined;
  }
  if (!Buffer.from(AsnConvert.serialize(crl.tbsCertList.issuer)).equals(issuer.subjectDer)) return undefined;
  const algorithm = signatureAlgorithmVerdict(crl.signatureAlgorithm.algorithm);
  // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }: the signed bytes as they are.
  const tbsCertList = derElements(derElement(der, 0x30).contents)[0]!.encoded;
  if (!algorithm.ok || !algorithm.hash || !verifySignature(algorithm.hash, tbsCertList, issuer.x509.publicKey, Buffer.from(crl.signature))) {
    problems.push(`a CRL from ${issuer.subject} whose signature does not verify${algorithm.ok ? '' : ` (${algorithm.problem})`}`);
    return undefined;
  }
  if (issuer.keyUsage !== undefined && (issuer.keyUsage & KeyUsageFlags.cRLSign) === 0) {
    problems.push(`a CRL from ${issuer.subject}, whose key usage does not allow signing CRLs`);
    return undefined;
  }
  const source = `the CRL of ${issuer.subject} of ${crl.tbsCertList.thisUpdate.getTime().toISOString()}`;
  const entry = crl.tbsCertList.revokedCertificates?.find((revoked) => sameSerial(new Uint8Array(revoked.userCertificate), certificate.serialNumber));
  return entry ? { status: 'revoked', revokedAt: entry.revocationDate.getTime(), source } : { status: 'good', source };
}

function fromOcsp(der: Uint8Array, certificate: CertificateFacts, issuer: CertificateFacts, carried: readonly Uint8Array[], problems: string[]): RevocationStatus | undefined {
  let basic: BasicOCSPResponse;
  let basicDer: Uint8Array;
  try {
    const response = AsnConvert.parse(der, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful || response.responseBytes?.responseType !== id_pkix_ocsp_basic) return undefined;
    basicDer = new Uint8Array(response.responseBytes.response.buffer);
    basic = AsnConvert.parse(basicDer, BasicOCSPResponse);
  } catch {
    problems.push('an OCSP response that cannot be read');
    return undefined;
  }
  const single = basic.tbsResponseData.responses.find((candidate) => {
    const hash = digestAlgorithmVerdict(candidate.certID.hashAlgorithm.algorithm);
    const name = hash.ok ? hash.hash! : 'sha1'; // CertID hashes identify, they do not protect: SHA-1 is the usual choice
    return sameSerial(new Uint8Array(candidate.certID.serialNumber), certificate.serialNumber)
      && createHash(name).update(issuer.subjectDer).digest().equals(Buffer.from(candidate.certID.issuerNameHash.buffer))
      && createHash(name).update(publicKeyBits(issuer)).digest().equals(Buffer.from(candidate.certID.issuerKeyHash.buffer));
  });
  if (!single) return undefined;
  const responder = ocspResponder(basic, issuer, [...(basic.certs ?? []).map((cert) => Buffer.from(AsnConvert.serialize(cert))), ...carried]);
  const algorithm = signatureAlgorithmVerdict(basic.signatureAlgorithm.algorithm);
  // BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature, certs [0] OPTIONAL }
  const tbsResponseData = derElements(derElement(basicDer, 0x30).contents)[0]!.encoded;
  if (!responder || !algorithm.ok || !algorithm.hash || !verifySignature(algorithm.hash, tbsResponseData, responder.x509.publicKey, Buffer.from(basic.signature))) {
    problems.push(`an OCSP response about ${certificate.subject} that neither its issuer nor a responder it authorised signed${algorithm.ok ? '' : ` (${algorithm.problem})`}`);
    return undefined;
  }
  const source = `an OCSP response of ${single.thisUpdate.toISOString()} signed by ${responder.subject}`;
  if (single.certStatus.revoked) return { status: 'revoked', revokedAt: single.certStatus.revoked.revocationTime, source };
  if (single.certStatus.unknown !== undefined) {
    problems.push(`${source} that does not know the certificate`);
    return undefined;
  }
  return { status: 'good', source };
}

/** The issuer itself, or a certificate it issued for OCSP signing (RFC 6960, 4.2.2.2), that the ResponderID names. */
function ocspResponder(basic: BasicOCSPResponse, issuer: CertificateFacts, candidates: readonly Uint8Array[]): CertificateFacts | undefined {
  const { byName, byKey } = basic.tbsResponseData.responderID;
  const names = (candidate: CertificateFacts) => (byName
    ? Buffer.from(AsnConvert.serialize(byName)).equals(candidate.subjectDer)
    : byKey !== undefined && createHash('sha1').update(publicKeyBits(candidate)).digest().equals(Buffer.from(byKey.buffer)));
  if (names(issuer)) return issuer;
  return candidates.map(certificateFacts).find((candidate) => names(candidate)
    && issued(issuer, candidate)
    && candidate.extendedKeyUsage?.purposes.includes(id_kp_OCSPSigning) === true);
}

function publicKeyBits(certificate: CertificateFacts): Buffer {
  return Buffer.from(AsnConvert.parse(certificate.der, Certificate).tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
}

/** The document's revocation data with any given from outside. */
export function mergeRevocationData(document: RevocationData, outside: RevocationData | undefined): RevocationData {
  if (!outside) return document;
  return {
    certificates: [...document.certificates, ...outside.certificates],
    crls: [...document.crls, ...outside.crls],
    ocspResponses: [...document.ocspResponses, ...outside.ocspResponses],
  };
}

/**
 * The revocation status of every certificate below a trust anchor, in the seal's and the timestamp's paths.
 * A revocation before the time the seal is proven to exist fails it; one after a verified timestamp does not.
 */
export function checkRevocation(
  paths: readonly (CertificatePath | undefined)[],
  data: RevocationData,
  documentData: RevocationData,
  timestamp: VerifiedTimestamp | undefined,
  findings: Findings,
): { detail: string; completeFromDocument: boolean } {
  const unknown: string[] = [];
  const unusable: string[] = [];
  const known: string[] = [];
  let completeFromDocument = true;
  for (const path of paths) {
    if (!path) continue;
    path.revocable.forEach((certificate, index) => {
      const issuer = path.certificates[index + 1]!;
      const status = revocationStatus(certificate, issuer, data);
      if (revocationStatus(certificate, issuer, documentData).status === 'unknown') completeFromDocument = false;
      if (status.status === 'unknown') {
        unknown.push(certificate.subject);
        unusable.push(...status.problems);
      } else if (status.status === 'revoked') {
        if (timestamp && status.revokedAt > timestamp.time) {
          findings.limit('REVOKED_AFTER_SEALING', `${certificate.subject} was revoked on ${status.revokedAt.toISOString()} (${status.source}), after the verified time of the seal (${timestamp.time.toISOString()}): the seal was made while it was valid.`);
        } else {
          findings.fail('CERTIFICATE_REVOKED', `${certificate.subject} was revoked on ${status.revokedAt.toISOString()} (${status.source})${timestamp ? `, before the verified time of the seal (${timestamp.time.toISOString()})` : ''}.`);
        }
      } else {
        known.push(`${certificate.subject}: not revoked (${status.source})`);
      }
    });
  }
  if (unknown.length > 0) findings.limit('NO_REVOCATION_DATA', `No usable revocation data for ${unknown.join(', ')} is available: whether ${unknown.length === 1 ? 'it was' : 'they were'} revoked could not be checked.`);
  if (unusable.length > 0) findings.limit('REVOCATION_DATA_UNUSABLE', `Revocation data that could not be used: ${unusable.join('; ')}.`);
  const detail = known.length > 0 ? known.join('; ') : unknown.length > 0 ? 'not checked: no revocation data' : 'nothing to check: the certificates are themselves trusted';
  return { detail, completeFromDocument };
}
