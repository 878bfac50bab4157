import { parkWait } from '../../operations/park-wait';
import { sendSigningLink } from '../../operations/send-signing-link';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('await-signature', async (payload: { commitmentId: string; taskToken: string; remindersSent: number }) => {
  const { waiting, commitment } = await parkWait(payload.commitmentId, 'signature', payload.taskToken);
  if (waiting) await sendSigningLink(commitment, payload.remindersSent);
  return { waiting };
});
