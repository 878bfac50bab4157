import { verifySignature } from '../domain/verification';
import { transition } from '../store/commitments';
import { loadCommitment, loadDeclarationContent } from './load';
import { clock } from '../shared/clock';

export type VerificationOutcome = 'VERIFIED' | 'NEEDS_REVIEW';

/** The workflow's automatic checks; repeating it after it ran returns the recorded outcome. */
export async function verifyCommitment(commitmentId: string): Promise<{ outcome: VerificationOutcome }> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.state !== 'SIGNED' || !commitment.signature) {
    // Already verified (a retry), or moved on (revoked): the review wait reads the record.
    return { outcome: commitment.verification?.outcome === 'VERIFIED' && commitment.state !== 'REVOKED' ? 'VERIFIED' : 'NEEDS_REVIEW' };
  }
  const declaration = await loadDeclarationContent(commitment.declarationId);
  const result = verifySignature(commitment, commitment.signature, declaration);
  const now = clock.now();
  const moved = await transition({
    commitment,
    from: ['SIGNED'],
    to: result.outcome === 'VERIFIED' ? 'VERIFIED' : 'IN_REVIEW',
    set: { verification: { outcome: result.outcome, checks: result.checks, verifiedAt: now.toISOString() } },
    event: { type: result.outcome === 'VERIFIED' ? 'VERIFIED' : 'FLAGGED_FOR_REVIEW', actor: 'workflow', detail: { checks: result.checks } },
    now,
  });
  if (!moved.ok) return verifyCommitment(commitmentId);
  return { outcome: result.outcome };
}
