import { createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicOCSPResponse, OCSPResponseStatus, id_pkix_ocsp_basic } from '@peculiar/asn1-ocsp';
import { CertificateList, KeyUsageFlags, id_kp_OCSPSigning } from '@peculiar/asn1-x509';
import { der, derElement, derElements } from '../cms-asn1';
import { DecodedOnce } from './decoded-once';
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

/** A CRL decoded, with the bytes its signature covers and its issuer's name as DER. */
interface ReadCrl {
  readonly crl: CertificateList;
  readonly signedBytes: Uint8Array;
  readonly issuerDer: Buffer;
}

/** A successful basic OCSP response decoded but for the certificates it carries, which are kept as they are. */
interface ReadOcspResponse {
  readonly basic: BasicOCSPResponse;
  readonly signedBytes: Uint8Array;
  readonly certificates: readonly Buffer[];
  readonly responderName?: Buffer;
}

function fromCrl(der: Uint8Array, certificate: CertificateFacts, issuer: CertificateFacts, problems: string[]): RevocationStatus | undefined {
  const read = decodedOnce('crl', der, readCrl);
  if (read instanceof Error) {
    problems.push('a CRL that cannot be read');
    return undefined;
  }
  const { crl, signedBytes, issuerDer } = read;
  if (!issuerDer.equals(issuer.subjectDer)) return undefined;
  const algorithm = signatureAlgorithmVerdict(crl.signatureAlgorithm.algorithm);
  if (!algorithm.ok || !algorithm.hash || !verifySignature(algorithm.hash, signedBytes, issuer.x509.publicKey, Buffer.from(crl.signature))) {
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

function readCrl(der: Uint8Array): ReadCrl {
  const crl = AsnConvert.parse(der, CertificateList);
  // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }: the signed bytes as they are.
  const signedBytes = Buffer.from(derElements(derElement(der, 0x30).contents)[0]!.encoded);
  return { crl, signedBytes, issuerDer: Buffer.from(AsnConvert.serialize(crl.tbsCertList.issuer)) };
}

function fromOcsp(der: Uint8Array, certificate: CertificateFacts, issuer: CertificateFacts, carried: readonly Uint8Array[], problems: string[]): RevocationStatus | undefined {
  const read = decodedOnce('ocsp', der, readOcspResponse);
  if (read instanceof Error) {
    problems.push('an OCSP response that cannot be read');
    return undefined;
  }
  if (!read) return undefined;
  const { basic, signedBytes } = read;
  const single = basic.tbsResponseData.responses.find((candidate) => {
    const hash = digestAlgorithmVerdict(candidate.certID.hashAlgorithm.algorithm);
    const name = hash.ok ? hash.hash! : 'sha1'; // CertID hashes identify, they do not protect: SHA-1 is the usual choice
    return sameSerial(new Uint8Array(candidate.certID.serialNumber), certificate.serialNumber)
      && createHash(name).update(issuer.subjectDer).digest().equals(Buffer.from(candidate.certID.issuerNameHash.buffer))
      && createHash(name).update(issuer.subjectPublicKey).digest().equals(Buffer.from(candidate.certID.issuerKeyHash.buffer));
  });
  if (!single) return undefined;
  const responder = ocspResponder(read, issuer, [...read.certificates, ...carried]);
  const algorithm = signatureAlgorithmVerdict(basic.signatureAlgorithm.algorithm);
  if (!responder || !algorithm.ok || !algorithm.hash || !verifySignature(algorithm.hash, signedBytes, responder.x509.publicKey, Buffer.from(basic.signature))) {
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

/**
 * A successful basic response, or undefined for any other (an OCSP error status says nothing about the
 * certificate). The envelope is walked with the DER reader, and the response is decoded without the
 * certificates it carries: a decoder given the whole would decode them, inside the OCTET STRING, too.
 */
function readOcspResponse(encoded: Uint8Array): ReadOcspResponse | undefined {
  // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL }
  const [status, explicitBytes, ...extra] = derElements(derElement(encoded, 0x30).contents);
  if (status?.tag !== 0x0a || (explicitBytes !== undefined && explicitBytes.tag !== 0xa0) || extra.length > 0) throw new Error('not an OCSPResponse');
  if (status.contents.length !== 1 || status.contents[0] !== OCSPResponseStatus.successful || !explicitBytes) return undefined;
  // ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
  const [responseType, response, ...more] = derElements(derElement(explicitBytes.contents, 0x30).contents);
  if (responseType?.tag !== 0x06 || response?.tag !== 0x04 || more.length > 0) throw new Error('not an OCSPResponse');
  if (!der.objectIdentifier(id_pkix_ocsp_basic).equals(responseType.encoded)) return undefined;
  // BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
  const basicDer = response.contents;
  const fields = derElements(derElement(basicDer, 0x30).contents);
  const certs = fields.length === 4 && fields[3]!.tag === 0xa0 ? fields.pop()! : undefined;
  const basic = AsnConvert.parse(certs ? der.sequence(...fields.map((field) => field.encoded)) : basicDer, BasicOCSPResponse);
  const certificates = certs ? derElements(derElement(certs.contents, 0x30).contents).map((certificate) => Buffer.from(certificate.encoded)) : [];
  // A carried certificate that cannot be decoded makes the response unreadable, as decoding it whole did.
  certificates.forEach((certificate) => certificateFacts(certificate));
  // ResponseData ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, responderID CHOICE { byName [1] EXPLICIT Name, byKey [2] EXPLICIT }, ... }
  const byName = derElements(fields[0]!.contents).find((field) => field.tag === 0xa1 || field.tag === 0xa2);
  return { basic, signedBytes: Buffer.from(fields[0]!.encoded), certificates, responderName: byName?.tag === 0xa1 ? Buffer.from(derElement(byName.contents, 0x30).encoded) : undefined };
}

/** The issuer itself, or a certificate it issued for OCSP signing (RFC 6960, 4.2.2.2), that the ResponderID names. */
function ocspResponder(read: ReadOcspResponse, issuer: CertificateFacts, candidates: readonly Uint8Array[]): CertificateFacts | undefined {
  const { byKey } = read.basic.tbsResponseData.responderID;
  const names = (candidate: CertificateFacts) => (read.responderName
    ? read.responderName.equals(candidate.subjectDer)
    : byKey !== undefined && createHash('sha1').update(candidate.subjectPublicKey).digest().equals(Buffer.from(byKey.buffer)));
  if (names(issuer)) return issuer;
  return candidates.map(certificateFacts).find((candidate) => names(candidate)
    && issued(issuer, candidate)
    && candidate.extendedKeyUsage?.purposes.includes(id_kp_OCSPSigning) === true);
}

/**
 * CRLs and OCSP responses decoded by their content: one verification asks about every certificate of two
 * paths, each against every response, and the verifier reads again what gathering the data has just read.
 * A large CRL decodes to many times its size, hence the budget in bytes; what is kept is never changed.
 */
const decoded = new DecodedOnce<unknown>({ entries: 32, bytes: 1024 * 1024 });

/** `read(der)`, or the error it threw, computed once per content. */
function decodedOnce<T>(kind: 'crl' | 'ocsp', der: Uint8Array, read: (der: Uint8Array) => T): T | Error {
  try {
    return decoded.get(der, read, kind);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
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
