import { WAITING_STATE } from '../domain/commitment';
import { roundOf } from '../domain/rounds';
import { parkWhileWaitingItems } from '../store/task-tokens';
import { clock } from '../shared/clock';
import { confirmationClaim, confirmSignature } from './confirm-signature';
import { loadCommitment } from './load';
import { parkWait } from './park-wait';
import { verifyCommitment } from './verify-commitment';

/** The task of a wait for an admin's decision: a review, or a countersignature. */
export async function awaitDecision(commitmentId: string, stage: 'review' | 'countersignature', token: string, round?: number): Promise<{ waiting: boolean }> {
  if (stage === 'countersignature') return awaitCountersignature(commitmentId, token, round);
  const { waiting } = await parkWait(commitmentId, stage, token, round);
  return { waiting };
}

/**
 * The countersignature wait's task. A signature that has just arrived is checked here first: a
 * separate step would be one more state that Step Functions Standard bills on every commitment's
 * way to a certificate. The checks' outcome is recorded with the confirmation email's claim; when
 * they passed, the task token is parked with the record of the sent confirmation. A flagged
 * signature fails the wait with `SignatureFlagged` (`parkWait` finds it in review), which the
 * workflow catches to ask for a review. A retry, or the wait after a review approved the
 * signature, parks the token as every wait does, and sends the confirmation if an earlier attempt
 * died before sending it (the claim is the task's to take over).
 */
async function awaitCountersignature(commitmentId: string, token: string, round?: number): Promise<{ waiting: boolean }> {
  const commitment = await loadCommitment(commitmentId);
  // A task of a round that a later round replaced leaves the record alone (parkWait ends it).
  const ofThisRound = round === undefined || roundOf(commitment) === round;
  if (ofThisRound && commitment.state === 'SIGNED' && commitment.signature) {
    const verified = await verifyCommitment(commitment, (signed) => [confirmationClaim(signed)]);
    // Parked with the record of the sent confirmation, not before it: a countersignature that
    // came in between would end this task, and a failed send's retry with it.
    const parkAlong = verified.outcome === 'VERIFIED' && verified.alongsideWritten
      ? parkWhileWaitingItems(commitmentId, { token, stage: 'countersignature', parkedAt: clock.now().toISOString() }, WAITING_STATE.countersignature, round)
      : [];
    const { recordedAlong } = await confirmSignature(verified.commitment, verified.alongsideWritten, parkAlong);
    if (recordedAlong) return { waiting: true };
  } else if (ofThisRound && commitment.signature) {
    await confirmSignature(commitment, false);
  }
  // Flagged, revoked meanwhile, a retry or another round: the record decides, as for every wait.
  const { waiting } = await parkWait(commitmentId, 'countersignature', token, round);
  return { waiting };
}
