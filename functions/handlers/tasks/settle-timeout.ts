import type { WaitStage } from '../../domain/commitment';
import { settleTimeout } from '../../operations/settle-timeout';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('settle-timeout', (payload: { commitmentId: string; stage: WaitStage; round?: number }) => settleTimeout(payload.commitmentId, payload.stage, payload.round));
