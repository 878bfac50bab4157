import { confirmSignature } from '../../operations/confirm-signature';
import { verifyCommitment } from '../../operations/verify-commitment';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('verify-signature', async (payload: { commitmentId: string }) => {
  await confirmSignature(payload.commitmentId);
  return verifyCommitment(payload.commitmentId);
});
