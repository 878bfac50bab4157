import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { carriesSigningLink } from '../support/flows';
import { localStack } from '../support/local-stack';
import { consoleTabFor, openConsolePage } from './console-support';

/** WCAG 2.1 AA on the whole page the form is on. */
async function violations(page: import('playwright-core').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the console: notifications to the Commission team', () => {
  const admin = consoleTabFor('commission-admin');

  it('takes the team\'s addresses in the declaration form, and the team then finds a decline in the local mailbox', async () => {
    const { page } = admin;
    const team = uniqueAddress('team').replace('@customs.gr.example', '@ec.example.eu');
    await openConsolePage(admin, '/console/declarations/new', '[data-language-block]');
    await page.getByLabel('Title').fill('Joint declaration: notifications');
    await page.getByLabel('Text', { exact: true }).fill('We, the undersigned, commit to act together against organised crime in EU ports.');
    for (const label of ['Law enforcement', 'Customs authority', 'Port authority (public operator)', 'Private operator (terminal, shipping line, logistics)', 'EU agency']) {
      await page.getByRole('group', { name: label, exact: true }).getByLabel('Commitment').first().fill('Share what we learn about trafficking.');
    }
    const notifications = page.getByRole('group', { name: 'Notifications to the Commission team' });
    await notifications.getByLabel('Addresses to notify, one per line (at most 20)').fill(`${team}\n`);
    await notifications.getByLabel('A daily digest while the declaration is open').uncheck();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create and open for signing' }).click();
    await page.waitForURL(/\/console\/declarations\/dcl_[0-9a-z]+\?saved=opened$/);
    const declarationId = /declarations\/(dcl_[0-9a-z]+)/.exec(page.url())![1]!;

    const campaign = client();
    const token = await campaign.token('commission-admin');
    const stored = await campaign.api<{ declaration: { notifications: unknown } }>(token, 'GET', `/api/declarations/${declarationId}?pageSize=1`);
    expect(stored.declaration.notifications).toEqual({ addresses: [team], kinds: { review: true, failure: true, undeliverable: true, declined: true, digest: false } });

    // While it is open, the settings stay editable from the dashboard's link.
    await page.getByRole('link', { name: 'Notifications to the team' }).click();
    await page.waitForURL(/\/edit#notifications$/);
    await expect.poll(() => page.getByLabel('Addresses to notify, one per line (at most 20)').inputValue()).toBe(team);
    expect(await page.getByLabel('A daily digest while the declaration is open').isChecked()).toBe(false);
    await page.getByLabel('A daily digest while the declaration is open').check();
    await page.getByRole('button', { name: 'Save the notifications' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('The notification settings are saved.');
    expect(await violations(page)).toEqual([]);
    expect((await campaign.api<{ declaration: { notifications: { kinds: { digest: boolean } } } }>(token, 'GET', `/api/declarations/${declarationId}?pageSize=1`)).declaration.notifications.kinds.digest).toBe(true);

    const email = uniqueAddress('declines');
    await campaign.invite(token, declarationId, [invitation(email, { name: 'Port of Piraeus Authority' })]);
    const [mail] = await campaign.waitForEmails(email, carriesSigningLink);
    expect((await campaign.decline(signingLinkIn(mail!), 'Our board meets in March.')).status).toBe(200);
    await campaign.waitForEmails(team, isEmailFor('team-notification'));

    const mailbox = await admin.context.newPage();
    await mailbox.goto(localStack().urls.mailbox);
    const notice = mailbox.locator('.email', { hasText: team });
    await notice.waitFor();
    expect(await notice.locator('p', { hasText: 'Subject:' }).textContent()).toBe('Subject: Declined: Port of Piraeus Authority');
    await notice.getByRole('button', { name: 'Toggle text view' }).click();
    expect(await notice.locator('.email-text').textContent()).toContain('Their reason: Our board meets in March.');
    await mailbox.close();
    expect(admin.problems).toEqual([]);
  });
});
