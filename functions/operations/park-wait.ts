import { outcomeOf, type Commitment, type WaitStage } from '../domain/commitment';
import { parkTaskToken } from '../store/task-tokens';
import { completeToken } from '../workflow/client';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/**
 * Parks the workflow's task token where the handlers will find it, then reads the record: if the
 * user already acted (before the token was parked, or while it was being parked), the task resumes
 * itself from the record, so a callback that raced a timeout is never lost. Should the user's own
 * callback find the token too, the second answer meets a closed wait, which both sides accept.
 */
export async function parkWait(commitmentId: string, stage: WaitStage, token: string): Promise<{ waiting: boolean; commitment: Commitment }> {
  await parkTaskToken(commitmentId, { token, stage, parkedAt: clock.now().toISOString() });
  const commitment = await loadCommitment(commitmentId);
  const outcome = outcomeOf(stage, commitment.state);
  if (outcome) {
    await completeToken(commitmentId, token, outcome);
    return { waiting: false, commitment };
  }
  return { waiting: true, commitment };
}
