import { describe, expect, it } from 'vitest';
import { statusOf } from '../../functions/shared/api-handler';
import { DomainError } from '../../functions/shared/errors';
import { MAX_DOCUMENT_BYTES } from '../../functions/store/document-chunks';
import { storeJointDeclaration } from '../../functions/store/joint-declarations';

describe('a joint declaration larger than a download can carry', () => {
  it('is refused with a 422 that says why and how large, before anything is written', async () => {
    const refusal = await storeJointDeclaration('dcl_01jdtoolarge00000000000000', new Uint8Array(MAX_DOCUMENT_BYTES + 1), {
      sealedAt: new Date('2026-12-01T17:00:00Z'), signatoryCount: 51_600, generatedBy: 'admin',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(statusOf(refusal as DomainError)).toBe(422);
    expect((refusal as DomainError).message).toMatch(/51,600 signatories would be 4\.0 MB, more than the 4\.0 MB a download can carry.*Nothing was stored/);
  });
});
