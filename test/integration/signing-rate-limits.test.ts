import { describe, expect, inject, it } from 'vitest';
import { mapWithConcurrency } from '../../functions/operations/concurrency';
import { DEFAULT_RATE_LIMITS } from '../../functions/domain/signing';
import { messagesFor } from '../../templates/i18n';
import { awaitFreshRateWindow, invitedOperator, ownLoopbackAddress } from '../support/signing';

describe('rate limits on the signing pages', () => {
  it('refuses a client address past its limit with 429, Retry-After and a page that says when, while other addresses go on', async () => {
    // Wait for room in the window first: the wait can outlast a signing link's validity in the tests (30 s).
    await awaitFreshRateWindow(DEFAULT_RATE_LIMITS.windowSeconds);
    const { campaign, operator } = await invitedOperator();
    const limit = inject('rateLimits').perAddress;
    const attacker = campaign.operator(`${campaign.appUrl}/sign/${'A'.repeat(43)}`, { localAddress: ownLoopbackAddress(), acceptLanguage: 'de' });
    const statuses = await mapWithConcurrency(Array.from({ length: limit }), 25, () => attacker.send(attacker.signingUrl, { body: 'csrf=x' }).then((response) => response.status));
    expect(new Set(statuses)).toEqual(new Set([404]));
    const limited = await attacker.send(attacker.signingUrl, { body: 'csrf=x' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.windowSeconds);
    expect(await limited.text()).toContain(messagesFor('de').problems.rateLimited('', 2).title);
    // Another client is not held back, and reading a link is never limited.
    expect((await operator.open()).status).toBe(303);
    expect((await attacker.landing()).status).toBe(404);
  });

  it('refuses POSTs on one link past its limit, whatever they carry', async () => {
    await awaitFreshRateWindow(DEFAULT_RATE_LIMITS.windowSeconds);
    const { operator } = await invitedOperator({ operator: { localAddress: ownLoopbackAddress() } });
    await operator.open();
    // Continue counted once; each refused form counts too.
    const statuses = await mapWithConcurrency(Array.from({ length: DEFAULT_RATE_LIMITS.perLink - 1 }), 10, () => operator.send('/signing', { body: 'action=sign' }).then((response) => response.status));
    expect(new Set(statuses)).toEqual(new Set([403]));
    const limited = await operator.send('/signing', { body: 'action=sign' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
