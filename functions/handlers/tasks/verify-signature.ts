import { confirmSignature } from '../../operations/confirm-signature';
import { verifyCommitment } from '../../operations/verify-commitment';
import { taskHandler } from '../../shared/task-handler';

/** The automatic checks, then the signatory's confirmation email (once: a retry finds both recorded). */
export const handler = taskHandler('verify-signature', async (payload: { commitmentId: string }) => {
  const verified = await verifyCommitment(payload.commitmentId);
  await confirmSignature(payload.commitmentId);
  return verified;
});
