import { KeyUsageFlags, id_kp_timeStamping } from '@peculiar/asn1-x509';
import { keyWeakness, signatureAlgorithmVerdict } from './algorithms';
import { certificateFacts, issued, type CertificateFacts } from './certificate-facts';
import type { FailureCode, Findings } from './reasons';

/** What the end certificate of a path is for: sealing documents, or issuing timestamp tokens. */
export type CertificatePurpose = 'seal' | 'timestamping';

export interface PathRequest {
  readonly leaf: Uint8Array;
  /** Certificates found beside the signature (in the CMS, in the document's DSS) that may be intermediates. */
  readonly carried: readonly Uint8Array[];
  /** The certificates trusted for this purpose. */
  readonly anchors: readonly Uint8Array[];
  readonly purpose: CertificatePurpose;
  /** The time validity is judged at, and how a reader should understand it ("at the timestamp's time ..."). */
  readonly at: Date;
  readonly atDescription: string;
}

/** A path from the end certificate (first) to the trust anchor (last); a trusted end certificate is its own path. */
export interface CertificatePath {
  readonly certificates: readonly CertificateFacts[];
  /** The certificates whose revocation status matters: all but the trust anchor. */
  readonly revocable: readonly CertificateFacts[];
}

const MAXIMUM_DEPTH = 8;
const ROLE: Readonly<Record<CertificatePurpose, string>> = { seal: 'seal certificate', timestamping: "timestamp authority's certificate" };

/**
 * Builds and validates a certification path as RFC 5280, section 6.1, does for what a seal needs (no policy
 * or name constraints are set): every issuer is a CA allowed to sign certificates, path lengths hold, every
 * signature uses an accepted algorithm, every certificate is valid at `at`, and the end certificate's key
 * usage fits its purpose. Records each problem in `findings`; returns the path only when there is none.
 */
export function validateCertificatePath(request: PathRequest, findings: Findings): CertificatePath | undefined {
  const role = ROLE[request.purpose];
  const untrusted: FailureCode = request.purpose === 'timestamping' ? 'TIMESTAMP_UNTRUSTED' : 'CERTIFICATE_UNTRUSTED';
  const leaf = certificateFacts(request.leaf);
  const anchors = request.anchors.map(certificateFacts);
  if (anchors.length === 0) {
    findings.fail(untrusted, `No certificate is trusted for ${request.purpose === 'seal' ? 'seals' : 'timestamps'}, so the ${role} (${leaf.subject}) cannot be trusted.`);
    return undefined;
  }
  const path = buildPath(leaf, request.carried.map(certificateFacts), anchors);
  if (!path.trusted) {
    findings.fail(untrusted, untrustedMessage(role, path.certificates, anchors));
    return undefined;
  }
  const certificates = path.certificates;
  const before = findings.failures.length;
  certificates.forEach((certificate, index) => {
    const isAnchor = index === certificates.length - 1;
    const name = index === 0 ? `The ${role} (${certificate.subject})` : `The issuing certificate ${certificate.subject}`;
    if (!isAnchor) {
      const verdict = signatureAlgorithmVerdict(certificate.signatureAlgorithm);
      if (!verdict.ok) findings.fail('WEAK_ALGORITHM', `${name} is signed with ${verdict.problem}.`);
      if (certificate.unknownCriticalExtensions.length > 0) {
        findings.fail('UNSUPPORTED_CRITICAL_EXTENSION', `${name} has critical extensions this verifier cannot process (${certificate.unknownCriticalExtensions.join(', ')}), so it must be refused.`);
      }
    }
    const weakness = keyWeakness(certificate.x509.publicKey);
    if (weakness) findings.fail('WEAK_ALGORITHM', `${name} has ${weakness}.`);
    if (request.at < certificate.notBefore) {
      findings.fail('CERTIFICATE_NOT_YET_VALID', `${name} was not yet valid ${request.atDescription}: it is valid from ${certificate.notBefore.toISOString()}.`);
    } else if (request.at > certificate.notAfter) {
      findings.fail('CERTIFICATE_EXPIRED', `${name} had expired ${request.atDescription}: it was valid until ${certificate.notAfter.toISOString()}.`);
    }
    if (index > 0) checkIssuer(certificate, index, certificates[index - 1]!, findings);
  });
  checkPurpose(leaf, request.purpose, role, findings);
  if (findings.failures.length > before) return undefined;
  return { certificates, revocable: certificates.slice(0, -1) };
}

