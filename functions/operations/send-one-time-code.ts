import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { mailTags } from '../domain/mail-events';
import { CODE_VALIDITY_SECONDS, hashOneTimeCode, newOneTimeCode } from '../domain/signing';
import { oneTimeCodeMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { requiredEnv } from '../shared/config';
import { loadSigningKey } from '../shared/signing-key';
import { storeNewCode, type NewCode } from '../store/one-time-codes';
import type { NewAuditEvent } from '../store/audit';
import type { TransactItem } from '../store/table';
import type { SigningError } from '../shared/signing-errors';
import { linkLocked } from './one-time-code';
import { attemptInTransaction } from './rate-limit';
import { clock } from '../shared/clock';

/**
 * Emails a new 6-digit code to the invited address; the record keeps only its keyed hash, and an
 * earlier code stops working. Refused while the link is locked, and past the codes' rate limit.
 */
export async function sendOneTimeCode(commitment: Commitment, now = clock.now()): Promise<{ expiresAt: Date }> {
  const code = await newCodeFor(commitment, now);
  const stored = await storeNewCode(commitment.id, code.record, code.event, code.limit);
  if (stored !== 'stored') throw code.refusal(stored);
  return code.send();
}

/** A new code for the commitment, ready to be stored (on its own, or in another change's transaction) and then emailed. */
export interface NewOneTimeCode {
  readonly record: NewCode;
  readonly event: NewAuditEvent;
  /** Every emailed code counts, so that no path can flood the invited address: counted in the code's own transaction. */
  readonly limit: TransactItem;
  /** What to answer when storing it was refused. */
  refusal(why: 'limited' | 'locked'): SigningError;
  /** Emails it, once stored. */
  send(): Promise<{ expiresAt: Date }>;
}

export async function newCodeFor(commitment: Commitment, now: Date): Promise<NewOneTimeCode> {
  const attempt = attemptInTransaction({ scope: 'code', subject: commitment.id, language: commitment.language }, now);
  const key = await loadSigningKey();
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + CODE_VALIDITY_SECONDS * 1000);
  return {
    record: { hash: hashOneTimeCode(key, commitment.id, code), sentTo: commitment.organisation.email, sentAt: now, expiresAt },
    event: { commitmentId: commitment.id, declarationId: commitment.declarationId, type: 'CODE_SENT', actor: 'operator', at: now.toISOString(), detail: { expiresAt: expiresAt.toISOString() } },
    limit: attempt.item,
    refusal: (why) => (why === 'limited' ? attempt.refusal() : linkLocked(commitment)),
    async send() {
      const email = oneTimeCodeMessage({
        language: commitment.language,
        contactName: commitment.organisation.contactName,
        code,
        expiresAt,
        contactAddress: requiredEnv(ENV.commissionContactAddress),
      });
      await sendEmail({ ...email, to: { name: commitment.organisation.contactName, address: commitment.organisation.email }, tags: mailTags(commitment.id, 'one-time-code') });
      return { expiresAt };
    },
  };
}
