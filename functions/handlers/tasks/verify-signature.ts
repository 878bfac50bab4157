import { verifyAndConfirmSignature } from '../../operations/verify-and-confirm-signature';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('verify-signature', (payload: { commitmentId: string }) => verifyAndConfirmSignature(payload.commitmentId));
