import { recordFailure } from '../../operations/record-failure';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('record-failure', async (payload: { commitmentId: string; error: string; cause: string }) => {
  await recordFailure(payload.commitmentId, payload.error, payload.cause);
  return { recorded: true };
});
