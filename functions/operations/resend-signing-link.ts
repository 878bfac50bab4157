import { DomainError } from '../domain/errors';
import { resendRaceLost, resendRefusal } from '../domain/resends';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { getCommitment } from '../store/commitments';
import { claimMail, recordMailSent, releaseMailClaim } from '../store/mail-claims';
import { getCodeState } from '../store/one-time-codes';
import { recordResend } from '../store/resends';
import { retryOnTransactionConflict } from '../store/transaction-conflicts';
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

/** What the resend answers: the count of resends its sender saw, or (left out) the count read now. */
export interface ResendPrecondition {
  /**
   * How many times the link had been resent on the page the admin clicked on: the resend goes only
   * if that is still the count, so a double click sends one email whatever the timing. Left out by
   * a resend that follows from another change of the same request (a corrected contact).
   */
  readonly seenResends?: number;
}

/**
 * An admin sends the organisation a new signing link (a lost email, a locked link): a fresh
 * secret emailed to the invited address, the one-time codes and any lock cleared, an audit
 * event. Earlier links keep working until the signing window ends. A double click sends one email.
 */
export async function resendSigningLink(commitmentId: string, caller: Caller, precondition: ResendPrecondition = {}, now = clock.now()): Promise<ResendResult> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.state !== 'INVITED') {
    throw new DomainError('WRONG_STATE', `Only an invitation still awaiting its signature can be resent; this one is ${commitment.state}.`);
  }
  const current = commitment.resends ?? 0;
  const seen = precondition.seenResends ?? current;
  const refusal = resendRefusal(seen, current);
  if (refusal) throw refusal;
  const declaration = await loadDeclarationContent(commitment.declarationId);
  const expiresAt = signingLinkExpiry(commitment, declaration);
  if (expiresAt.getTime() <= now.getTime()) throw new DomainError('WRONG_STATE', 'The signing window of this invitation has ended; a new link would not work.');
  const wasLocked = (await getCodeState(commitmentId)).lockedAt !== undefined;
  // Conditioned on the count seen: of requests made on the same view, one records its resend.
  const recorded = await retryOnTransactionConflict(() =>
    recordResend(commitment, seen, { type: 'LINK_RESENT', ...adminActor(caller), at: now.toISOString(), detail: { resend: seen + 1, unlocked: wasLocked } }));
  if (!recorded) {
    const latest = await getCommitment(commitmentId);
    if (latest?.state !== 'INVITED') throw new DomainError('WRONG_STATE', `Only an invitation still awaiting its signature can be resent; this one is ${latest?.state ?? 'unknown'}.`);
    throw resendRefusal(seen, latest.resends ?? 0) ?? resendRaceLost();
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
