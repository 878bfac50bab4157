import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { expectAccessible, launchChromium, pressButton } from '../browser/signing-support';
import { auditEvents, commitmentState, executionStatus, invitedCommitment } from '../support/campaign';
import { localStack } from '../support/local-stack';
import { invitedOperator } from '../support/signing';
import { advanceClock, waitForIdle } from '../support/workflow-time';

/**
 * The workflow's reminder and expiry, and the expiry of links and sessions, as the stack's clock
 * is moved forward: between the invitation, its one reminder and expiry lies a reminder interval
 * (a day on the test stacks), which no test waits for.
 */
const el = messagesFor('el');
const interval = () => localStack().timings.reminderIntervalSeconds;

/** Moves the clock forward and waits until what that set going for the commitment has settled. */
async function passTime(seconds: number, commitmentId: string): Promise<void> {
  const appUrl = localStack().urls.app;
  await advanceClock(appUrl, seconds);
  await waitForIdle(appUrl, { executions: [commitmentId] });
}

describe('a commitment nobody signs', () => {
  it('is reminded once its reminder interval has passed, not before, then expires through the timeout path, and its links then answer 410', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const link = signingLinkIn(invitationEmail!);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });

    await passTime(interval() - 60, commitmentId);
    expect(await campaign.emailsTo(email)).toHaveLength(1);
    expect((await fetch(link)).status).toBe(200);

    await passTime(60, commitmentId);
    const [reminder, ...more] = (await campaign.emailsTo(email)).filter(isEmailFor('reminder'));
    expect(more).toHaveLength(0);
    expect(signingLinkIn(reminder!)).not.toBe(link);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');

    await passTime(interval(), commitmentId);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('EXPIRED');
    expect(await executionStatus(commitmentId)).not.toBe('RUNNING');
    for (const expired of [link, signingLinkIn(reminder!)]) {
      const page = await fetch(expired);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain(el.problems.linkExpired.title);
    }
    const events = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(events).toEqual(['INVITED', 'INVITATION_SENT', 'REMINDER_SENT', 'EXPIRED']);
    expect(await campaign.emailsTo(email)).toHaveLength(2);
  });

  it('says in the browser that an expired link, and a session that ended with it, have expired, and what to do next', async () => {
    const { campaign, admin, commitmentId, link } = await invitedOperator({ language: 'el' });
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    // Ten minutes before the link expires, well within a session's own 30 minutes.
    await passTime(interval(), commitmentId);
    await passTime(interval() - 600, commitmentId);

    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      expect((await page.goto(link))?.status()).toBe(200);
      await pressButton(page, el.landing.continueButton);
      expect(new URL(page.url()).pathname).toBe('/signing');

      await passTime(660, commitmentId);
      expect(await commitmentState(campaign, admin, commitmentId)).toBe('EXPIRED');
      // A session never outlives its link.
      expect((await page.reload())?.status()).toBe(410);
      await page.getByRole('heading', { level: 1, name: el.problems.sessionExpired.title }).waitFor();
      await expectAccessible(page, 'the expired-session page');
      expect((await page.goto(link))?.status()).toBe(410);
      await page.getByRole('heading', { level: 1, name: el.problems.linkExpired.title }).waitFor();
      expect(await page.getByText(el.problems.linkExpired.next).count()).toBe(1);
      expect(await page.locator('a[href^="mailto:"]').count()).toBe(1);
      await expectAccessible(page, 'the expired-link page');
    } finally {
      await browser.close();
    }
  });
});
