import { confirmSignature } from './confirm-signature';
import { verifyCommitment, type VerificationOutcome } from './verify-commitment';

/** The automatic checks, then the signatory's confirmation email (once: a retry finds both recorded). */
export async function verifyAndConfirmSignature(commitmentId: string): Promise<{ outcome: VerificationOutcome }> {
  const verified = await verifyCommitment(commitmentId);
  await confirmSignature(commitmentId);
  return verified;
}
