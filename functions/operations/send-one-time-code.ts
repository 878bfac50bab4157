import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { mailTags } from '../domain/mail-events';
import { CODE_VALIDITY_SECONDS, hashOneTimeCode, newOneTimeCode } from '../domain/signing';
import { oneTimeCodeMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { requiredEnv } from '../shared/config';
import { loadSigningKey } from '../shared/signing-key';
import { storeNewCode } from '../store/one-time-codes';
import { linkLocked } from './one-time-code';
import { attemptInTransaction } from './rate-limit';
import { clock } from '../shared/clock';

/**
 * Emails a new 6-digit code to the invited address; the record keeps only its keyed hash, and an
 * earlier code stops working. Refused while the link is locked, and past the codes' rate limit.
 */
export async function sendOneTimeCode(commitment: Commitment, now = clock.now()): Promise<{ expiresAt: Date }> {
  // Every emailed code counts, so that no path can flood the invited address: counted in the code's own transaction.
  const attempt = attemptInTransaction({ scope: 'code', subject: commitment.id, language: commitment.language }, now);
  const key = await loadSigningKey();
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + CODE_VALIDITY_SECONDS * 1000);
  const stored = await storeNewCode(
    commitment.id,
    { hash: hashOneTimeCode(key, commitment.id, code), sentTo: commitment.organisation.email, sentAt: now, expiresAt },
    { commitmentId: commitment.id, declarationId: commitment.declarationId, type: 'CODE_SENT', actor: 'operator', at: now.toISOString(), detail: { expiresAt: expiresAt.toISOString() } },
    attempt.item,
  );
  if (stored === 'limited') throw attempt.refusal();
  if (stored === 'locked') throw linkLocked(commitment);
  const email = oneTimeCodeMessage({
    language: commitment.language,
    contactName: commitment.organisation.contactName,
    code,
    expiresAt,
    contactAddress: requiredEnv(ENV.commissionContactAddress),
  });
  await sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email }, tags: mailTags(commitment.id, 'one-time-code') });
  return { expiresAt };
}
