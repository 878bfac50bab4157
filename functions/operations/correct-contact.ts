import { FINAL_STATES, type Commitment } from '../domain/commitment';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { logger } from '../shared/logger';
import { correctContactAddress } from '../store/contacts';
import { loadCommitment } from './load';
import { resendSigningLink } from './resend-signing-link';

export interface CorrectContactOutcome {
  readonly commitment: Commitment;
  /** What happened to the fresh link: sent to the corrected address, or why not. */
  readonly link: { readonly result: 'sent' | 'not-sent' | 'not-needed'; readonly message: string };
}

/**
 * An admin corrects the address of an organisation whose mail bounced (or that changed its
 * contact): the address, the declaration's invited-address guard and the audit event change in
 * one transaction, and the undeliverable mark is cleared. A commitment still waiting for its
 * signature then gets a fresh link at the new address, exactly as the admin's "resend" sends one.
 */
export async function correctContact(commitmentId: string, email: string, caller: Caller): Promise<CorrectContactOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const commitment = await loadCommitment(commitmentId);
    if (FINAL_STATES.has(commitment.state)) {
      throw new DomainError('WRONG_STATE', `This commitment is ${commitment.state}; its contact can no longer be changed.`);
    }
    if (commitment.organisation.email === email) {
      throw new DomainError('INVALID_INPUT', 'That is already the organisation’s address; enter the corrected one.');
    }
    const result = await correctContactAddress(commitment, email, caller);
    if (!result.ok && result.reason === 'address-taken') {
      throw new DomainError('ALREADY_DONE', 'Another organisation of this declaration is already invited at that address.');
    }
    if (result.ok) {
      logger.info('contact corrected', { commitmentId, state: commitment.state });
      if (commitment.state !== 'INVITED') {
        return { commitment: result.commitment, link: { result: 'not-needed', message: 'The signature is given; the sealed PDF will go to the corrected address.' } };
      }
      return { commitment: result.commitment, link: await freshLink(commitmentId, caller) };
    }
    // The commitment changed between the read and the write: read it again.
  }
  throw new DomainError('WRONG_STATE', 'This commitment is changing right now; try again in a moment.');
}

/** The address is corrected whatever happens here; a refused resend is reported, not thrown. */
async function freshLink(commitmentId: string, caller: Caller): Promise<CorrectContactOutcome['link']> {
  try {
    await resendSigningLink(commitmentId, caller);
    return { result: 'sent', message: 'A new signing link was sent to the corrected address.' };
  } catch (error) {
    if (error instanceof DomainError) return { result: 'not-sent', message: error.message };
    throw error;
  }
}
