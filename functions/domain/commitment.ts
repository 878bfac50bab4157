import * as z from './zod';
import { CATEGORIES, type Category } from './categories';
import { lineField, operatorLanguageCode } from './text';
import type { PastRound } from './rounds';

export const COMMITMENT_STATES = [
  'INVITED',
  'SIGNED',
  'DECLINED',
  'EXPIRED',
  'REVOKED',
  'IN_REVIEW',
  'REJECTED',
  'VERIFIED',
  'COUNTERSIGNED',
  'SEALED',
  'DELIVERED',
  'FAILED',
] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

/** States after which nothing more happens to a commitment. */
export const FINAL_STATES: ReadonlySet<CommitmentState> = new Set(['DECLINED', 'EXPIRED', 'REVOKED', 'REJECTED', 'DELIVERED', 'FAILED']);

/** States an admin may revoke from: the commitment is not yet countersigned. */
export const REVOCABLE_STATES: readonly CommitmentState[] = ['INVITED', 'SIGNED', 'IN_REVIEW', 'VERIFIED'];

export interface Organisation {
  readonly name: string;
  readonly category: Category;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** The invited contact's address: invitations, reminders and the sealed PDF go there. */
  readonly email: string;
  readonly contactName: string;
  /** Email domains registered for the organisation; empty means "not checked". */
  readonly emailDomains: readonly string[];
}

export interface Signature {
  readonly signerName: string;
  readonly signerTitle: string;
  readonly acceptedCommitmentIds: readonly string[];
  /** The language version the signer saw, and the SHA-256 of what it showed them. */
  readonly language: string;
  readonly textSha256: string;
  /**
   * What `textSha256` covers: the declaration text and the commitments shown with it
   * (`versionSha256` in functions/domain/version-shown.ts). Absent on signatures recorded when it
   * covered the declaration text alone.
   */
  readonly hashCovers?: 'text-and-commitments';
  readonly signedAt: string;
  /**
   * The consent statement the signer ticked, in the language of the page: its SHA-256. The text
   * exactly as shown is in the `SIGNED` audit event (`detail.consent`), written once in the same
   * transaction; signatures recorded before that carry it here too (`text`).
   */
  readonly consent?: { readonly text?: string; readonly sha256: string; readonly language: string };
  /**
   * Present only when the signer agreed that the organisation is listed in the public register:
   * the statement's SHA-256 (its text as for `consent`).
   */
  readonly publication?: { readonly text?: string; readonly sha256: string; readonly language: string };
  /** Proof that the signer confirmed the code emailed to the invited address (when the declaration asks for one). */
  readonly oneTimeCode?: { readonly sentTo: string; readonly verifiedAt: string };
  /**
   * Keyed hash of the client address the signature came from, on signatures recorded before it was
   * kept in the `SIGNED` audit event alone (`detail.clientAddressHash`).
   */
  readonly clientAddressHash?: string;
}

export interface VerificationCheck {
  readonly check: 'text-hash' | 'required-commitments' | 'email-domain' | 'one-time-code';
  readonly passed: boolean;
  /** Plain words an admin understands. */
  readonly detail: string;
}

export interface Commitment {
  readonly id: string;
  readonly declarationId: string;
  readonly organisation: Organisation;
  readonly language: string;
  readonly state: CommitmentState;
  readonly invitedAt: string;
  readonly updatedAt: string;
  readonly invitedBy: string;
  readonly signature?: Signature;
  readonly decline?: { readonly reason: string; readonly declinedAt: string };
  /**
   * The automatic checks' outcome. `checks` is on the record when one failed (the review needs
   * them); when every check passed they are in the `VERIFIED` audit event alone (`detail.checks`),
   * written in the same transaction (`verificationChecks` in functions/domain/commitment-evidence.ts
   * reads either). Commitments verified before that carry them here in both cases.
   */
  readonly verification?: { readonly outcome: 'VERIFIED' | 'NEEDS_REVIEW'; readonly checks?: readonly VerificationCheck[]; readonly verifiedAt: string };
  readonly review?: { readonly decision: 'APPROVED' | 'REJECTED'; readonly reason: string; readonly reviewedBy: string; readonly reviewedAt: string };
  readonly countersignature?: { readonly by: string; readonly name: string; readonly title: string; readonly countersignedAt: string };
  readonly document?: { readonly sha256: string; readonly size: number; readonly sealedAt: string };
  readonly delivery?: { readonly messageId: string; readonly deliveredAt: string };
  readonly failure?: { readonly error: string; readonly cause: string; readonly failedAt: string; readonly stateAtFailure: CommitmentState };
  readonly expiry?: { readonly stage: WaitStage; readonly expiredAt: string };
  readonly revocation?: { readonly by: string; readonly reason: string; readonly revokedAt: string };
  /** SES reported that mail to the contact bounced, was complained about, rejected or delayed; cleared when an admin corrects the address. */
  readonly undeliverable?: ContactProblem;
  /** How many times an admin resent the signing link (each resend also unlocks a locked link). */
  readonly resends?: number;
  /** The round of invitation, 1 when absent; `rounds` holds what the earlier ones came to (functions/domain/rounds.ts). */
  readonly round?: number;
  readonly rounds?: readonly PastRound[];
  /** Links and signing sessions of another generation no longer work; 0 when absent. */
  readonly linkGeneration?: number;
  /**
   * When the links of this round stop working (epoch ms), once an admin extended them, moved the
   * deadline or started a round; absent: the expiry each link was issued with.
   */
  readonly linksExpireAt?: number;
  readonly extension?: { readonly until: string; readonly by: string; readonly extendedAt: string };
}

