import { DomainError } from '../domain/errors';
import { checkExtension, MAX_SIGNATURE_WAIT_DAYS } from '../domain/rounds';
import type { Caller } from '../shared/access';
import { getCommitment } from '../store/commitments';
import { extendLinks } from '../store/rounds';
import { loadCommitment, loadDeclaration } from './load';
import { signingLinkExpiry } from './send-signing-link';
import { clock } from '../shared/clock';
import { adminActor } from '../store/audit';

export interface ExtensionOutcome {
  readonly commitmentId: string;
  readonly linksExpireAt: string;
  readonly previousExpiry: string;
}

/**
 * An admin keeps an open invitation's links valid until a later time, at most the declaration's
 * deadline: every link already emailed works until then, and the workflow's signature wait, which
 * reads the record when its timer runs out, waits on instead of expiring the invitation. Nothing
 * is emailed (an admin may remind the organisation as well).
 */
export async function extendInvitation(commitmentId: string, until: Date, caller: Caller, now = clock.now()): Promise<ExtensionOutcome> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.state !== 'INVITED') {
    throw new DomainError('WRONG_STATE', `Only an invitation still awaiting its signature can be extended; this one is ${commitment.state}.`);
  }
  const declaration = await loadDeclaration(commitment.declarationId);
  if (declaration.status !== 'OPEN') throw new DomainError('DECLARATION_CLOSED', 'This declaration is closed; its invitations can no longer be extended.');
  const current = signingLinkExpiry(commitment, declaration);
  const check = checkExtension(declaration, commitment.invitedAt, current, until, now);
  if (!check.ok) {
    const limit = check.limit.until.toISOString();
    switch (check.reason) {
      case 'in-the-past':
        throw new DomainError('INVALID_INPUT', 'The new expiry must be in the future.');
      case 'not-later':
        throw new DomainError('INVALID_INPUT', `The links are already valid until ${current.toISOString()}; choose a later time (at most ${limit}).`);
      case 'past-limit':
        throw new DomainError('INVALID_INPUT', check.limit.by === 'deadline'
          ? `The declaration's deadline is ${limit}; an invitation cannot be extended past it. Move the deadline later first.`
          : `An invitation waits for its signature at most ${MAX_SIGNATURE_WAIT_DAYS} days from its invitation: until ${limit} for this one.`);
    }
  }
  const extended = await extendLinks(commitment, until, caller.userId, now, {
    type: 'LINK_EXTENDED',
    ...adminActor(caller),
    detail: { until: until.toISOString(), previousExpiry: current.toISOString() },
  });
  if (!extended) {
    const latest = await getCommitment(commitmentId);
    throw new DomainError('WRONG_STATE', `This invitation changed meanwhile (it is ${latest?.state ?? 'unknown'}); read it again and retry.`);
  }
  return { commitmentId, linksExpireAt: until.toISOString(), previousExpiry: current.toISOString() };
}
