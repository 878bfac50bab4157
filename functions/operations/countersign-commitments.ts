import type { Commitment } from '../domain/commitment';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment, listCommitments, transition } from '../store/commitments';
import { resumeWait } from '../workflow/client';
import { mapWithConcurrency } from './concurrency';
import { loadDeclaration } from './load';
import { clock } from '../shared/clock';

export interface CountersignResult {
  readonly commitmentId: string;
  readonly result: 'countersigned' | 'already-countersigned' | 'not-ready' | 'not-found';
  readonly message: string;
}

const LATER_STATES = new Set(['COUNTERSIGNED', 'SEALED', 'DELIVERED']);

/** One commitment, or the listed (or all verified) commitments of a declaration. */
export type CountersignRequest =
  | { readonly commitmentId: string }
  | { readonly declarationId: string; readonly selection: { readonly commitmentIds?: readonly string[]; readonly allVerified?: boolean } };

/**
 * Countersigns one commitment (refusing one that does not exist or is not verified), or several,
 * reporting on each.
 */
export async function countersignCommitments(request: CountersignRequest, caller: Caller): Promise<CountersignResult[]> {
  if ('declarationId' in request) return countersignMany(request.declarationId, request.selection, caller);
  const result = await countersignCommitment(request.commitmentId, caller);
  if (result.result === 'not-found') throw new DomainError('NOT_FOUND', `There is no commitment ${request.commitmentId}.`);
  if (result.result === 'not-ready') throw new DomainError('WRONG_STATE', result.message);
  return [result];
}

/**
 * Countersigns one verified commitment: one conditional transition, so any number of concurrent
 * clicks (or two admins' overlapping bulk actions) give one countersignature.
 */
async function countersignCommitment(commitmentId: string, caller: Caller, declarationId?: string, listed?: Commitment): Promise<CountersignResult> {
  // A commitment just listed needs no second read: the transition's condition checks its state.
  const commitment = listed ?? (await getCommitment(commitmentId));
  if (!commitment || (declarationId !== undefined && commitment.declarationId !== declarationId)) {
    return { commitmentId, result: 'not-found', message: 'No such commitment in this declaration.' };
  }
  const now = clock.now();
  const outcome = await transition({
    commitment,
    from: ['VERIFIED'],
    to: 'COUNTERSIGNED',
    set: { countersignature: { by: caller.userId, name: caller.name || caller.email || caller.userId, title: 'European Commission', countersignedAt: now.toISOString() } },
    event: { type: 'COUNTERSIGNED', ...adminActor(caller) },
    now,
  });
  if (outcome.ok) {
    await resumeWait(commitmentId, 'countersignature', 'COUNTERSIGNED');
    return { commitmentId, result: 'countersigned', message: 'Countersigned; the sealed PDF will be emailed to the signatory.' };
  }
  const current = await getCommitment(commitmentId);
  if (current && LATER_STATES.has(current.state)) return { commitmentId, result: 'already-countersigned', message: 'Already countersigned.' };
  return { commitmentId, result: 'not-ready', message: `Only verified commitments can be countersigned; this one is ${current?.state ?? 'unknown'}.` };
}

/** Countersigns the listed commitments, or every verified one of the declaration; reports per commitment. */
async function countersignMany(declarationId: string, selection: { commitmentIds?: readonly string[]; allVerified?: boolean }, caller: Caller): Promise<CountersignResult[]> {
  await loadDeclaration(declarationId);
  if (selection.allVerified) {
    const verified = (await listCommitments(declarationId)).filter((commitment) => commitment.state === 'VERIFIED');
    return mapWithConcurrency(verified, 8, (commitment) => countersignCommitment(commitment.id, caller, declarationId, commitment));
  }
  const ids = [...new Set(selection.commitmentIds ?? [])];
  return mapWithConcurrency(ids, 8, (id) => countersignCommitment(id, caller, declarationId));
}
