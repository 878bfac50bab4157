import { COMMITMENT_STATES, FINAL_STATES } from '../domain/commitment';
import { transition } from '../store/commitments';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

const UNFINISHED = COMMITMENT_STATES.filter((state) => !FINAL_STATES.has(state));

/** Marks the commitment FAILED with the step's error, so that admins see it instead of a silent stall. */
export async function recordFailure(commitmentId: string, error: string, cause: string): Promise<void> {
  const commitment = await loadCommitment(commitmentId);
  if (FINAL_STATES.has(commitment.state)) return;
  const now = clock.now();
  const shortCause = cause.slice(0, 2_000);
  await transition({
    commitment,
    from: UNFINISHED,
    to: 'FAILED',
    set: { failure: { error, cause: shortCause, failedAt: now.toISOString(), stateAtFailure: commitment.state } },
    event: { type: 'FAILED', actor: 'workflow', detail: { error, stateAtFailure: commitment.state } },
    now,
  });
}
