import { confirmSignature, confirmationClaim } from './confirm-signature';
import { verifyCommitment, type VerificationOutcome } from './verify-commitment';

/**
 * The automatic checks, then the signatory's confirmation email (once: a retry finds both
 * recorded). The email is claimed in the checks' own transaction, and sent from the record that
 * transaction left.
 */
export async function verifyAndConfirmSignature(commitmentId: string): Promise<{ outcome: VerificationOutcome }> {
  const { outcome, commitment, alongsideWritten } = await verifyCommitment(commitmentId, (signed) => [confirmationClaim(signed)]);
  await confirmSignature(commitment, alongsideWritten);
  return { outcome };
}
