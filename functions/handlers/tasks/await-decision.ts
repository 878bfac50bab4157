import { awaitDecision } from '../../operations/await-decision';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('await-decision', (payload: { commitmentId: string; taskToken: string; stage: 'review' | 'countersignature'; round?: number }) =>
  awaitDecision(payload.commitmentId, payload.stage, payload.taskToken, payload.round),
);
