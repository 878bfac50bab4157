import { outcomeOf, WAITING_STATE, type Commitment, type WaitStage } from '../domain/commitment';
import { roundOf } from '../domain/rounds';
import { parkTaskTokenWhileWaiting } from '../store/task-tokens';
import { completeToken } from '../workflow/client';
import { SUPERSEDED } from '../workflow/contract';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/**
 * Parks the workflow's task token where the handlers will find it, in one transaction with the
 * condition that the commitment still waits at this stage in this round: a user's change committed
 * first makes it fail, one committed after it finds the token. When it fails, the task reads the
 * record and resumes itself (the user already acted), so a callback that raced a timeout is never
 * lost. `commitment` is read only when the caller needs it (`withCommitment`) or the park failed.
 *
 * A task of a round that a later round replaced (`round` older than the record's) parks nothing
 * and ends its execution, so that it can neither take the new round's token nor act on its record.
 */
export async function parkWait(commitmentId: string, stage: WaitStage, token: string, round?: number): Promise<{ waiting: boolean; commitment?: Commitment }>;
export async function parkWait(commitmentId: string, stage: WaitStage, token: string, round: number | undefined, withCommitment: true): Promise<{ waiting: boolean; commitment: Commitment }>;
export async function parkWait(commitmentId: string, stage: WaitStage, token: string, round?: number, withCommitment = false): Promise<{ waiting: boolean; commitment?: Commitment }> {
  // A second pass only when the commitment was waiting again by the time it was read (a new round, for a task told none).
  for (let pass = 0; pass < 3; pass++) {
    const parked = await parkTaskTokenWhileWaiting(commitmentId, { token, stage, parkedAt: clock.now().toISOString() }, WAITING_STATE[stage], round);
    if (parked) return { waiting: true, ...(withCommitment ? { commitment: await loadCommitment(commitmentId) } : {}) };
    const commitment = await loadCommitment(commitmentId);
    if (round !== undefined && roundOf(commitment) !== round) return superseded(commitmentId, token, commitment);
    const outcome = outcomeOf(stage, commitment.state);
    if (outcome) {
      await completeToken(commitmentId, token, outcome);
      return { waiting: false, commitment };
    }
  }
  throw new Error(`commitment ${commitmentId} kept changing while its ${stage} token was parked`);
}

async function superseded(commitmentId: string, token: string, commitment: Commitment): Promise<{ waiting: boolean; commitment: Commitment }> {
  await completeToken(commitmentId, token, SUPERSEDED);
  return { waiting: false, commitment };
}
