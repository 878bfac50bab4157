import type { Declaration } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { listCommitments } from '../store/commitments';
import { adminActor } from '../store/audit';
import { changeDeclarationStatus } from '../store/declarations';
import { mapWithConcurrency } from './concurrency';
import { loadDeclaration } from './load';
import { revokeCommitment } from './revoke-commitment';
import { clock } from '../shared/clock';

export interface CloseResult {
  readonly declaration: Declaration;
  /** Invitations still awaiting a signature, withdrawn so that their links stop working. */
  readonly revoked: number;
  /** Invitations that moved on (signed, declined, expired) while the declaration was being closed. */
  readonly alreadySettled: number;
}

export const CLOSING_REASON = 'The European Commission closed the declaration for signing.';

/**
 * Closes a declaration: no more invitations, and every invitation still awaiting a signature is
 * revoked (its links stop working, its workflow ends). Signatures already given go on to review,
 * countersignature and sealing. Closing again finishes an interrupted close.
 */
export async function closeDeclaration(declarationId: string, caller: Caller, now = clock.now()): Promise<CloseResult> {
  const current = await loadDeclaration(declarationId);
  if (current.status === 'DRAFT') throw new DomainError('WRONG_STATE', 'A draft cannot be closed; open it for signing first, or leave it as a draft.');
  if (current.status === 'OPEN') await changeDeclarationStatus(declarationId, 'OPEN', 'CLOSED', 'closedAt', { type: 'DECLARATION_CLOSED', ...adminActor(caller) }, now);
  const outstanding = (await listCommitments(declarationId)).filter((commitment) => commitment.state === 'INVITED');
  const outcomes = await mapWithConcurrency(outstanding, 16, async (commitment) => {
    try {
      await revokeCommitment(commitment.id, CLOSING_REASON, caller);
      return 'revoked' as const;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_STATE') return 'settled' as const;
      throw error;
    }
  });
  return {
    declaration: await loadDeclaration(declarationId),
    revoked: outcomes.filter((outcome) => outcome === 'revoked').length,
    alreadySettled: outcomes.filter((outcome) => outcome === 'settled').length,
  };
}
