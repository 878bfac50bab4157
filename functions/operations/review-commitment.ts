import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment, transition } from '../store/commitments';
import { resumeWait } from '../workflow/client';
import { loadCommitment } from './load';
import { clock } from '../shared/clock';

export interface ReviewDecision {
  readonly decision: 'approve' | 'reject';
  readonly reason: string;
}

/** An admin's decision on a flagged commitment. */
export async function reviewCommitment(commitmentId: string, review: ReviewDecision, caller: Caller): Promise<{ state: 'VERIFIED' | 'REJECTED' }> {
  const commitment = await loadCommitment(commitmentId);
  const approved = review.decision === 'approve';
  const now = clock.now();
  const result = await transition({
    commitment,
    from: ['IN_REVIEW'],
    to: approved ? 'VERIFIED' : 'REJECTED',
    set: { review: { decision: approved ? 'APPROVED' : 'REJECTED', reason: review.reason, reviewedBy: caller.userId, reviewedAt: now.toISOString() } },
    event: { type: approved ? 'REVIEW_APPROVED' : 'REVIEW_REJECTED', ...adminActor(caller), detail: { reason: review.reason } },
    now,
  });
  if (!result.ok) {
    const current = await getCommitment(commitmentId);
    throw new DomainError('WRONG_STATE', `Only commitments waiting for review can be reviewed; this one is ${current?.state ?? 'unknown'}.`);
  }
  await resumeWait(commitmentId, 'review', approved ? 'APPROVED' : 'REJECTED');
  return { state: approved ? 'VERIFIED' : 'REJECTED' };
}