/** RFC 5280, 6.1.4 (k), (l), (n): an issuer is a CA, may sign certificates, and has not run out of path length. */
function checkIssuer(issuer: CertificateFacts, index: number, issuedCertificate: CertificateFacts, findings: Findings): void {
  if (issuer.basicConstraints?.ca !== true) {
    findings.fail('ISSUER_NOT_CA', `${issuer.subject} issued ${issuedCertificate.subject}, but it is not a certification authority (its basic constraints do not say CA): only a CA may issue certificates.`);
  }
  if (issuer.keyUsage !== undefined && (issuer.keyUsage & KeyUsageFlags.keyCertSign) === 0) {
    findings.fail('ISSUER_CANNOT_SIGN_CERTIFICATES', `${issuer.subject} issued ${issuedCertificate.subject}, but its key usage does not allow signing certificates (keyCertSign).`);
  }
  const intermediatesBelow = index - 1;
  const pathLength = issuer.basicConstraints?.pathLength;
  if (pathLength !== undefined && intermediatesBelow > pathLength) {
    findings.fail('PATH_LENGTH_EXCEEDED', `${issuer.subject} allows at most ${pathLength} intermediate CA${pathLength === 1 ? '' : 's'} below it, but the path has ${intermediatesBelow}.`);
  }
}

function checkPurpose(leaf: CertificateFacts, purpose: CertificatePurpose, role: string, findings: Findings): void {
  const signs = leaf.keyUsage !== undefined && (leaf.keyUsage & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) !== 0;
  if (purpose === 'seal' && !signs) {
    findings.fail('SEAL_KEY_USAGE', `The ${role} (${leaf.subject}) ${leaf.keyUsage === undefined ? 'has no key usage' : 'has a key usage without digitalSignature or nonRepudiation'}, so it is not meant for sealing documents.`);
  }
  if (purpose === 'timestamping') {
    const usage = leaf.extendedKeyUsage;
    // RFC 3161, 2.3: exactly one purpose, id-kp-timeStamping, in a critical extension.
    if (!usage || !usage.critical || usage.purposes.length !== 1 || usage.purposes[0] !== id_kp_timeStamping) {
      findings.fail('TIMESTAMP_NOT_FOR_TIMESTAMPING', `The ${role} (${leaf.subject}) is not a timestamping certificate: RFC 3161 requires a critical extended key usage of timeStamping only${usage ? '' : ', and it has none'}.`);
    }
    if (leaf.keyUsage !== undefined && !signs) findings.fail('TIMESTAMP_NOT_FOR_TIMESTAMPING', `The ${role} (${leaf.subject}) has a key usage that does not allow signatures.`);
  }
}

function buildPath(leaf: CertificateFacts, pool: readonly CertificateFacts[], anchors: readonly CertificateFacts[]): { trusted: boolean; certificates: CertificateFacts[] } {
  const certificates = [leaf];
  for (let depth = 0; depth < MAXIMUM_DEPTH; depth++) {
    const current = certificates.at(-1)!;
    if (anchors.some((anchor) => anchor.der.equals(current.der))) return { trusted: true, certificates };
    const anchor = anchors.find((candidate) => issued(candidate, current));
    if (anchor) return { trusted: true, certificates: [...certificates, anchor] };
    const next = pool.find((candidate) => !certificates.some((seen) => seen.der.equals(candidate.der)) && issued(candidate, current));
    if (!next) break;
    certificates.push(next);
  }
  return { trusted: false, certificates };
}

function untrustedMessage(role: string, reached: readonly CertificateFacts[], anchors: readonly CertificateFacts[]): string {
  const chain = reached.map((certificate) => certificate.subject).join(' <- ');
  const last = reached.at(-1)!;
  const impostor = anchors.find((anchor) => anchor.subjectDer.equals(last.subjectDer) || anchor.subjectDer.equals(last.issuerDer));
  if (impostor) {
    const claims = impostor.subjectDer.equals(last.subjectDer) ? 'bears the name of' : 'names as its issuer';
    return `The ${role} does not lead to a trusted certificate: ${last.subject} ${claims} the trusted certificate ${impostor.subject}, but was not made with that certificate's key (path: ${chain}).`;
  }
  return `The ${role} does not lead to a trusted certificate: nothing trusted issued ${chain}.`;
}
