import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../functions/domain/errors';
import { TransientError } from '../../functions/shared/errors';
import { parseJsonBody } from '../../functions/shared/http';
import { taskHandler } from '../../functions/shared/task-handler';
import * as z from '../../functions/domain/zod';

describe('an error caught and thrown again as another', () => {
  it('keeps the throttling that made a task retryable as the cause of its TransientError', async () => {
    // The task's error log line is not what this test reads.
    for (const stream of [process.stdout, process.stderr]) vi.spyOn(stream, 'write').mockImplementation(() => true);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const handler = taskHandler('deliver-certificate', async () => { throw throttled; });
    const error = await handler({ commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' }).catch((caught: unknown) => caught);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).cause).toBe(throttled);
  });

  it('keeps the parser’s error as the cause of a refused JSON body', () => {
    const event = { headers: { 'content-type': 'application/json' }, body: '{"title": ', isBase64Encoded: false } as unknown as APIGatewayProxyEventV2;
    let refusal: unknown;
    try {
      parseJsonBody(event, z.object({ title: z.string() }));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('INVALID_INPUT');
    expect((refusal as DomainError).cause).toBeInstanceOf(SyntaxError);
  });
});
