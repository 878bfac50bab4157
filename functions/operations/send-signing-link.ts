import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { hashLinkSecret, newLinkSecret } from '../domain/hashing';
import { textFor } from '../domain/declaration';
import { sendEmail } from '../mail/send-email';
import { appUrl, requiredEnv } from '../shared/config';
import { TransientError, isTransient } from '../shared/errors';
import { recordEvent } from '../store/audit';
import { claimMail, recordMailSent, releaseMailClaim } from '../store/mail-claims';
import { putLink } from '../store/links';
import { invitationEmail } from '../../templates/email/invitation';
import { loadDeclaration } from './load';

/**
 * Sends the invitation (reminderNumber 0) or a reminder, each with a fresh link whose secret
 * exists only in the email: the record keeps its hash. Sent at most once per number.
 */
export async function sendSigningLink(commitment: Commitment, reminderNumber: number): Promise<'sent' | 'already-sent'> {
  const kind = reminderNumber === 0 ? 'invitation' : `reminder-${reminderNumber}`;
  if (!(await claimMail(commitment.id, kind))) return 'already-sent';
  try {
    const declaration = await loadDeclaration(commitment.declarationId);
    const validitySeconds = Number(requiredEnv(ENV.linkValiditySeconds));
    const expiresAt = new Date(Date.parse(commitment.invitedAt) + validitySeconds * 1000);
    const secret = newLinkSecret();
    await putLink(hashLinkSecret(secret), { commitmentId: commitment.id, issuedAt: new Date().toISOString(), expiresAt: expiresAt.getTime() });
    const email = invitationEmail({
      contactName: commitment.organisation.contactName,
      organisationName: commitment.organisation.name,
      declarationTitle: textFor(declaration, commitment.language).text.title,
      signingUrl: `${appUrl()}/sign/${secret}`,
      expiresAt,
      contactAddress: requiredEnv(ENV.commissionContactAddress),
      reminderNumber,
    });
    const messageId = await sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email } });
    await recordMailSent(commitment.id, kind, messageId);
    await recordEvent({
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      type: reminderNumber === 0 ? 'INVITATION_SENT' : 'REMINDER_SENT',
      actor: 'workflow',
      detail: { reminderNumber, messageId },
    });
    return 'sent';
  } catch (error) {
    await releaseMailClaim(commitment.id, kind).catch(() => undefined);
    if (isTransient(error)) throw new TransientError(`sending the ${kind} failed: ${(error as Error).message}`);
    throw error;
  }
}
