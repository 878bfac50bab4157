import type { Commitment } from '../domain/commitment';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { logger } from '../shared/logger';
import { correctContactDetails, type ContactDetails } from '../store/contacts';
import { loadCommitment } from './load';
import { resendSigningLink } from './resend-signing-link';

export interface CorrectContactOutcome {
  readonly commitment: Commitment;
  /** What happened to the fresh link: sent to the corrected address, or why not. */
  readonly link: { readonly result: 'sent' | 'not-sent' | 'not-needed'; readonly message: string };
}

/**
 * An admin corrects an organisation's contact (its mail bounced, the person left, another
 * language): name, address and language change in one transaction with the invited-address
 * guard and the audit event, the undeliverable mark and the one-time codes are cleared, and every
 * link and signing session issued before stops working at once. A commitment still waiting for
 * its signature then gets a fresh link at the corrected address, as the admin's "resend" sends one.
 * What the request leaves out stays as it was.
 */
export async function correctContact(commitmentId: string, change: Partial<ContactDetails>, caller: Caller): Promise<CorrectContactOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const commitment = await loadCommitment(commitmentId);
    if (commitment.state === 'DELIVERED') {
      throw new DomainError('WRONG_STATE', 'This commitment is delivered: its sealed certificate was emailed; its contact can no longer be changed.');
    }
    const details: ContactDetails = {
      contactName: change.contactName ?? commitment.organisation.contactName,
      email: change.email ?? commitment.organisation.email,
      language: change.language ?? commitment.language,
    };
    if (details.contactName === commitment.organisation.contactName && details.email === commitment.organisation.email && details.language === commitment.language) {
      throw new DomainError('INVALID_INPUT', 'That is already the organisation’s contact; change the name, the address or the language.');
    }
    const result = await correctContactDetails(commitment, details, caller);
    if (!result.ok && result.reason === 'address-taken') {
      throw new DomainError('ALREADY_DONE', 'Another organisation of this declaration is already invited at that address.');
    }
    if (result.ok) {
      logger.info('contact corrected', { commitmentId, state: commitment.state });
      if (commitment.state !== 'INVITED') {
        return { commitment: result.commitment, link: { result: 'not-needed', message: notNeeded(commitment) } };
      }
      return { commitment: result.commitment, link: await freshLink(commitmentId, caller) };
    }
    // The commitment changed between the read and the write: read it again.
  }
  throw new DomainError('WRONG_STATE', 'This commitment is changing right now; try again in a moment.');
}

function notNeeded(commitment: Commitment): string {
  if (commitment.signature && !['REJECTED', 'REVOKED'].includes(commitment.state)) return 'The signature is given; the sealed PDF will go to the corrected address.';
  return `This commitment is ${commitment.state}; no link was sent. Invite the organisation again to send one to the corrected contact.`;
}

/** The contact is corrected whatever happens here; a refused resend is reported, not thrown. */
async function freshLink(commitmentId: string, caller: Caller): Promise<CorrectContactOutcome['link']> {
  try {
    await resendSigningLink(commitmentId, caller);
    return { result: 'sent', message: 'A new signing link was sent to the corrected address; every earlier link no longer works.' };
  } catch (error) {
    if (error instanceof DomainError) return { result: 'not-sent', message: error.message };
    throw error;
  }
}
