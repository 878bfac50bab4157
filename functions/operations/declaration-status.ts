import { CATEGORIES } from '../domain/categories';
import { COMMITMENT_STATES, type Commitment } from '../domain/commitment';
import { listCommitments } from '../store/commitments';
import { loadDeclaration } from './load';

export interface CommitmentRow {
  readonly id: string;
  readonly organisation: string;
  readonly category: string;
  readonly country: string;
  readonly email: string;
  readonly state: Commitment['state'];
  readonly invitedAt: string;
  readonly updatedAt: string;
  readonly signer?: string;
  readonly flagged?: readonly string[];
}

function countBy<T extends string>(commitments: readonly Commitment[], keyOf: (commitment: Commitment) => string, seed: readonly T[] = []): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(seed.map((key) => [key, 0]));
  for (const commitment of commitments) counts[keyOf(commitment)] = (counts[keyOf(commitment)] ?? 0) + 1;
  return counts;
}

/** Counts by state, category and country, and the list of commitments. */
export async function declarationStatus(declarationId: string) {
  const declaration = await loadDeclaration(declarationId);
  const commitments = await listCommitments(declarationId);
  const rows: CommitmentRow[] = commitments.map((commitment) => ({
    id: commitment.id,
    organisation: commitment.organisation.name,
    category: commitment.organisation.category,
    country: commitment.organisation.country,
    email: commitment.organisation.email,
    state: commitment.state,
    invitedAt: commitment.invitedAt,
    updatedAt: commitment.updatedAt,
    signer: commitment.signature?.signerName,
    flagged: commitment.state === 'IN_REVIEW' ? commitment.verification?.checks.filter((check) => !check.passed).map((check) => check.detail) : undefined,
  }));
  return {
    declaration,
    total: commitments.length,
    byState: countBy(commitments, (commitment) => commitment.state, COMMITMENT_STATES),
    byCategory: countBy(commitments, (commitment) => commitment.organisation.category, CATEGORIES),
    byCountry: countBy(commitments, (commitment) => commitment.organisation.country),
    commitments: rows,
  };
}
