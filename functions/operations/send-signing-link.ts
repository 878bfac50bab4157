import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { hashLinkSecret, newLinkSecret } from '../domain/hashing';
import { linkExpiry, requiresOneTimeCode, textFor, type DeclarationContent } from '../domain/declaration';
import { mailTags } from '../domain/mail-events';
import { linkGenerationOf, roundMailKind, roundOf } from '../domain/rounds';
import { invitationMessage, type InvitationKind } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { appUrl, requiredEnv } from '../shared/config';
import { TransientError, isTransient } from '../shared/errors';
import { adminActor } from '../store/audit';
import { claimMailAlong, recordMailSentWithEvent, releaseMailClaim } from '../store/mail-claims';
import { linkPut, putLink } from '../store/links';
import { loadDeclarationContent } from './load';
import { clock } from '../shared/clock';

/** A reminder an admin asked for: claimed once per click, so a double click sends one email. */
export interface RequestedReminder {
  readonly clickId: string;
  /** The admin who clicked, as the audit event names them. */
  readonly requestedBy: { readonly userId: string; readonly name: string; readonly email: string };
}

/**
 * Sends the invitation (reminderNumber 0) or a reminder, each with a fresh link whose secret
 * exists only in the email: the record keeps its hash. Sent at most once per number, or per
 * admin click. The workflow's reminders are skipped when the declaration switched them off; every
 * link expires at the end of the signing window or the declaration's deadline, whichever is first.
 */
export async function sendSigningLink(commitment: Commitment, reminderNumber: number, requested?: RequestedReminder): Promise<'sent' | 'already-sent' | 'skipped'> {
  const kind = requested
    ? `manual-reminder-${requested.clickId}`
    : roundMailKind(roundOf(commitment), reminderNumber === 0 ? 'invitation' : `reminder-${reminderNumber}`);
  const declaration = await loadDeclarationContent(commitment.declarationId);
  if (!requested && reminderNumber > 0 && !declaration.reminders.automatic) return 'skipped';
  const secret = newLinkSecret(commitment.id);
  const expiresAt = signingLinkExpiry(commitment, declaration);
  // The workflow's own emails may take over a claim its dead attempt left; an admin's click may not.
  // The claim and the link the email carries are written together.
  const link = linkPut(hashLinkSecret(secret), { commitmentId: commitment.id, issuedAt: clock.now().toISOString(), expiresAt: expiresAt.getTime(), generation: linkGenerationOf(commitment) });
  if (!(await claimMailAlong(commitment.id, kind, !requested, [link]))) return 'already-sent';
  try {
    const messageId = await emailSigningLink(commitment, declaration, secret, { mailKind: kind, template: reminderNumber === 0 && !requested ? 'invitation' : 'reminder', expiresAt });
    await recordMailSentWithEvent(commitment.id, kind, messageId, {
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      type: reminderNumber === 0 && !requested ? 'INVITATION_SENT' : 'REMINDER_SENT',
      ...(requested ? adminActor(requested.requestedBy) : { actor: 'workflow' }),
      detail: requested ? { requestedByAdmin: true, messageId } : { reminderNumber, messageId, ...(roundOf(commitment) > 1 ? { round: roundOf(commitment) } : {}) },
    });
    return 'sent';
  } catch (error) {
    await releaseMailClaim(commitment.id, kind).catch(() => undefined);
    if (isTransient(error)) throw new TransientError(`sending the ${kind} failed: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}

/**
 * When every link of this invitation stops working: what the commitment keeps once an admin
 * extended it or started a round, else the end of the signing window or the declaration's
 * deadline, whichever is first.
 */
export function signingLinkExpiry(commitment: Commitment, declaration: DeclarationContent): Date {
  if (commitment.linksExpireAt !== undefined) return new Date(commitment.linksExpireAt);
  return linkExpiry(declaration, commitment.invitedAt, Number(requiredEnv(ENV.linkValiditySeconds)));
}

/**
 * Stores a fresh link (its hash only) and emails it to the invited address, so that its secret
 * exists only in the email. The caller holds the mail claim `mailKind`. Returns the SES message id.
 */
export async function emailNewLink(
  commitment: Commitment,
  declaration: DeclarationContent,
  options: { mailKind: string; template: InvitationKind; expiresAt: Date; issuedAt: Date },
): Promise<string> {
  const secret = newLinkSecret(commitment.id);
  await putLink(hashLinkSecret(secret), {
    commitmentId: commitment.id,
    issuedAt: options.issuedAt.toISOString(),
    expiresAt: options.expiresAt.getTime(),
    generation: linkGenerationOf(commitment),
  });
  return emailSigningLink(commitment, declaration, secret, options);
}

/** Emails a link whose hash is already stored to the invited address. Returns the SES message id. */
async function emailSigningLink(commitment: Commitment, declaration: DeclarationContent, secret: string, options: { mailKind: string; template: InvitationKind; expiresAt: Date }): Promise<string> {
  const version = textFor(declaration, commitment.language);
  const email = invitationMessage({
    kind: options.template,
    language: commitment.language,
    contactName: commitment.organisation.contactName,
    organisationName: commitment.organisation.name,
    declarationTitle: version.text.title,
    signingUrl: `${appUrl()}/sign/${secret}`,
    expiresAt: options.expiresAt,
    contactAddress: requiredEnv(ENV.commissionContactAddress),
    oneTimeCode: requiresOneTimeCode(declaration),
    versionLanguage: version.language,
  });
  return sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email }, tags: mailTags(commitment.id, options.mailKind) });
}
