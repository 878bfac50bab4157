import { verifyCommitment } from '../../operations/verify-commitment';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('verify-signature', (payload: { commitmentId: string }) => verifyCommitment(payload.commitmentId));
