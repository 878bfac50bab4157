import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment } from '../store/commitments';
import { claimMail, recordMailSent, releaseMailClaim } from '../store/mail-claims';
import { getCodeState } from '../store/one-time-codes';
import { recordResend } from '../store/resends';
import { loadCommitment, loadDeclarationContent } from './load';
import { emailNewLink, signingLinkExpiry } from './send-signing-link';
import { clock } from '../shared/clock';

export interface ResendResult {
  readonly commitmentId: string;
  /** 1 for the first resend. */
  readonly resend: number;
  /** The link was locked after wrong codes, and is not any more. */
  readonly unlocked: boolean;
  readonly expiresAt: string;
}

/**
 * An admin sends the organisation a new signing link (a lost email, a locked link): a fresh
 * secret emailed to the invited address, the one-time codes and any lock cleared, an audit
 * event. Earlier links keep working until the signing window ends. A double click sends one email.
 */
export async function resendSigningLink(commitmentId: string, caller: Caller, now = clock.now()): Promise<ResendResult> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.state !== 'INVITED') {
    throw new DomainError('WRONG_STATE', `Only an invitation still awaiting its signature can be resent; this one is ${commitment.state}.`);
  }
  const declaration = await loadDeclarationContent(commitment.declarationId);
  const expiresAt = signingLinkExpiry(commitment, declaration);
  if (expiresAt.getTime() <= now.getTime()) throw new DomainError('WRONG_STATE', 'The signing window of this invitation has ended; a new link would not work.');
  const wasLocked = (await getCodeState(commitmentId)).lockedAt !== undefined;
  const seen = commitment.resends ?? 0;
  const recorded = await recordResend(commitment, seen, { type: 'LINK_RESENT', ...adminActor(caller), at: now.toISOString(), detail: { resend: seen + 1, unlocked: wasLocked } });
  if (!recorded) {
    const current = await getCommitment(commitmentId);
    if (current?.state !== 'INVITED') throw new DomainError('WRONG_STATE', `Only an invitation still awaiting its signature can be resent; this one is ${current?.state ?? 'unknown'}.`);
    throw new DomainError('ALREADY_DONE', 'A new link was sent a moment ago; nothing more was sent.');
  }
  const kind = `resend-${seen + 1}`;
  // The resend is recorded once; the claim makes sure its email also goes once.
  if (await claimMail(commitmentId, kind)) {
    try {
      const messageId = await emailNewLink(commitment, declaration, { mailKind: kind, template: 'new-link', expiresAt, issuedAt: now });
      await recordMailSent(commitmentId, kind, messageId);
    } catch (error) {
      await releaseMailClaim(commitmentId, kind).catch(() => undefined);
      throw error;
    }
  }
  return { commitmentId, resend: seen + 1, unlocked: wasLocked, expiresAt: expiresAt.toISOString() };
}