/** What SES reported about mail to an organisation's contact (functions/domain/mail-events.ts). */
export interface ContactProblem {
  readonly kind: 'BOUNCE' | 'COMPLAINT' | 'REJECT' | 'DELIVERY_DELAY';
  /** false for a delay or a soft bounce: SES or the receiving server may still deliver. */
  readonly permanent: boolean;
  /** Plain words for an admin. */
  readonly detail: string;
  /** The address the report is about. */
  readonly address: string;
  /** Which email it was (`invitation`, `reminder-1`, `delivery`, ...), when SES returned our tag. */
  readonly mailPurpose?: string;
  readonly sesMessageId: string;
  readonly reportedAt: string;
}

/** An email address as typed by an admin: trimmed, lower case, at most 254 characters. */
export const emailAddress = z.pipe(
  z.string({ error: 'email must be text' }).check(z.trim(), z.toLowerCase(), z.maxLength(254, 'email must be at most 254 characters')),
  z.email({ error: 'email must be a valid address such as name@example.org' }),
);

/** An email domain such as customs.example, lower case. */
export const domainName = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'each email domain must be a domain name such as customs.example'),
);

export const invitationSchema = z.strictObject({
  organisation: z.strictObject({
    name: lineField('organisation name', 300),
    category: z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(', ')}` }),
    country: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2}$/, 'country must be a two-letter ISO 3166 code such as "BE"')),
    email: emailAddress,
    contactName: lineField('contact name'),
    emailDomains: z._default(z.array(domainName).check(z.maxLength(20)), []),
  }),
  language: z._default(operatorLanguageCode, 'en'),
});

export type InvitationInput = z.infer<typeof invitationSchema>;

export const inviteRequestSchema = z.strictObject({
  invitations: z.array(invitationSchema).check(z.minLength(1, 'invitations must not be empty'), z.maxLength(5_000, 'at most 5,000 invitations per request')),
});

export type WaitStage = 'signature' | 'review' | 'countersignature';

/**
 * What a wait of the workflow resolves to, read from the record. Used when a wait times out and
 * when a task parks its token after the user already acted, so a late callback never loses a
 * signature. `undefined` means "still waiting".
 */
export function outcomeOf(stage: WaitStage, state: CommitmentState): string | undefined {
  if (state === 'REVOKED') return 'REVOKED';
  if (state === 'EXPIRED') return 'EXPIRED';
  switch (stage) {
    case 'signature':
      if (state === 'INVITED') return undefined;
      return state === 'DECLINED' ? 'DECLINED' : 'SIGNED';
    case 'review':
      if (state === 'IN_REVIEW') return undefined;
      return state === 'REJECTED' ? 'REJECTED' : 'APPROVED';
    case 'countersignature':
      if (state === 'VERIFIED') return undefined;
      // The wait's own task checks a signature first. One it flagged goes to review, and so does
      // one rejected since or not checked yet: the review wait reads the decision (a rejection
      // ends there), and an approval comes back here, where unchecked signatures are checked.
      return state === 'IN_REVIEW' || state === 'REJECTED' || state === 'SIGNED' ? 'FLAGGED' : 'COUNTERSIGNED';
  }
}

/** The state a commitment waits in at each stage. */
export const WAITING_STATE: Readonly<Record<WaitStage, CommitmentState>> = {
  signature: 'INVITED',
  review: 'IN_REVIEW',
  countersignature: 'VERIFIED',
};
