import { REVOCABLE_STATES } from '../domain/commitment';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment, transition } from '../store/commitments';
import { failWait } from '../workflow/client';
import { REVOKED_ERROR } from '../workflow/contract';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

/** Withdraws an invitation that is not yet countersigned; its links stop working at once. */
export async function revokeCommitment(commitmentId: string, reason: string, caller: Caller): Promise<void> {
  const commitment = await loadCommitment(commitmentId);
  const now = clock.now();
  const result = await transition({
    commitment,
    from: REVOCABLE_STATES,
    to: 'REVOKED',
    set: { revocation: { by: caller.userId, reason, revokedAt: now.toISOString() } },
    event: { type: 'REVOKED', ...adminActor(caller), detail: { reason } },
    now,
  });
  if (!result.ok) {
    const current = await getCommitment(commitmentId);
    throw new DomainError('WRONG_STATE', `This commitment can no longer be revoked; it is ${current?.state ?? 'unknown'}.`);
  }
  await failWait(commitmentId, REVOKED_ERROR, 'Revoked by the European Commission');
}
