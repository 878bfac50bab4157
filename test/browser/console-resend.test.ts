import { describe, expect, it } from 'vitest';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { CONSOLE_MESSAGES } from '../../templates/console/i18n';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { waitForIdle, WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { consoleTabFor, openConsolePage, outcomeOf } from './console-support';
import { expectAccessible } from './signing-support';

const T = CONSOLE_MESSAGES.en.browser;

/** An invitation awaiting its signature, once its invitation email went. */
async function invited() {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const { id } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', sampleDeclaration());
  const email = uniqueAddress('console-resend');
  const organisation = `Port of Resend ${email.split('@')[0]}`;
  const answer = await campaign.invite(admin, id, [invitation(email, { name: organisation })]);
  await campaign.waitForEmails(email, isEmailFor('invitation'));
  const commitmentId = answer.results[0]!.commitmentId;
  const newLinks = async () => {
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    return (await campaign.emailsTo(email)).filter(isEmailFor('new-link')).length;
  };
  return { campaign, admin, declarationId: id, commitmentId, organisation, newLinks };
}

describe('the console: resending a signing link', () => {
  const admin = consoleTabFor('commission-admin');

  it('sends the count the commitment page shows: resent meanwhile, the click sends nothing and says so; after a reload it resends', async () => {
    const { campaign, admin: token, commitmentId, newLinks } = await invited();
    const { page } = admin;
    await openConsolePage(admin, `/console/commitments/${commitmentId}`, '#actions button');
    const shownCount = page.locator('dt', { hasText: T.linksResent }).locator('xpath=following-sibling::dd[1]');
    expect(await shownCount.textContent()).toBe('0');

    // A colleague resends the link while this page still shows none.
    await campaign.api(token, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 0 });
    await page.getByRole('button', { name: T.resendTheLink }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toBe(`problem: ${T.linkAlreadyResent}`);
    await expectAccessible(page, 'the commitment page refusing a stale resend');
    expect(await newLinks()).toBe(1);

    await page.reload();
    await expect.poll(() => shownCount.textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toBe('1');
    await page.getByRole('button', { name: T.resendTheLink }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toBe(T.freshLinkSent);
    await expect.poll(() => shownCount.textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toBe('2');
    expect(await newLinks()).toBe(2);
    expect(admin.problems).toEqual([]);
  });

  it('sends the count of the row the dashboard listed', async () => {
    const { campaign, admin: token, declarationId, commitmentId, organisation, newLinks } = await invited();
    const { page } = admin;
    const resend = () => page.getByRole('button', { name: T.resendLinkTo.replace('{organisation}', organisation) });
    await openConsolePage(admin, `/console/declarations/${declarationId}`, '#list-body tr');
    await resend().waitFor();

    await campaign.api(token, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 0 });
    await resend().click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toBe(`problem: ${T.linkAlreadyResent}`);
    expect(await newLinks()).toBe(1);

    await page.reload();
    await resend().click();
    await expect.poll(() => page.locator('#list-body').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain(T.linkResent);
    expect(await newLinks()).toBe(2);
    expect(admin.problems).toEqual([]);
  });
});
