import type { Commitment, InvitationInput } from '../domain/commitment';
import { registeredDomainsOf, type Declaration } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import { newId } from '../domain/ids';
import type { Caller } from '../shared/access';
import { createInvitation } from '../store/commitments';
import { startCommitmentExecution } from '../workflow/client';
import { loadCommitment, loadDeclaration } from './load';
import { mapWithConcurrency } from './concurrency';
import { clock } from '../shared/clock';
import { REINVITABLE_STATES, roundLinkExpiry, roundOf } from '../domain/rounds';
import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';

function alreadyInvitedMessage(commitment: Commitment): string {
  const who = `${commitment.organisation.email} is already invited to this declaration`;
  if (REINVITABLE_STATES.includes(commitment.state)) {
    return `${who}; that invitation is ${commitment.state.toLowerCase()}. Nothing was sent from here: to send a new link, open the commitment and choose “Invite again”.`;
  }
  if (commitment.state === 'INVITED') return `${who} and has not signed yet; nothing more was sent. To send a fresh link, open the commitment and choose “Remind now”.`;
  return `${who} (${commitment.state.toLowerCase()}); nothing was sent.`;
}

export interface InvitationResult {
  /** 1-based position in the request. */
  readonly row: number;
  readonly email: string;
  readonly status: 'invited' | 'already-invited';
  readonly commitmentId: string;
  readonly state: Commitment['state'];
  /** For an address already invited: what happened and, when the invitation ended, how to invite it again. */
  readonly message?: string;
}

/**
 * Invitations in flight at once: each is one transaction and one StartExecution (Step Functions
 * throttles StartExecution per account and region; the SDK retries a throttled call).
 */
export const INVITATION_CONCURRENCY = 32;

export function refuseUnlessOpen(declaration: Declaration): void {
  if (declaration.status === 'DRAFT') throw new DomainError('WRONG_STATE', 'This declaration is still a draft; open it for signing before inviting anyone.');
  if (declaration.status !== 'OPEN') throw new DomainError('DECLARATION_CLOSED', 'This declaration is closed; no one can be invited any more.');
}

/**
 * Invites organisations: one record and one workflow execution each. Inviting an address again
 * returns the existing commitment (and makes sure its workflow runs) instead of a second one.
 * An ended invitation (expired, declined, revoked, rejected) is not invited again from here: a new
 * round overrides what the organisation or an admin decided, so it is the admin's deliberate
 * action on the commitment ("Invite again", `reinviteCommitment`), never the side effect of an
 * invitation file uploaded again; the answer says so.
 */
export async function inviteOrganisations(declarationId: string, invitations: readonly InvitationInput[], caller: Caller): Promise<InvitationResult[]> {
  const declaration = await loadDeclaration(declarationId);
  refuseUnlessOpen(declaration);
  const firstRowOf = new Map<string, number>();
  const duplicates: string[] = [];
  invitations.forEach((invitation, index) => {
    const earlier = firstRowOf.get(invitation.organisation.email);
    if (earlier !== undefined) duplicates.push(`invitations.${index}: ${invitation.organisation.email} is already invited in invitation ${earlier}`);
    else firstRowOf.set(invitation.organisation.email, index);
  });
  if (duplicates.length > 0) throw new DomainError('INVALID_INPUT', 'Each address may be invited once per request.', duplicates);
  const windowSeconds = Number(requiredEnv(ENV.linkValiditySeconds));

  return mapWithConcurrency(invitations, INVITATION_CONCURRENCY, async (invitation, index) => {
    const now = clock.now();
    const { organisation } = invitation;
    const commitment: Commitment = {
      id: newId('cmt', now.getTime()),
      declarationId,
      organisation: organisation.emailDomains.length > 0 ? organisation : { ...organisation, emailDomains: registeredDomainsOf(declaration, organisation.name) },
      language: invitation.language,
      state: 'INVITED',
      invitedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      invitedBy: caller.userId,
      // Kept on the record from the start, so that the links follow an extension or a later deadline.
      linksExpireAt: roundLinkExpiry(declaration, { invitedAt: now.toISOString() }, windowSeconds).getTime(),
    };
    const created = await createInvitation(commitment, caller);
    const commitmentId = created.created ? commitment.id : created.existingCommitmentId;
    const current = created.created ? commitment : await loadCommitment(commitmentId);
    if (created.created || current.state === 'INVITED') await startCommitmentExecution({ commitmentId, declarationId, round: roundOf(current) });
    return {
      row: index + 1,
      email: invitation.organisation.email,
      status: created.created ? 'invited' : 'already-invited',
      commitmentId,
      state: current.state,
      ...(created.created ? {} : { message: alreadyInvitedMessage(current) }),
    };
  });
}
