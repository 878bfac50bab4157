import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/domain/errors';
import { assertJointDeclarationFits, MAX_JOINT_SIGNATORIES } from '../../functions/operations/generate-joint-declaration';
import { statusOf } from '../../functions/shared/api-handler';
import { MAX_DOCUMENT_BYTES } from '../../functions/store/document-chunks';
import { storeJointDeclaration } from '../../functions/store/joint-declarations';

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
      + 'as it is made and downloaded within one request. Nothing was made.');
  });

  it('is refused before it is stored if its PDF still came out larger than a download can carry', async () => {
    const refusal = await storeJointDeclaration('dcl_01jdtoolarge00000000000000', new Uint8Array(MAX_DOCUMENT_BYTES + 500_000), {
      sealedAt: new Date('2026-12-01T17:00:00Z'), signatoryCount: 39_000, generatedBy: 'admin',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(statusOf(refusal as DomainError)).toBe(422);
    expect((refusal as DomainError).message).toBe('The joint declaration of 39,000 signatories came to 4,500,000 bytes, '
      + 'more than the 4,000,000 a download can carry. Nothing was stored.');
  });
});
