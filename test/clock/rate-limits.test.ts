import { beforeEach, describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../functions/operations/concurrency';
import { DEFAULT_RATE_LIMITS, rateWindow } from '../../functions/domain/signing';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { localStack } from '../support/local-stack';
import { invitedOperator, ownLoopbackAddress } from '../support/signing';
import { TEST_RATE_LIMITS } from '../support/test-stacks';
import { advanceClock, stackTime } from '../support/workflow-time';

/**
 * Limits count in fixed windows aligned to the clock: a burst that straddled a window's end would
 * start counting again. Each test starts at the beginning of a window, by moving the clock there.
 */
beforeEach(async () => {
  const appUrl = localStack().urls.app;
  const { retryAfterSeconds } = rateWindow(await stackTime(appUrl), DEFAULT_RATE_LIMITS.windowSeconds);
  const now = await advanceClock(appUrl, retryAfterSeconds);
  expect(now.getTime() / 1000 % DEFAULT_RATE_LIMITS.windowSeconds).toBeLessThan(60);
});

const el = messagesFor('el');

describe('rate limits on the signing pages', () => {
  it('refuses a client address past its limit with 429, Retry-After and a page that says when, while other addresses go on', async () => {
    const { campaign, operator } = await invitedOperator();
    const limit = TEST_RATE_LIMITS.perAddress;
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
    const { operator } = await invitedOperator({ operator: { localAddress: ownLoopbackAddress() } });
    await operator.open();
    // Continue counted once; each refused form counts too.
    const statuses = await mapWithConcurrency(Array.from({ length: DEFAULT_RATE_LIMITS.perLink - 1 }), 10, () => operator.send('/signing', { body: 'action=sign' }).then((response) => response.status));
    expect(new Set(statuses)).toEqual(new Set([403]));
    const limited = await operator.send('/signing', { body: 'action=sign' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('emails at most five codes per link in ten minutes: the next request answers 429 with Retry-After and says when to retry', async () => {
    const { campaign, email, operator } = await invitedOperator();
    await operator.open();
    for (let request = 2; request <= 5; request++) expect((await operator.requestCode()).status).toBe(303);
    const limited = await operator.requestCode();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const html = await limited.text();
    expect(html).toContain(el.problems.rateLimited('', 1).title);
    expect(html).toMatch(/[0-9]{2}:[0-9]{2} UTC/);
    expect((await campaign.emailsTo(email)).filter(isEmailFor('one-time-code'))).toHaveLength(5);

    // The next window has room again.
    await advanceClock(campaign.appUrl, retryAfter);
    expect((await operator.requestCode()).status).toBe(303);
  });

  it('opens a session on Continue past the codes\' limit, without emailing a code', async () => {
    const { campaign, email, operator } = await invitedOperator();
    await operator.open();
    for (let request = 2; request <= 5; request++) expect((await operator.requestCode()).status).toBe(303);
    // The fifth code, entered, is used up: the next session would need a new one, and the window has no room left.
    expect(await operator.confirmCode()).toBeUndefined();
    const again = await operator.open();
    expect(again.status).toBe(303);
    const codePage = await operator.page();
    expect(codePage.status).toBe(200);
    // Nothing to enter: the page offers to send a code, which the window refuses until it ends.
    expect(codePage.html).not.toContain('name="code"');
    expect((await campaign.emailsTo(email)).filter(isEmailFor('one-time-code'))).toHaveLength(5);
    expect((await operator.requestCode()).status).toBe(429);
  });
});
