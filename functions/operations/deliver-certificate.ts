import { ENV } from '../catalog';
import { textFor } from '../domain/declaration';
import { mailTags } from '../domain/mail-events';
import { deliveryMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { appUrl, requiredEnv } from '../shared/config';
import { isTransient, TransientError } from '../shared/errors';
import { getCommitment, transition } from '../store/commitments';
import { readSealedDocument } from '../store/documents';
import { registerEntryPut } from '../store/register';
import { registerEntryOf } from '../domain/register';
import { claimMailForTask, recordMailSent, releaseMailClaim, sentMessageId } from '../store/mail-claims';
import { loadCommitment, loadDeclarationContent } from './load';
import { clock } from '../shared/clock';

/** Emails the sealed PDF, once, and records the delivery. */
export async function deliverCertificate(commitmentId: string): Promise<{ delivered: boolean }> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.state === 'DELIVERED') return { delivered: true };
  if (commitment.state !== 'SEALED') throw new Error(`commitment ${commitmentId} cannot be delivered in state ${commitment.state}`);
  const claimed = await claimMailForTask(commitmentId, 'delivery');
  // Already sent by an earlier attempt that did not get to record the delivery.
  let messageId = claimed ? '' : (await sentMessageId(commitmentId, 'delivery')) ?? '';
  if (claimed) {
    try {
      const declaration = await loadDeclarationContent(commitment.declarationId);
      const document = await readSealedDocument(commitmentId);
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
        attachments: [{ filename: `ports-alliance-commitment-${commitmentId}.pdf`, contentType: 'application/pdf', content: document.bytes }],
        tags: mailTags(commitmentId, 'delivery'),
      });
      await recordMailSent(commitmentId, 'delivery', messageId);
    } catch (error) {
      await releaseMailClaim(commitmentId, 'delivery').catch(() => undefined);
      if (isTransient(error)) throw new TransientError(`delivering the certificate failed: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
  const deliveredAt = clock.now().toISOString();
  const published = commitment.signature?.publication !== undefined;
  const result = await transition({
    commitment,
    from: ['SEALED'],
    to: 'DELIVERED',
    set: { delivery: { messageId, deliveredAt } },
    event: { type: 'DELIVERED', actor: 'workflow', detail: { messageId, ...(published ? { publishedInRegister: true } : {}) } },
    // Listed in the public register only now that it is complete, and only when the signatory agreed.
    alongside: published ? [registerEntryPut(commitment.declarationId, registerEntryOf(commitment), deliveredAt)] : [],
  });
  if (!result.ok && (await getCommitment(commitmentId))?.state !== 'DELIVERED') {
    throw new Error(`commitment ${commitmentId} changed while being delivered`);
  }
  return { delivered: true };
}
