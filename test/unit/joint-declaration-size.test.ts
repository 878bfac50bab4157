import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors';
import { assertJointDeclarationFits, MAX_JOINT_SIGNATORIES } from '../../functions/operations/generate-joint-declaration';
import { statusOf } from '../../functions/shared/api-handler';

const refusalOf = (attempt: () => unknown): DomainError => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('a joint declaration longer than one request can make', () => {
  it('is refused with a 422 that says how many signatories and what the limit is, before anything is rendered', () => {
    expect(() => assertJointDeclarationFits(MAX_JOINT_SIGNATORIES)).not.toThrow();
    const refusal = refusalOf(() => assertJointDeclarationFits(MAX_JOINT_SIGNATORIES + 1));
    expect(refusal.code).toBe('TOO_LARGE');
    expect(statusOf(refusal)).toBe(422);
    expect(refusal.message).toBe('This declaration has 40,001 countersigned signatories; a joint declaration can list at most 40,000, '
      + 'as it is made within one request. Nothing was made.');
  });
});
