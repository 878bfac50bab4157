import { ENV } from '../catalog';
import { textFor } from '../domain/declaration';
import { mailTags } from '../domain/mail-events';
import { roundMailKind, roundOf } from '../domain/rounds';
import { signatureConfirmationMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { requiredEnv } from '../shared/config';
import { isTransient, TransientError } from '../shared/errors';
import { loggableError, logger } from '../shared/logger';
import type { Commitment } from '../domain/commitment';
import { claimMailForTask, mailClaimItem, recordMailSentWithEvent, releaseMailClaim } from '../store/mail-claims';
import type { TransactItem } from '../store/table';
import { loadDeclarationContent } from './load';

const KIND = 'signature-confirmation';

/** The confirmation's claim, taken in the transaction that records the checks (claimed: true below). */
export function confirmationClaim(commitment: Commitment): TransactItem {
  return mailClaimItem(commitment.id, roundMailKind(roundOf(commitment), KIND), true);
}

/**
 * Emails the signatory what was recorded, once per signature (claimed like every email), from the
 * workflow task that checks the signature (after the checks), so that a failed send is retried
 * with the workflow's backoff. A send that keeps failing for a reason other than an outage is
 * logged, not allowed to stop the signature on its way. `commitment` is the record as the checks
 * left it; `claimed` when their transaction took the claim. `recordAlong`: the next step's writes
 * (the parked task token), made with the record of the sent email when their conditions hold
 * (`recordedAlong`).
 */
export async function confirmSignature(
  commitment: Commitment,
  claimed: boolean,
  recordAlong: readonly TransactItem[] = [],
): Promise<{ result: 'sent' | 'already-sent' | 'not-signed' | 'failed'; recordedAlong: boolean }> {
  const result = (value: 'already-sent' | 'not-signed' | 'failed') => ({ result: value, recordedAlong: false });
  const commitmentId = commitment.id;
  const signature = commitment.signature;
  // Revoked or rejected before the workflow got here: the organisation hears from the Commission instead.
  if (!signature || commitment.state === 'REVOKED' || commitment.state === 'REJECTED') return result('not-signed');
  const kind = roundMailKind(roundOf(commitment), KIND);
  if (!claimed && !(await claimMailForTask(commitmentId, kind))) return result('already-sent');
  let messageId: string;
  try {
    const declaration = await loadDeclarationContent(commitment.declarationId);
    const email = signatureConfirmationMessage({
      language: commitment.language,
      contactName: commitment.organisation.contactName,
      organisationName: commitment.organisation.name,
      declarationTitle: textFor(declaration, signature.language).text.title,
      signerName: signature.signerName,
      signerTitle: signature.signerTitle,
      signedAt: new Date(signature.signedAt),
      signedLanguage: signature.language,
      textSha256: signature.textSha256,
      contactAddress: requiredEnv(ENV.commissionContactAddress),
    });
    messageId = await sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email }, tags: mailTags(commitmentId, KIND) });
  } catch (error) {
    await releaseMailClaim(commitmentId, kind).catch(() => undefined);
    if (isTransient(error)) throw new TransientError(`sending the signature confirmation failed: ${(error as Error).message}`, { cause: error });
    logger.warn('signature confirmation not sent', { commitmentId, error: loggableError(error) });
    return result('failed');
  }
  // Sent: the claim stays, whatever happens to its record, so that no retry sends the email again.
  const event = { commitmentId, declarationId: commitment.declarationId, type: 'SIGNATURE_CONFIRMATION_SENT', actor: 'workflow', detail: { messageId } } as const;
  return { result: 'sent', recordedAlong: await recordMailSentWithEvent(commitmentId, kind, messageId, event, recordAlong) };
}
