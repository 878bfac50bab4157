import { recordedVerification, verifySignature } from '../domain/verification';
import type { Commitment } from '../domain/commitment';
import { transition } from '../store/commitments';
import type { TransactItem } from '../store/table';
import { loadCommitment, loadDeclarationContent } from './load';
import { clock } from '../shared/clock';

export type VerificationOutcome = 'VERIFIED' | 'NEEDS_REVIEW';

/**
 * The workflow's automatic checks; repeating it after it ran returns the recorded outcome. Returns
 * the commitment as recorded after the checks, and whether the `alongside` items (a mail claim
 * that goes with the change) were written with them: they are only when the checks ran here.
 */
export async function verifyCommitment(
  commitmentOrId: string | Commitment,
  alongsideFor: (commitment: Commitment) => readonly TransactItem[] = () => [],
): Promise<{ outcome: VerificationOutcome; commitment: Commitment; alongsideWritten: boolean }> {
  // A caller that already read the record passes it; a lost race reads it again.
  const commitment = typeof commitmentOrId === 'string' ? await loadCommitment(commitmentOrId) : commitmentOrId;
  const commitmentId = commitment.id;
  if (commitment.state !== 'SIGNED' || !commitment.signature) {
    // Already verified (a retry), or moved on (revoked): the review wait reads the record.
    return { outcome: commitment.verification?.outcome === 'VERIFIED' && commitment.state !== 'REVOKED' ? 'VERIFIED' : 'NEEDS_REVIEW', commitment, alongsideWritten: false };
  }
  const declaration = await loadDeclarationContent(commitment.declarationId);
  const result = verifySignature(commitment, commitment.signature, declaration);
  const now = clock.now();
  const alongside = alongsideFor(commitment);
  const to = result.outcome === 'VERIFIED' ? 'VERIFIED' : 'IN_REVIEW';
  // Every check passed: they are kept in the event alone, which keeps the commitment item (rewritten by every later step) small.
  const verification = recordedVerification(result, now.toISOString());
  const moved = await transition({
    commitment,
    from: ['SIGNED'],
    to,
    set: { verification },
    event: { type: result.outcome === 'VERIFIED' ? 'VERIFIED' : 'FLAGGED_FOR_REVIEW', actor: 'workflow', detail: { checks: result.checks } },
    alongside,
    now,
  });
  if (!moved.ok) return verifyCommitment(commitmentId);
  // The record as this transition left it: what the caller would otherwise read again.
  return { outcome: result.outcome, commitment: { ...commitment, state: to, updatedAt: now.toISOString(), verification }, alongsideWritten: alongside.length > 0 };
}
