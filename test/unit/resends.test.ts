import { describe, expect, it } from 'vitest';
import { API_CONTRACT } from '../../functions/api/contract';
import { openApiDocument } from '../../functions/api/openapi';
import { resendRaceLost, resendRefusal } from '../../functions/domain/resends';

describe('when an admin’s resend may go', () => {
  it('goes when the link was resent exactly as often as its sender saw', () => {
    expect(resendRefusal(0, 0)).toBeUndefined();
    expect(resendRefusal(3, 3)).toBeUndefined();
  });

  it('is refused as already done (409) when the link was resent since: the second click of a double click', () => {
    const refusal = resendRefusal(0, 1);
    expect(refusal?.code).toBe('ALREADY_DONE');
    expect(refusal?.message).toBe('This signing link was already resent since you last saw it (resent 0 times then, 1 time now); nothing more was sent. Reload to see its status.');
    expect(resendRefusal(1, 4)?.message).toContain('resent 1 time then, 4 times now');
  });

  it('is refused when the count sent is more than the link ever had', () => {
    const refusal = resendRefusal(5, 2);
    expect(refusal?.code).toBe('WRONG_STATE');
    expect(refusal?.message).toBe('This signing link was resent 2 times, not 5; nothing was sent. Reload to see its status.');
  });

  it('says a lost race for the same count is a resend already made', () => {
    expect(resendRaceLost().code).toBe('ALREADY_DONE');
    expect(resendRaceLost().message).toContain('already resent just now');
  });
});

describe('the resend request', () => {
  const schema = API_CONTRACT['POST /api/commitments/{commitmentId}/resend'].body;

  it('carries the count seen as a whole number from 0, and nothing else', () => {
    expect(schema.safeParse({ seenResends: 0 }).data).toEqual({ seenResends: 0 });
    expect(schema.safeParse({ seenResends: 12 }).success).toBe(true);
    for (const body of [{}, { seenResends: -1 }, { seenResends: 1.5 }, { seenResends: '1' }, { seenResends: null }, { seenResends: 1, clickId: 'x' }]) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it('is documented in the OpenAPI with its required count, the 409 of a stale count and the 428 of a missing one', () => {
    const operation = (openApiDocument().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; responses: Record<string, unknown> }>>)['/api/commitments/{commitmentId}/resend']!.post!;
    expect(operation.requestBody?.content['application/json']?.schema.required).toEqual(['seenResends']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '409', '428']));
  });
});
