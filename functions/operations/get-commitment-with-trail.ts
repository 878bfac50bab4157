import type { Commitment } from '../domain/commitment';
import { commitmentWithEvidence } from '../domain/commitment-evidence';
import { listCommitmentEvents, type AuditEvent } from '../store/audit';
import { loadCommitment } from './load';

export interface CommitmentWithTrail {
  readonly commitment: Commitment;
  /** Its audit events, oldest first. */
  readonly events: readonly AuditEvent[];
}

/**
 * A commitment as recorded, with everything that happened to it. Its signature and verification
 * are given whole, also where the record keeps parts of them in their audit events alone
 * (functions/domain/commitment-evidence.ts).
 */
export async function getCommitmentWithTrail(commitmentId: string): Promise<CommitmentWithTrail> {
  const [commitment, events] = await Promise.all([loadCommitment(commitmentId), listCommitmentEvents(commitmentId)]);
  return { commitment: commitmentWithEvidence(commitment, events), events };
}
