/**
 * Rounds, link generations and how long an invitation's links stay valid.
 *
 * A commitment that ended without a signature that counts (expired, declined, revoked, rejected)
 * can be invited again: a new round on the same commitment, with its own workflow execution and
 * its own emails, while the earlier rounds stay on the record. Every link and signing session
 * belongs to one link generation of the commitment; a new round or a corrected contact moves to
 * the next generation, so every earlier link and session stops working at once.
 */
import type { Commitment, CommitmentState } from './commitment';

/** The states from which an admin may invite the organisation again. */
export const REINVITABLE_STATES: readonly CommitmentState[] = ['EXPIRED', 'DECLINED', 'REVOKED', 'REJECTED'];

/**
 * How long one round may wait for its signature at most, extensions included, when the
 * declaration's deadline does not stop it earlier: with the review and countersignature waits it
 * keeps one execution within the year a Step Functions Standard execution may run.
 */
export const MAX_SIGNATURE_WAIT_DAYS = 180;

/** What an earlier round came to, kept on the commitment when the next one starts. */
export interface PastRound {
  readonly round: number;
  readonly state: CommitmentState;
  readonly invitedAt: string;
  readonly invitedBy: string;
  readonly endedAt: string;
  readonly contact: { readonly name: string; readonly email: string };
  readonly signature?: Commitment['signature'];
  readonly decline?: Commitment['decline'];
  readonly verification?: Commitment['verification'];
  readonly review?: Commitment['review'];
  readonly expiry?: Commitment['expiry'];
  readonly revocation?: Commitment['revocation'];
  readonly linksExpireAt?: string;
}

/** The attributes that belong to one round and are cleared when the next one starts. */
export const ROUND_ATTRIBUTES = ['signature', 'decline', 'verification', 'review', 'expiry', 'revocation', 'extension'] as const;

export function roundOf(commitment: Pick<Commitment, 'round'>): number {
  return commitment.round ?? 1;
}

export function linkGenerationOf(commitment: Pick<Commitment, 'linkGeneration'>): number {
  return commitment.linkGeneration ?? 0;
}

/**
 * The Step Functions execution of a round. Execution names are unique per state machine for 90
 * days after they end, so each round has its own: the commitment id for the first (as before
 * rounds existed), `<id>-round-<n>` after it (at most 80 characters).
 */
export function executionNameOf(commitmentId: string, round: number): string {
  return round <= 1 ? commitmentId : `${commitmentId}-round-${round}`;
}

/**
 * The mail claim of a workflow email in a round: each round sends its own invitation, reminders
 * and confirmation once. The first round keeps the names it always had.
 */
export function roundMailKind(round: number, kind: string): string {
  return round <= 1 ? kind : `round-${round}-${kind}`;
}

/** The record of the round that is ending, for the commitment's history. */
export function pastRoundOf(commitment: Commitment, endedAt: string, linksExpireAt?: Date): PastRound {
  return {
    round: roundOf(commitment),
    state: commitment.state,
    invitedAt: commitment.invitedAt,
    invitedBy: commitment.invitedBy,
    endedAt,
    contact: { name: commitment.organisation.contactName, email: commitment.organisation.email },
    ...(commitment.signature ? { signature: commitment.signature } : {}),
    ...(commitment.decline ? { decline: commitment.decline } : {}),
    ...(commitment.verification ? { verification: commitment.verification } : {}),
    ...(commitment.review ? { review: commitment.review } : {}),
    ...(commitment.expiry ? { expiry: commitment.expiry } : {}),
    ...(commitment.revocation ? { revocation: commitment.revocation } : {}),
    ...(linksExpireAt ? { linksExpireAt: linksExpireAt.toISOString() } : {}),
  };
}

/**
 * When the links of a round stop working: the signing window from the round's invitation, or
 * later when an admin extended it, never past the declaration's deadline.
 */
export function roundLinkExpiry(
  declaration: { readonly deadline?: string },
  round: { readonly invitedAt: string; readonly extendedUntil?: string },
  windowSeconds: number,
): Date {
  const window = Date.parse(round.invitedAt) + windowSeconds * 1000;
  const wanted = round.extendedUntil ? Math.max(window, Date.parse(round.extendedUntil)) : window;
  return new Date(declaration.deadline ? Math.min(wanted, Date.parse(declaration.deadline)) : wanted);
}

/** The latest an admin may extend a round's links to, and what sets that limit. */
export function extensionLimit(declaration: { readonly deadline?: string }, roundInvitedAt: string): { readonly until: Date; readonly by: 'deadline' | 'longest-wait' } {
  const longest = Date.parse(roundInvitedAt) + MAX_SIGNATURE_WAIT_DAYS * 86_400_000;
  if (declaration.deadline && Date.parse(declaration.deadline) <= longest) return { until: new Date(declaration.deadline), by: 'deadline' };
  return { until: new Date(longest), by: 'longest-wait' };
}

export type ExtensionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-later' | 'past-limit' | 'in-the-past'; readonly limit: { readonly until: Date; readonly by: 'deadline' | 'longest-wait' } };

/** Whether the links of an open invitation may be extended to `until`. */
export function checkExtension(
  declaration: { readonly deadline?: string },
  roundInvitedAt: string,
  currentExpiry: Date,
  until: Date,
  now: Date,
): ExtensionCheck {
  const limit = extensionLimit(declaration, roundInvitedAt);
  if (until.getTime() <= now.getTime()) return { ok: false, reason: 'in-the-past', limit };
  if (until.getTime() > limit.until.getTime()) return { ok: false, reason: 'past-limit', limit };
  if (until.getTime() <= currentExpiry.getTime()) return { ok: false, reason: 'not-later', limit };
  return { ok: true };
}
