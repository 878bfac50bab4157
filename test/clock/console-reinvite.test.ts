import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { executionNameOf } from '../../functions/domain/rounds';
import { consoleTabFor, openConsolePage, outcomeOf } from '../browser/console-support';
import { expectAccessible } from '../browser/signing-support';
import { commitmentState, invitedCommitment } from '../support/campaign';
import { localStack } from '../support/local-stack';
import { advanceClock, waitForIdle, WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';

/**
 * Inviting again after expiry, in the console (headless Chromium), on the exclusive stack whose
 * clock lets the invitation expire: a reminder interval (a day on the test stacks) twice.
 */
describe('the console: an expired invitation invited again', () => {
  const admin = consoleTabFor('commission-admin');

  it('offers Invite again on the expired commitment’s page, starts a new round, and shows the expired round', async () => {
    const { campaign, admin: token, commitmentId, email } = await invitedCommitment();
    const [first] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const appUrl = localStack().urls.app;
    await waitForIdle(appUrl, { executions: [commitmentId] });
    for (let wait = 0; wait < 2; wait++) {
      await advanceClock(appUrl, localStack().timings.reminderIntervalSeconds);
      await waitForIdle(appUrl, { executions: [commitmentId] });
    }
    expect(await commitmentState(campaign, token, commitmentId)).toBe('EXPIRED');

    const { page } = admin;
    await openConsolePage(admin, `/console/commitments/${commitmentId}`, '#invite-again');
    expect(await page.getByRole('button', { name: 'Extend' }).count()).toBe(0);
    await expectAccessible(page, 'the page of an expired commitment');
    await page.getByRole('button', { name: 'Invite again' }).click();
    await page.getByRole('dialog', { name: /^Invite .* again\?$/ }).getByRole('button', { name: 'Invite again' }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('Invited again (round 2)');
    await page.locator('#earlier-rounds').waitFor();
    expect(await page.locator('#earlier-rounds').textContent()).toContain('Round 1');
    expect(await page.locator('#earlier-rounds').textContent()).toContain('Expired');
    expect(await page.getByRole('button', { name: 'Invite again' }).count()).toBe(0);
    await expectAccessible(page, 'the commitment page in its second round');

    await waitForIdle(appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    const mails = await campaign.waitForEmails(email, isEmailFor('invitation'), 2);
    expect(signingLinkIn(mails[1]!)).not.toBe(signingLinkIn(first!));
    expect((await page.goto(signingLinkIn(mails[1]!)))?.status()).toBe(200);
    expect(admin.problems).toEqual([]);
  });
});
