import { ENV } from '../catalog';
import { linkExpiry } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import { roundLinkExpiry } from '../domain/rounds';
import type { Caller } from '../shared/access';
import { requiredEnv } from '../shared/config';
import { listCommitments } from '../store/commitments';
import { adminActor } from '../store/audit';
import { moveDeadline as storeDeadline } from '../store/declarations';
import { followDeadline } from '../store/rounds';
import { mapWithConcurrency } from './concurrency';
import { loadDeclaration } from './load';
import { clock } from '../shared/clock';

export interface DeadlineMove {
  readonly declarationId: string;
  readonly deadline: string;
  readonly previousDeadline: string;
  /** Open invitations whose links now last longer (those the old deadline had cut short). */
  readonly linksExtended: number;
}

/**
 * An admin moves an open declaration's deadline later (never earlier, nor into the past: links
 * already sent must not stop working sooner than their email said). Every invitation awaiting its
 * signature then gets the expiry the new deadline allows by the link rules (`roundLinkExpiry`):
 * links the old deadline had cut short last longer, up to the new one; an extension stays as it
 * was. Each such invitation records an audit event naming the admin. Running it again with the
 * same deadline finishes what an interrupted run left.
 */
export async function moveDeadline(declarationId: string, deadline: string, caller: Caller, now = clock.now()): Promise<DeadlineMove> {
  const declaration = await loadDeclaration(declarationId);
  if (declaration.status !== 'OPEN') {
    throw new DomainError(declaration.status === 'CLOSED' ? 'DECLARATION_CLOSED' : 'WRONG_STATE',
      declaration.status === 'CLOSED' ? 'This declaration is closed; its deadline can no longer change.' : 'This declaration is a draft: set its deadline by editing the draft.');
  }
  const previous = declaration.deadline;
  if (!previous) throw new DomainError('WRONG_STATE', 'This declaration has no deadline: its links last their signing window. A deadline set now would cut links already sent short.');
  if (Date.parse(deadline) <= now.getTime()) throw new DomainError('INVALID_INPUT', 'The new deadline must be in the future.');
  if (Date.parse(deadline) < Date.parse(previous)) {
    throw new DomainError('INVALID_INPUT', `The deadline can only move later: it is ${previous}. Links already sent must not stop working sooner than their email said.`);
  }
  const event = { type: 'DEADLINE_MOVED' as const, ...adminActor(caller), detail: { deadline, previousDeadline: previous } };
  if (deadline !== previous && !(await storeDeadline(declarationId, previous, deadline, event, now))) {
    throw new DomainError('WRONG_STATE', 'The declaration changed meanwhile (closed, or its deadline moved); read it again and retry.');
  }
  const windowSeconds = Number(requiredEnv(ENV.linkValiditySeconds));
  const open = (await listCommitments(declarationId)).filter((commitment) => commitment.state === 'INVITED');
  const followed = await mapWithConcurrency(open, 8, async (commitment) => {
    const current = commitment.linksExpireAt ?? linkExpiry(declaration, commitment.invitedAt, windowSeconds).getTime();
    const next = roundLinkExpiry({ deadline }, { invitedAt: commitment.invitedAt, extendedUntil: commitment.extension?.until }, windowSeconds);
    if (next.getTime() <= current) return false;
    // Lost to a concurrent change (signed, extended, a new round): that change stands.
    return followDeadline(commitment, commitment.linksExpireAt, next, {
      type: 'LINKS_FOLLOWED_DEADLINE',
      ...adminActor(caller),
      at: now.toISOString(),
      detail: { deadline, previousDeadline: previous, linksExpireAt: next.toISOString(), previousExpiry: new Date(current).toISOString() },
    });
  });
  return { declarationId, deadline, previousDeadline: previous, linksExtended: followed.filter(Boolean).length };
}
