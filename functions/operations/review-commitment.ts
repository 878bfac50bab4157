import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment, transition } from '../store/commitments';
import { resumeWait } from '../workflow/client';
import { mapWithConcurrency } from './concurrency';
import { loadDeclaration } from './load';
import { clock } from '../shared/clock';

export interface ReviewDecision {
  readonly decision: 'approve' | 'reject';
  readonly reason: string;
}

export interface ReviewResult {
  readonly commitmentId: string;
  readonly result: 'approved' | 'rejected' | 'already-reviewed' | 'not-in-review' | 'not-found';
  readonly message: string;
  /** The state the commitment is in after this request (absent when there is no such commitment). */
  readonly state?: string;
}

/** One flagged commitment, or the listed commitments of a declaration, all with the same decision and reason. */
export type ReviewRequest =
  | { readonly commitmentId: string; readonly review: ReviewDecision }
  | { readonly declarationId: string; readonly commitmentIds: readonly string[]; readonly review: ReviewDecision };

/**
 * Reviews one commitment (refusing one that does not exist or is not waiting for review), or
 * several, reporting on each: one already reviewed or no longer in review is an answer, not a
 * failure of the whole request.
 */
export async function reviewCommitments(request: ReviewRequest, caller: Caller): Promise<ReviewResult[]> {
  if ('declarationId' in request) {
    await loadDeclaration(request.declarationId);
    const ids = [...new Set(request.commitmentIds)];
    return mapWithConcurrency(ids, 8, (id) => reviewOne(id, request.review, caller, request.declarationId));
  }
  const result = await reviewOne(request.commitmentId, request.review, caller);
  if (result.result === 'not-found') throw new DomainError('NOT_FOUND', `There is no commitment ${request.commitmentId}.`);
  if (result.result === 'not-in-review' || result.result === 'already-reviewed') throw new DomainError('WRONG_STATE', result.message);
  return [result];
}

/**
 * One conditional transition out of IN_REVIEW with its audit event naming the admin, so two
 * admins (or a bulk and a single review) deciding at once give one decision.
 */
async function reviewOne(commitmentId: string, review: ReviewDecision, caller: Caller, declarationId?: string): Promise<ReviewResult> {
  const commitment = await getCommitment(commitmentId);
  if (!commitment || (declarationId !== undefined && commitment.declarationId !== declarationId)) {
    return { commitmentId, result: 'not-found', message: 'No such commitment in this declaration.' };
  }
  const approved = review.decision === 'approve';
  const now = clock.now();
  const outcome = await transition({
    commitment,
    from: ['IN_REVIEW'],
    to: approved ? 'VERIFIED' : 'REJECTED',
    set: { review: { decision: approved ? 'APPROVED' : 'REJECTED', reason: review.reason, reviewedBy: caller.userId, reviewedAt: now.toISOString() } },
    event: { type: approved ? 'REVIEW_APPROVED' : 'REVIEW_REJECTED', ...adminActor(caller), detail: { reason: review.reason } },
    now,
  });
  if (outcome.ok) {
    await resumeWait(commitmentId, 'review', approved ? 'APPROVED' : 'REJECTED');
    return approved
      ? { commitmentId, result: 'approved', state: 'VERIFIED', message: 'Approved; it now awaits countersignature.' }
      : { commitmentId, result: 'rejected', state: 'REJECTED', message: 'Rejected.' };
  }
  const current = await getCommitment(commitmentId);
  const state = current?.state ?? 'unknown';
  if (current?.review) {
    const earlier = current.review.decision === 'APPROVED' ? 'approved' : 'rejected';
    return { commitmentId, result: 'already-reviewed', state, message: `Already ${earlier} on ${current.review.reviewedAt.slice(0, 16).replace('T', ' ')} UTC; nothing changed.` };
  }
  return { commitmentId, result: 'not-in-review', state, message: `Only commitments waiting for review can be reviewed; this one is ${state}.` };
}
