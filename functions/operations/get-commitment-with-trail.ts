import type { Commitment } from '../domain/commitment';
import { listCommitmentEvents, type AuditEvent } from '../store/audit';
import { loadCommitment } from './load';

export interface CommitmentWithTrail {
  readonly commitment: Commitment;
  /** Its audit events, oldest first. */
  readonly events: readonly AuditEvent[];
}

/** A commitment as recorded, with everything that happened to it. */
export async function getCommitmentWithTrail(commitmentId: string): Promise<CommitmentWithTrail> {
  const [commitment, events] = await Promise.all([loadCommitment(commitmentId), listCommitmentEvents(commitmentId)]);
  return { commitment, events };
}
