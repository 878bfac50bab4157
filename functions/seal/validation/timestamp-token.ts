import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { TSTInfo } from '@peculiar/asn1-tsp';
import { OIDS, objectIdentifierOf } from '../cms-asn1';
import { digestAlgorithmVerdict } from './algorithms';
import { validateCertificatePath, type CertificatePath } from './certificate-path';
import { boundCertificate, findSignerCertificate, readSignedCms, signedAttribute, verifySigner, type SignedCms } from './cms-signature';
import type { Findings } from './reasons';

export interface TimestampRequest {
  /** The RFC 3161 token: a ContentInfo holding a SignedData over a TSTInfo. */
  readonly token: Uint8Array;
  /** The bytes the token must cover: the seal's signature value, or the revision a document timestamp covers. */
  readonly covered: readonly Uint8Array[];
  /** What those bytes are, for a reader: "the seal's signature value". */
  readonly coveredDescription: string;
  /** Certificates trusted for timestamps. */
  readonly anchors: readonly Uint8Array[];
  /** Further certificates that may complete the authority's path (from the document's DSS). */
  readonly carried?: readonly Uint8Array[];
  /** "The signature timestamp" or "The document timestamp", to start each sentence. */
  readonly name: string;
}

export interface VerifiedTimestamp {
  /** The time the authority attests, usable only because every check below passed. */
  readonly time: Date;
  readonly authority: string;
  readonly path: CertificatePath;
}

/**
 * Verifies an RFC 3161 timestamp token before its time is believed: the token's own CMS signature verifies
 * over its TSTInfo with the authority's certificate, that certificate is bound by the signing-certificate
 * attribute, carries the critical timeStamping extended key usage and chains to a trusted timestamping
 * anchor (judged at the token's time), and the message imprint is the digest of the covered bytes.
 */
export function verifyTimestampToken(request: TimestampRequest, findings: Findings): VerifiedTimestamp | undefined {
  const { name } = request;
  let cms: SignedCms;
  let info: TSTInfo;
  try {
    cms = readSignedCms(request.token);
    if (cms.contentType !== OIDS.tstInfo || !cms.content) throw new Error('it does not hold a TSTInfo');
    info = AsnConvert.parse(cms.content, TSTInfo);
  } catch (error) {
    findings.fail('TIMESTAMP_MALFORMED', `${name} is not an RFC 3161 timestamp token: ${(error as Error).message}.`);
    return undefined;
  }
  const time = info.genTime;
  const authorityCertificate = findSignerCertificate(cms, [...cms.certificates, ...(request.carried ?? [])]);
  if (!authorityCertificate) {
    findings.fail('TIMESTAMP_MALFORMED', `${name} does not carry the certificate of the authority that signed it, so it cannot be checked.`);
    return undefined;
  }
  const before = findings.failures.length;
  const content = cms.content;
  const signer = verifySigner(cms, authorityCertificate, (hash) => createHash(hash).update(content).digest());
  const signerProblem = signer.refused !== undefined
    ? signer.refused
    : (!signer.signatureValid ? "its signature does not verify with its authority's key" : !signer.digestMatches ? 'the digest it signed is not that of its TSTInfo' : undefined);
  if (signerProblem) {
    findings.fail(signer.refused !== undefined && signer.kind === 'algorithm' ? 'WEAK_ALGORITHM' : 'TIMESTAMP_SIGNATURE_INVALID', `${name}'s own signature is not valid: ${signerProblem}; its time (${time.toISOString()}) cannot be believed.`);
  } else if (!contentTypeIsTstInfo(cms)) {
    findings.fail('TIMESTAMP_SIGNATURE_INVALID', `${name}'s signed content-type attribute does not name a TSTInfo.`);
  } else if (boundCertificate(cms, authorityCertificate) !== 'bound') {
    findings.fail('TIMESTAMP_SIGNATURE_INVALID', `${name} does not bind the certificate of its authority (signing-certificate attribute missing or naming another certificate).`);
  }
  const path = validateCertificatePath(
    { leaf: authorityCertificate.der, carried: [...cms.certificates, ...(request.carried ?? [])], anchors: request.anchors, purpose: 'timestamping', at: time, atDescription: `at the time it attests (${time.toISOString()})` },
    findings,
  );
  const imprintAlgorithm = digestAlgorithmVerdict(info.messageImprint.hashAlgorithm.algorithm);
  if (!imprintAlgorithm.ok) {
    findings.fail('WEAK_ALGORITHM', `${name}'s message imprint uses a refused algorithm (${imprintAlgorithm.problem}).`);
  } else {
    const digest = request.covered.reduce((hash, part) => hash.update(part), createHash(imprintAlgorithm.hash!)).digest();
    if (!digest.equals(Buffer.from(info.messageImprint.hashedMessage.buffer))) {
      findings.fail('TIMESTAMP_IMPRINT_MISMATCH', `${name} was issued for other bytes than ${request.coveredDescription}: it proves nothing about this seal.`);
    }
  }
  if (findings.failures.length > before || !path) return undefined;
  return { time, authority: authorityCertificate.subject, path };
}

function contentTypeIsTstInfo(cms: SignedCms): boolean {
  const value = signedAttribute(cms, OIDS.contentType);
  return value !== undefined && objectIdentifierOf(value) === OIDS.tstInfo;
}

