import { awaitSignature } from '../../operations/await-signature';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('await-signature', (payload: { commitmentId: string; taskToken: string; remindersSent: number; round?: number }) => awaitSignature(payload));
