import { awaitCountersignature } from '../../operations/await-countersignature';
import { parkWait } from '../../operations/park-wait';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('await-decision', async (payload: { commitmentId: string; taskToken: string; stage: 'review' | 'countersignature'; round?: number }) => {
  if (payload.stage === 'countersignature') return awaitCountersignature(payload.commitmentId, payload.taskToken, payload.round);
  const { waiting } = await parkWait(payload.commitmentId, payload.stage, payload.taskToken, payload.round);
  return { waiting };
});
