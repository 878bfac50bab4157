import { createHash } from 'node:crypto';
import { OIDS } from '../seal/cms-asn1';
import { validateCertificatePath, type CertificatePath } from '../seal/validation/certificate-path';
import { boundCertificate, findSignerCertificate, readSignedCms, unsignedAttribute, verifySigner, type SignedCms } from '../seal/validation/cms-signature';
import { Findings, type Failure, type Limitation, type SealCheck } from '../seal/validation/reasons';
import { NO_REVOCATION_DATA, checkRevocation, mergeRevocationData } from '../seal/validation/revocation';
import { verifyTimestampToken } from '../seal/validation/timestamp-token';
import type { TrustSettings } from '../seal/validation/trust-settings';
import { updatesAfterSeal } from './incremental-updates';
import { reachedLevel, type PadesLevel } from './pades-level';
import { byteRangeParts, findSignatureDictionaries, revisionEndAfter, trimPadding } from './signature-dictionaries';

export type { Failure, FailureCode, Limitation, LimitationCode, SealCheck } from '../seal/validation/reasons';
export { PADES_LEVELS, type PadesLevel } from './pades-level';
export type { RevocationData } from '../seal/validation/revocation';
export type { TrustSettings } from '../seal/validation/trust-settings';

export interface SealReport {
  /** True when nothing failed: the seal is intact, made with a trusted certificate, and nothing but long-term data was added. */
  readonly valid: boolean;
  /** The PAdES level the document reaches; absent when it is not valid. */
  readonly level?: PadesLevel;
  readonly fileSha256: string;
  readonly checks: readonly SealCheck[];
  /** Why the seal is not valid, each with a stable code. */
  readonly failures: readonly Failure[];
  /** Why it does not reach a higher level, and what could not be checked. */
  readonly limitations: readonly Limitation[];
  readonly signer?: string;
  /** The time the signer wrote in the signature dictionary (/M): a claim that proves nothing. */
  readonly claimedSigningTime?: string;
  /** The time a verified signature timestamp attests, and its authority. */
  readonly timestampTime?: string;
  readonly timestampAuthority?: string;
  /** When certificate validity was judged, and why then. */
  readonly validationTime: string;
  readonly validationTimeSource: 'signature timestamp' | 'time of verification';
}

const PADES_SUB_FILTER = 'ETSI.CAdES.detached';

/**
 * Validates a sealed PDF offline, as ETSI EN 319 102-1 describes for PAdES: the seal covers the revision it
 * signs, nothing but long-term validation data was added after it, its CMS signature verifies over the
 * signed bytes and is bound to its certificate, the signature timestamp is itself verified before its time is
 * used, the certificate path is valid at that time (or now, said so), and no revocation data in the document
 * revokes it. The report gives the PAdES level reached and, for every shortfall, a coded reason.
 */
export async function verifySealedPdf(pdf: Buffer, trust: TrustSettings | readonly Uint8Array[]): Promise<SealReport> {
  const settings: TrustSettings = isAnchorList(trust) ? { sealAnchors: trust } : trust;
  const now = settings.at ?? new Date();
  try {
    return await validate(pdf, settings, now);
  } catch (error) {
    // Whatever a file holds, the answer is a report: bytes no decoder here can read are a failure, not an error.
    const message = `The seal or the data beside it cannot be read: ${(error as Error).message}.`;
    return {
      valid: false,
      fileSha256: createHash('sha256').update(pdf).digest('hex'),
      checks: [{ name: 'seal signature', passed: false, detail: message }],
      failures: [{ code: 'CMS_MALFORMED', message }],
      limitations: [],
      validationTime: now.toISOString(),
      validationTimeSource: 'time of verification',
    };
  }
}

