import { outcomeOf, type Commitment, type WaitStage } from '../domain/commitment';
import { getCommitment } from '../store/commitments';
import { parkTaskToken } from '../store/task-tokens';
import { completeToken } from '../workflow/client';
import { loadCommitment } from './load';

/**
 * Parks the workflow's task token where the handlers will find it. If the user already acted
 * (before the token was parked, or while it was being parked), the task resumes itself from the
 * record, so a callback that raced a timeout is never lost.
 */
export async function parkWait(commitmentId: string, stage: WaitStage, token: string): Promise<{ waiting: boolean; commitment: Commitment }> {
  const before = await loadCommitment(commitmentId);
  const early = outcomeOf(stage, before.state);
  if (early) {
    await completeToken(commitmentId, token, early);
    return { waiting: false, commitment: before };
  }
  await parkTaskToken(commitmentId, { token, stage, parkedAt: new Date().toISOString() });
  const after = (await getCommitment(commitmentId)) ?? before;
  const late = outcomeOf(stage, after.state);
  if (late) {
    await completeToken(commitmentId, token, late);
    return { waiting: false, commitment: after };
  }
  return { waiting: true, commitment: after };
}
