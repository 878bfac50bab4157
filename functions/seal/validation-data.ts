import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax,
  CRLDistributionPoints,
  type Extension,
  id_ad_caIssuers,
  id_ad_ocsp,
  id_ce_cRLDistributionPoints,
  id_pe_authorityInfoAccess,
} from '@peculiar/asn1-x509';
import { certificateFacts, issued, type CertificateFacts } from './validation/certificate-facts';
import { revocationStatus, type RevocationData } from './validation/revocation';
import { der } from './cms-asn1';

const TIMEOUT_MS = 10_000;
const SHA1 = '1.3.14.3.2.26';

/** Revocation data could not be gathered now; sealing again later may succeed. Nothing was stored. */
export class ValidationDataUnavailable extends Error {
  override readonly name = 'ValidationDataUnavailable';
}

/**
 * Gathers what a verifier needs to validate these certificate chains without asking anyone, as a PDF's DSS
 * holds it: every certificate up to a self-signed root (fetching a missing issuer from the caIssuers address
 * of the AIA extension), and for each certificate below a root an OCSP response from the responder its AIA
 * names or, failing that, the CRL its CRL distribution point names. Each answer is checked (signed by the
 * issuer or a responder it authorised, and about this certificate) before it is kept. A revoked certificate's
 * answer is kept too: the verifier reports it. Throws `ValidationDataUnavailable` when a source did not answer
 * usefully (the workflow seals again later), a plain error when a certificate names no source at all.
 */
export async function gatherValidationData(chains: readonly (readonly Uint8Array[])[], fetchImpl: typeof fetch = fetch): Promise<RevocationData> {
  const pool: CertificateFacts[] = [];
  const add = (der: Uint8Array) => {
    if (!pool.some((known) => known.der.equals(Buffer.from(der)))) pool.push(certificateFacts(der));
  };
  chains.flat().forEach(add);
  const crls = new Map<string, Uint8Array>();
  const ocspResponses: Uint8Array[] = [];
  for (let index = 0; index < pool.length; index++) {
    const certificate = pool[index]!;
    if (issued(certificate, certificate)) continue;
    const addresses = statusAddresses(certificate.der);
    let issuer = pool.find((candidate) => issued(candidate, certificate));
    if (!issuer && addresses.caIssuers) {
      const fetched = certificateFacts(await download(fetchImpl, addresses.caIssuers, `the issuer of ${certificate.subject}`));
      if (issued(fetched, certificate)) {
        pool.push(fetched);
        issuer = fetched;
      }
    }
    if (!issuer) throw new ValidationDataUnavailable(`the issuer of ${certificate.subject} is neither in the chain nor published where its AIA says`);
    const problems: string[] = [];
    if (addresses.ocsp) {
      try {
        const response = await download(fetchImpl, addresses.ocsp, `the OCSP status of ${certificate.subject}`, ocspRequest(certificate, issuer));
        const status = revocationStatus(certificate, issuer, { certificates: [], crls: [], ocspResponses: [response] });
        if (status.status !== 'unknown') {
          ocspResponses.push(response);
          continue;
        }
        problems.push(`the OCSP responder at ${addresses.ocsp} gave no usable answer (${status.problems.join('; ') || 'not about this certificate'})`);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    for (const url of addresses.crls) {
      try {
        const crl = crls.get(url) ?? await download(fetchImpl, url, `the CRL of ${issuer.subject}`);
        const status = revocationStatus(certificate, issuer, { certificates: [], crls: [crl], ocspResponses: [] });
        if (status.status !== 'unknown') {
          crls.set(url, crl);
          break;
        }
        problems.push(`the CRL at ${url} gave no usable answer (${status.problems.join('; ') || 'not signed by the issuer'})`);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    const covered = ocspResponses.length > 0 && revocationStatus(certificate, issuer, { certificates: [], crls: [], ocspResponses }).status !== 'unknown';
    if (!covered && revocationStatus(certificate, issuer, { certificates: [], crls: [...crls.values()], ocspResponses: [] }).status === 'unknown') {
      // A certificate that names no source will not name one later: no point in sealing again.
      if (problems.length === 0) throw new Error(`${certificate.subject} names neither an OCSP responder (AIA) nor a CRL distribution point, so its status cannot be recorded`);
      throw new ValidationDataUnavailable(`no revocation data for ${certificate.subject}: ${problems.join('; ')}`);
    }
  }
  return { certificates: pool.map((facts) => facts.der), crls: [...crls.values()], ocspResponses };
}

export interface StatusAddresses {
  readonly ocsp?: string;
  readonly caIssuers?: string;
  readonly crls: readonly string[];
}

/** Addresses by certificate: the same seal and CA certificates come back on every seal (their facts are kept). */
const addressesOf = new WeakMap<CertificateFacts, StatusAddresses>();

/** The OCSP responder, CRLs and issuer certificate a certificate says its status and issuer are published at (HTTP only). */
export function statusAddresses(der: Uint8Array): StatusAddresses {
  const facts = certificateFacts(der);
  let addresses = addressesOf.get(facts);
  if (!addresses) addressesOf.set(facts, (addresses = readStatusAddresses(facts.extensions)));
  return addresses;
}

function readStatusAddresses(extensions: readonly Extension[]): StatusAddresses {
  const http = (uri: string | undefined) => (uri && /^https?:\/\//i.test(uri) ? uri : undefined);
  const aia = extensions.find((extension) => extension.extnID === id_pe_authorityInfoAccess);
  const access = aia ? AsnConvert.parse(aia.extnValue.buffer, AuthorityInfoAccessSyntax) : [];
  const located = (method: string) => access.map((entry) => (entry.accessMethod === method ? http(entry.accessLocation.uniformResourceIdentifier) : undefined)).find(Boolean);
  const distribution = extensions.find((extension) => extension.extnID === id_ce_cRLDistributionPoints);
  const points = distribution ? AsnConvert.parse(distribution.extnValue.buffer, CRLDistributionPoints) : [];
  const crls = points.flatMap((point) => point.distributionPoint?.fullName ?? []).map((name) => http(name.uniformResourceIdentifier)).filter((uri): uri is string => uri !== undefined);
  return { ocsp: located(id_ad_ocsp), caIssuers: located(id_ad_caIssuers), crls };
}

/** An OCSP request (RFC 6960, 4.1) for one certificate, its CertID hashed with SHA-1 as responders expect; no nonce, so answers may be cached. */
function ocspRequest(certificate: CertificateFacts, issuer: CertificateFacts): Uint8Array {
  // CertID ::= SEQUENCE { hashAlgorithm, issuerNameHash OCTET STRING, issuerKeyHash OCTET STRING, serialNumber INTEGER }
  const certId = der.sequence(
    der.sequence(der.objectIdentifier(SHA1), Buffer.from([0x05, 0x00])), // AlgorithmIdentifier, NULL parameters
    der.octetString(createHash('sha1').update(issuer.subjectDer).digest()),
    der.octetString(createHash('sha1').update(issuer.subjectPublicKey).digest()),
    der.integerBytes(certificate.serialNumber),
  );
  // OCSPRequest { tbsRequest TBSRequest { requestList SEQUENCE OF Request { reqCert CertID } } }
  return der.sequence(der.sequence(der.sequence(der.sequence(certId))));
}

async function download(fetchImpl: typeof fetch, url: string, what: string, ocsp?: Uint8Array): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url, ocsp
      ? { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: ocsp, signal: AbortSignal.timeout(TIMEOUT_MS) }
      : { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ValidationDataUnavailable(`${what} could not be fetched from ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new ValidationDataUnavailable(`${what} could not be fetched from ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