async function validate(pdf: Buffer, settings: TrustSettings, now: Date): Promise<SealReport> {
  const findings = new Findings();
  const checks: SealCheck[] = [];
  const step = <T>(name: string, passedDetail: (result: T) => string, run: () => T): T => {
    const before = findings.failures.length;
    const result = run();
    const failed = findings.failures.slice(before);
    checks.push({ name, passed: failed.length === 0, detail: failed.length === 0 ? passedDetail(result) : failed.map((failure) => failure.message).join(' ') });
    return result;
  };
  const fileSha256 = createHash('sha256').update(pdf).digest('hex');
  const report = (extra: Partial<SealReport> = {}, level?: PadesLevel): SealReport => ({
    valid: !findings.failed,
    level: findings.failed ? undefined : level,
    fileSha256,
    checks,
    failures: findings.failures,
    limitations: findings.limitations,
    validationTime: now.toISOString(),
    validationTimeSource: 'time of verification',
    ...extra,
  });

  const signatures = findSignatureDictionaries(pdf);
  const seal = step('seal present', (found) => `a ${found?.subFilter ?? 'signature'} seal`, () => {
    const found = signatures.find((signature) => signature.type !== 'DocTimeStamp' && signature.subFilter !== 'ETSI.RFC3161');
    if (!found) findings.fail('NO_SEAL', 'The file holds no seal: no signature dictionary with a byte range.');
    else if (found.subFilter !== PADES_SUB_FILTER) findings.fail('NOT_PADES', `The seal's sub-filter is ${found.subFilter ?? 'missing'}; a PAdES seal is ${PADES_SUB_FILTER}.`);
    return found;
  });
  if (!seal) return report();

  const sealedEnd = step('byte range', () => `the seal covers bytes [${seal.byteRange.join(' ')}] of the ${pdf.length}, all but its own value`, () => {
    if (seal.byteRangeProblems.length > 0) findings.fail('BYTE_RANGE_INVALID', `The seal's byte range [${seal.byteRange.join(' ')}] is not sound: ${seal.byteRangeProblems.join('; ')}.`);
    const revisionEnd = revisionEndAfter(pdf, seal.signedEnd);
    // The end-of-line after %%EOF separates revisions; signers commonly leave it out of the byte range, and it changes nothing.
    const onlyEndOfLine = revisionEnd !== undefined && /^[\r\n]*$/.test(pdf.subarray(seal.signedEnd, revisionEnd).toString('latin1'));
    if (revisionEnd === undefined || !onlyEndOfLine) {
      const uncovered = (revisionEnd ?? pdf.length) - seal.signedEnd;
      findings.fail('BYTE_RANGE_INCOMPLETE', `The seal's byte range stops ${uncovered} byte${uncovered === 1 ? '' : 's'} before the end of the document it signs: those bytes are not sealed.`);
    }
    return Math.max(revisionEnd ?? seal.signedEnd, seal.signedEnd);
  });

  const updates = await updatesAfterSeal(pdf, sealedEnd);
  step('changes after sealing', () => (sealedEnd === pdf.length ? 'none: the seal covers the whole file' : 'only long-term validation data was added after the seal'), () => {
    if (updates.notAnUpdate) findings.fail('APPENDED_BYTES', updates.notAnUpdate);
    for (const modification of updates.modifications) findings.fail('MODIFIED_AFTER_SEALING', `Modified after sealing: ${modification}`);
  });
  const documentData = updates.dss ?? NO_REVOCATION_DATA;

  let cms: SignedCms;
  try {
    cms = readSignedCms(trimPadding(seal.contents));
  } catch (error) {
    step('seal signature', () => '', () => findings.fail('CMS_MALFORMED', `The seal is not a CMS signature: ${(error as Error).message}.`));
    return report({ claimedSigningTime: seal.claimedSigningTime?.toISOString() });
  }
  const signer = findSignerCertificate(cms, cms.certificates);
  const claimedSigningTime = seal.claimedSigningTime?.toISOString();
  if (!signer) {
    step('seal signature', () => '', () => findings.fail('SIGNER_CERTIFICATE_MISSING', 'The seal does not carry the certificate of its signer, so it cannot be checked.'));
    return report({ claimedSigningTime });
  }
  const signedBytes = byteRangeParts(pdf, seal);
  const signerCheck = verifySigner(cms, signer, (hash) => signedBytes.reduce((digest, bytes) => digest.update(bytes), createHash(hash)).digest());
  step('document hash', () => 'the digest the seal signed is the digest of the sealed bytes', () => {
    if (signerCheck.refused === undefined && !signerCheck.digestMatches) findings.fail('DOCUMENT_HASH_MISMATCH', 'The sealed bytes do not match the digest the seal signed: the document was changed after sealing, or the seal belongs to another document.');
  });
  step('seal signature', () => "the seal's signature verifies with its certificate's key", () => {
    if (signerCheck.refused !== undefined) findings.fail(signerCheck.kind === 'algorithm' ? 'WEAK_ALGORITHM' : 'SIGNATURE_INVALID', `The seal's signature is not valid: ${signerCheck.refused}.`);
    else if (!signerCheck.signatureValid) findings.fail('SIGNATURE_INVALID', "The seal's signature does not verify with the public key of the certificate it carries.");
  });
  step('signing certificate bound', () => 'the signing-certificate-v2 attribute names the certificate that signed', () => {
    const binding = boundCertificate(cms, signer);
    if (binding !== 'bound') {
      findings.fail('SIGNING_CERTIFICATE_NOT_BOUND', binding === 'missing'
        ? 'The seal does not bind its certificate (no signing-certificate-v2 attribute), as PAdES requires.'
        : 'The seal binds another certificate than the one that signed it.');
    }
  });

  const token = unsignedAttribute(cms, OIDS.signatureTimeStampToken);
  const timestamp = token
    ? step('signature timestamp', (verified) => `${verified?.time.toISOString()} attested by ${verified?.authority}, over the seal's signature value`, () => verifyTimestampToken({
      token: new Uint8Array(token),
      covered: [cms.signerInfo.signature],
      coveredDescription: "the seal's signature value",
      anchors: settings.timestampAnchors ?? [],
      carried: documentData.certificates,
      name: 'The signature timestamp',
    }, findings))
    : undefined;
  if (!token) findings.limit('NO_SIGNATURE_TIMESTAMP', 'The seal has no signature timestamp, so nothing proves when it was made (PAdES B-T needs one).');

  const validationTime = timestamp?.time ?? now;
  if (!timestamp) {
    findings.limit('VALIDITY_AT_VERIFICATION_TIME', `No verified timestamp proves when the seal was made, so its certificate was judged at the time of verification (${now.toISOString()})${claimedSigningTime ? `; the time the signer wrote (${claimedSigningTime}) proves nothing` : ''}.`);
  }
  const atDescription = timestamp ? `at the time the signature timestamp attests (${validationTime.toISOString()})` : `at the time of verification (${validationTime.toISOString()})`;
  const sealPath = step('seal certificate path', (path) => `${path?.certificates.map((certificate) => certificate.subject).join(' <- ')}, valid ${atDescription}`, () => validateCertificatePath({
    leaf: signer.der,
    carried: [...cms.certificates, ...documentData.certificates],
    anchors: settings.sealAnchors,
    purpose: 'seal',
    at: validationTime,
    atDescription,
  }, findings));

  const revocationData = mergeRevocationData(documentData, settings.revocation);
  const revocation = step('revocation', (result) => result.detail, () => checkRevocation([sealPath, timestamp?.path], revocationData, documentData, timestamp, findings));

  const level = await reachedLevel(pdf, seal, signatures, timestamp, updates.dss !== undefined && revocation.completeFromDocument, settings, findings, checks);
  if (timestamp && level !== 'B-LTA') requireLongTermDataOnceExpired([sealPath, timestamp.path], now, findings);
  return report({
    signer: signer.subject,
    claimedSigningTime,
    timestampTime: timestamp?.time.toISOString(),
    timestampAuthority: timestamp?.authority,
    validationTime: validationTime.toISOString(),
    validationTimeSource: timestamp ? 'signature timestamp' : 'time of verification',
  }, level);
}

/**
 * Past the expiry of a certificate in the seal's or its timestamp's path, its issuer no longer publishes its
 * status, and the timestamp authority's signature proves nothing once its own certificate has expired: only
 * validation data gathered while they were valid, protected by a document timestamp (PAdES B-LTA), still
 * shows that the seal was valid when made (ETSI EN 319 102-1, 5.6.2, past signature validation).
 */
function requireLongTermDataOnceExpired(paths: readonly (CertificatePath | undefined)[], now: Date, findings: Findings): void {
  const expired = paths.flatMap((path) => path?.certificates ?? []).filter((certificate) => certificate.notAfter < now);
  const names = [...new Set(expired.map((certificate) => `${certificate.subject} (expired ${certificate.notAfter.toISOString()})`))];
  if (names.length === 0) return;
  findings.fail('EXPIRED_WITHOUT_LONG_TERM_DATA', `At the time of verification (${now.toISOString()}) ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} expired, and the document carries no document timestamp over validation data gathered before (PAdES B-LTA): nothing shows any more that the seal's certificates were not revoked when it was made.`);
}

function isAnchorList(trust: TrustSettings | readonly Uint8Array[]): trust is readonly Uint8Array[] {
  return Array.isArray(trust);
}
