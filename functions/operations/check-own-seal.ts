import { verifySealedPdf, type Failure } from '../pdf/verify-seal';
import { loadSealTrust } from '../seal/seal-trust';
import { logger } from '../shared/logger';
import { SEAL_CHECK_FAILED } from '../workflow/contract';


/** A seal our own verifier refuses: nothing is stored, and the workflow records the commitment FAILED with this message. */
export class SealCheckFailed extends Error {
  override readonly name = SEAL_CHECK_FAILED.error;

  constructor(readonly failures: readonly Failure[]) {
    super(`The seal just made does not verify, so nothing was stored: ${failures.map((failure) => `${failure.message} (${failure.code})`).join(' ')} Check that the seal certificate secret holds the certificate of the seal key, with its chain (docs/operations.md#the-seal-key).`);
  }
}

/**
 * Validates a seal before it is stored, as anyone checking the document later would: its signature against
 * the public key of the certificate it carries, and that certificate against the configured chain, at the
 * time of sealing. A wrong certificate in the secret would otherwise produce documents sealed once and
 * wrong forever. The timestamp's authority is judged only when the secret names the certificates to trust
 * for it (`timestampTrustPem`); its token is checked in every other way regardless.
 */
export async function assertOwnSealVerifies(pdf: Buffer, sealedAt: Date, subject: Record<string, string>): Promise<void> {
  const trust = await loadSealTrust();
  const report = await verifySealedPdf(pdf, { ...trust, at: sealedAt });
  const judgeable = (trust.timestampAnchors?.length ?? 0) > 0;
  const failures = report.failures.filter((failure) => judgeable || failure.code !== 'TIMESTAMP_UNTRUSTED');
  if (failures.length === 0) return;
  logger.error(SEAL_CHECK_FAILED.logMessage, { ...subject, codes: failures.map((failure) => failure.code) });
  throw new SealCheckFailed(failures);
}
