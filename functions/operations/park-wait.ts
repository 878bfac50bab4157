import { outcomeOf, type Commitment, type WaitStage } from '../domain/commitment';
import { roundOf } from '../domain/rounds';
import { parkTaskToken } from '../store/task-tokens';
import { completeToken } from '../workflow/client';
import { SUPERSEDED } from '../workflow/contract';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/**
 * Parks the workflow's task token where the handlers will find it, then reads the record: if the
 * user already acted (before the token was parked, or while it was being parked), the task resumes
 * itself from the record, so a callback that raced a timeout is never lost. Should the user's own
 * callback find the token too, the second answer meets a closed wait, which both sides accept.
 *
 * A task of a round that a later round replaced (`round` older than the record's) parks nothing
 * and ends its execution, so that it can neither take the new round's token nor act on its record.
 */
export async function parkWait(commitmentId: string, stage: WaitStage, token: string, round?: number): Promise<{ waiting: boolean; commitment: Commitment }> {
  if (round !== undefined) {
    const before = await loadCommitment(commitmentId);
    if (roundOf(before) !== round) return superseded(commitmentId, token, before);
  }
  await parkTaskToken(commitmentId, { token, stage, parkedAt: clock.now().toISOString() });
  const commitment = await loadCommitment(commitmentId);
  if (round !== undefined && roundOf(commitment) !== round) return superseded(commitmentId, token, commitment);
  const outcome = outcomeOf(stage, commitment.state);
  if (outcome) {
    await completeToken(commitmentId, token, outcome);
    return { waiting: false, commitment };
  }
  return { waiting: true, commitment };
}

async function superseded(commitmentId: string, token: string, commitment: Commitment): Promise<{ waiting: boolean; commitment: Commitment }> {
  await completeToken(commitmentId, token, SUPERSEDED);
  return { waiting: false, commitment };
}
