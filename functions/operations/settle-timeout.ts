import { outcomeOf, WAITING_STATE, type WaitStage } from '../domain/commitment';
import { roundOf } from '../domain/rounds';
import { transition } from '../store/commitments';
import { STILL_WAITING, SUPERSEDED } from '../workflow/contract';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/**
 * A wait timed out: expire the commitment unless the user acted first, in which case the
 * workflow goes on with what they did. A signature wait whose links an admin extended past now
 * waits again (the timer of a wait is fixed in the definition; the record says how long the links
 * last). A wait of a round that a later round replaced changes nothing and ends its execution.
 */
export async function settleTimeout(commitmentId: string, stage: WaitStage, round?: number): Promise<{ outcome: string }> {
  const commitment = await loadCommitment(commitmentId);
  if (round !== undefined && roundOf(commitment) !== round) return { outcome: SUPERSEDED };
  const already = outcomeOf(stage, commitment.state);
  if (already) return { outcome: already };
  const now = clock.now();
  if (stage === 'signature' && commitment.linksExpireAt !== undefined && commitment.linksExpireAt > now.getTime()) return { outcome: STILL_WAITING };
  const result = await transition({
    commitment,
    from: [WAITING_STATE[stage]],
    to: 'EXPIRED',
    set: { expiry: { stage, expiredAt: now.toISOString() } },
    event: { type: 'EXPIRED', actor: 'workflow', detail: { stage } },
    now,
  });
  if (result.ok) return { outcome: 'EXPIRED' };
  return settleTimeout(commitmentId, stage, round);
}
