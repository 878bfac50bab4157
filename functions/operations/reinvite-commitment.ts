import { ENV } from '../catalog';
import type { CommitmentState } from '../domain/commitment';
import { DomainError } from '../domain/errors';
import { executionNameOf, pastRoundOf, REINVITABLE_STATES, roundLinkExpiry, roundOf } from '../domain/rounds';
import type { Caller } from '../shared/access';
import { requiredEnv } from '../shared/config';
import { logger } from '../shared/logger';
import { getCommitment } from '../store/commitments';
import { startRound } from '../store/rounds';
import { startCommitmentExecution } from '../workflow/client';
import { refuseUnlessOpen } from './invite-organisations';
import { loadCommitment, loadDeclaration } from './load';
import { clock } from '../shared/clock';
import { adminActor } from '../store/audit';

export interface ReinviteOutcome {
  readonly commitmentId: string;
  /** 2 for the first invitation again. */
  readonly round: number;
  readonly previousState: CommitmentState;
  /** When the new round's links stop working. */
  readonly linksExpireAt: string;
}

/**
 * An admin invites the organisation of an expired, declined, revoked or rejected commitment
 * again: a new round on the same commitment (same id, same page) with its own workflow execution,
 * which emails the invitation with a fresh link. The earlier round stays on the record and in the
 * audit trail; its links and signing sessions no longer work. Of two concurrent requests one
 * starts the round and the other is told it was just done: one round, one email.
 */
export async function reinviteCommitment(commitmentId: string, caller: Caller, now = clock.now()): Promise<ReinviteOutcome> {
  const commitment = await loadCommitment(commitmentId);
  if (!REINVITABLE_STATES.includes(commitment.state)) throw notReinvitable(commitment.state);
  const declaration = await loadDeclaration(commitment.declarationId);
  refuseUnlessOpen(declaration);
  if (declaration.deadline && Date.parse(declaration.deadline) <= now.getTime()) {
    throw new DomainError('WRONG_STATE', `The declaration's deadline (${declaration.deadline}) has passed; move it later before inviting anyone again.`);
  }
  const round = roundOf(commitment) + 1;
  const linksExpireAt = roundLinkExpiry(declaration, { invitedAt: now.toISOString() }, Number(requiredEnv(ENV.linkValiditySeconds)));
  const started = await startRound(
    commitment,
    {
      invitedAt: now,
      invitedBy: caller.userId,
      linksExpireAt,
      past: pastRoundOf(commitment, now.toISOString(), commitment.linksExpireAt === undefined ? undefined : new Date(commitment.linksExpireAt)),
    },
    { type: 'REINVITED', ...adminActor(caller), detail: { round, previousState: commitment.state, linksExpireAt: linksExpireAt.toISOString() } },
  );
  if (!started) {
    const current = await getCommitment(commitmentId);
    if (current && roundOf(current) > roundOf(commitment)) {
      throw new DomainError('ALREADY_DONE', `The organisation was invited again a moment ago (round ${roundOf(current)}); nothing more was sent.`);
    }
    throw notReinvitable(current?.state ?? commitment.state);
  }
  logger.info('commitment invited again', { commitmentId, round, execution: executionNameOf(commitmentId, round) });
  await startCommitmentExecution({ commitmentId, declarationId: commitment.declarationId, round });
  return { commitmentId, round, previousState: commitment.state, linksExpireAt: linksExpireAt.toISOString() };
}

function notReinvitable(state: CommitmentState): DomainError {
  if (state === 'INVITED') {
    return new DomainError('WRONG_STATE', 'This invitation is still awaiting its signature: remind the organisation, resend the link or extend it instead.');
  }
  return new DomainError('WRONG_STATE', `Only an expired, declined, revoked or rejected commitment can be invited again; this one is ${state}.`);
}
