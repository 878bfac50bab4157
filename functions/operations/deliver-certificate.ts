import { ENV } from '../catalog';
import { textFor } from '../domain/declaration';
import { mailTags } from '../domain/mail-events';
import { deliveryMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { appUrl, requiredEnv } from '../shared/config';
import { isTransient, TransientError } from '../shared/errors';
import { getCommitment, transition, type TransitionRequest, type TransitionResult } from '../store/commitments';
import { readCommitmentWithSealedDocument } from '../store/documents';
import { DomainError } from '../domain/errors';
import { registerEntryPut } from '../store/register';
import { registerEntryOf } from '../domain/register';
import { claimMailForTask, mailSentItem, recordMailSent, releaseMailClaim, sentMessageId } from '../store/mail-claims';
import { loadDeclarationContent } from './load';
import { sealedCertificateBytes } from './sealed-certificate-file';
import { clock } from '../shared/clock';

/** Emails the sealed PDF, once, and records the delivery. */
export async function deliverCertificate(commitmentId: string): Promise<{ delivered: boolean }> {
  // The claim first (a delivery that already happened finds it recorded), then the record and the
  // sealed bytes in one read: what is emailed comes from the record as it is after the claim.
  const claimed = await claimMailForTask(commitmentId, 'delivery');
  const { commitment: found, sealedDocument } = await readCommitmentWithSealedDocument(commitmentId);
  if (!found || found.state !== 'SEALED') {
    if (claimed) await releaseMailClaim(commitmentId, 'delivery').catch(() => undefined);
    if (found?.state === 'DELIVERED') return { delivered: true };
    if (!found) throw new DomainError('NOT_FOUND', `There is no commitment ${commitmentId}.`);
    throw new Error(`commitment ${commitmentId} cannot be delivered in state ${found.state}`);
  }
  const commitment = found;
  // Already sent by an earlier attempt that did not get to record the delivery.
  let messageId = claimed ? '' : (await sentMessageId(commitmentId, 'delivery')) ?? '';
  if (claimed) {
    try {
      const declaration = await loadDeclarationContent(commitment.declarationId);
      const document = sealedDocument;
      if (!document) throw new Error(`commitment ${commitmentId} is SEALED but has no stored document`);
      const email = deliveryMessage({
        language: commitment.language,
        contactName: commitment.organisation.contactName,
        organisationName: commitment.organisation.name,
        declarationTitle: textFor(declaration, commitment.language).text.title,
        documentSha256: document.record.sha256,
        verificationUrl: `${appUrl()}/verify/${commitmentId}`,
        contactAddress: requiredEnv(ENV.commissionContactAddress),
      });
      messageId = await sendEmail({
        ...email,
        to: { name: commitment.organisation.contactName, address: commitment.organisation.email },
        attachments: [{ filename: `ports-alliance-commitment-${commitmentId}.pdf`, contentType: 'application/pdf', content: await sealedCertificateBytes(document) }],
        tags: mailTags(commitmentId, 'delivery'),
      });
    } catch (error) {
      await releaseMailClaim(commitmentId, 'delivery').catch(() => undefined);
      if (isTransient(error)) throw new TransientError(`delivering the certificate failed: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
  const deliveredAt = clock.now().toISOString();
  const published = commitment.signature?.publication !== undefined;
  const result = await transitionOrRecordSent(claimed, messageId, {
    commitment,
    from: ['SEALED'],
    to: 'DELIVERED',
    set: { delivery: { messageId, deliveredAt } },
    event: { type: 'DELIVERED', actor: 'workflow', detail: { messageId, ...(published ? { publishedInRegister: true } : {}) } },
    alongside: [
      // The message id on the claim, in the same transaction, when this attempt sent the email.
      ...(claimed ? [mailSentItem(commitmentId, 'delivery', messageId)] : []),
      // Listed in the public register only now that it is complete, and only when the signatory agreed.
      ...(published ? [registerEntryPut(commitment.declarationId, registerEntryOf(commitment), deliveredAt)] : []),
    ],
  });
  if (!result.ok) {
    // The email went out: its claim says so whatever happened to the commitment meanwhile.
    if (claimed) await recordMailSent(commitmentId, 'delivery', messageId);
    if ((await getCommitment(commitmentId))?.state !== 'DELIVERED') throw new Error(`commitment ${commitmentId} changed while being delivered`);
  }
  return { delivered: true };
}

/**
 * The delivery's transition; should it throw (an outage after SES took the email), the message id
 * is still recorded on the claim if the table takes it, so that the retry does not send it again.
 */
async function transitionOrRecordSent(claimed: boolean, messageId: string, request: TransitionRequest): Promise<TransitionResult> {
  try {
    return await transition(request);
  } catch (error) {
    if (claimed) await recordMailSent(request.commitment.id, 'delivery', messageId).catch(() => undefined);
    throw error;
  }
}
