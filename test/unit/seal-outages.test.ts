import { describe, expect, it } from 'vitest';
import { isTransient } from '../../functions/shared/errors';
import { rfc3161Timestamps, TimestampUnavailable } from '../../functions/seal/timestamp';
import { ValidationDataUnavailable } from '../../functions/seal/validation-data';

const DIGEST = new Uint8Array(32).fill(7);

describe('an outage of a service the seal depends on', () => {
  it('is a TimestampUnavailable, which the workflow retries, when the timestamp authority cannot be reached', async () => {
    const unreachable: typeof fetch = async () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }); };
    const error = await rfc3161Timestamps('http://tsa.invalid/', unreachable)(DIGEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimestampUnavailable);
    expect((error as Error).message).toMatch(/could not be reached: fetch failed/);
    expect(isTransient(error)).toBe(true);
  });

  it('is a TimestampUnavailable when the authority is overloaded or failing (429, 5xx)', async () => {
    for (const status of [429, 500, 503]) {
      const error = await rfc3161Timestamps('http://tsa.invalid/', async () => new Response('busy', { status }))(DIGEST).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TimestampUnavailable);
      expect(isTransient(error)).toBe(true);
    }
  });

  it('is a plain failure, not retried, when the authority refuses the request itself (4xx)', async () => {
    const error = await rfc3161Timestamps('http://tsa.invalid/', async () => new Response('no', { status: 400 }))(DIGEST).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(TimestampUnavailable);
    expect((error as Error).message).toBe('the timestamp authority answered HTTP 400');
    expect(isTransient(error)).toBe(false);
  });

  it('counts missing revocation data as transient', () => {
    expect(isTransient(new ValidationDataUnavailable('the OCSP status could not be fetched'))).toBe(true);
  });
});
