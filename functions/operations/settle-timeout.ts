import { outcomeOf, WAITING_STATE, type WaitStage } from '../domain/commitment';
import { transition } from '../store/commitments';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/**
 * A wait timed out: expire the commitment unless the user acted first, in which case the
 * workflow goes on with what they did.
 */
export async function settleTimeout(commitmentId: string, stage: WaitStage): Promise<{ outcome: string }> {
  const commitment = await loadCommitment(commitmentId);
  const already = outcomeOf(stage, commitment.state);
  if (already) return { outcome: already };
  const now = clock.now();
  const result = await transition({
    commitment,
    from: [WAITING_STATE[stage]],
    to: 'EXPIRED',
    set: { expiry: { stage, expiredAt: now.toISOString() } },
    event: { type: 'EXPIRED', actor: 'workflow', detail: { stage } },
    now,
  });
  if (result.ok) return { outcome: 'EXPIRED' };
  return settleTimeout(commitmentId, stage);
}
