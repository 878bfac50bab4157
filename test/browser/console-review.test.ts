import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, stateOf, waitForAll } from '../support/flows';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { consoleTabFor, focusedId, openConsolePage } from './console-support';
import { expectAccessible } from './signing-support';

/** A declaration with three signatures the automatic checks flagged: each address is outside the organisation's registered domains. */
async function threeFlagged(): Promise<{ declarationId: string; flagged: { commitmentId: string; name: string }[] }> {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const { id } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), oneTimeCode: false });
  const names = ['Capitaneria di porto di Genova', 'Port of Gdańsk Authority', 'Satamaviranomainen Helsinki'];
  const emails = names.map(() => uniqueAddress('review'));
  const invited = await campaign.invite(admin, id, emails.map((email, index) => invitation(email, { name: names[index]!, emailDomains: ['registered.example'] })));
  await signEach(campaign, emails);
  const flagged = invited.results.map((result, index) => ({ commitmentId: result.commitmentId, name: names[index]! }));
  await waitForAll(campaign, admin, flagged.map((one) => one.commitmentId), ['IN_REVIEW']);
  return { declarationId: id, flagged };
}

describe('the console: bulk review', () => {
  const admin = consoleTabFor('commission-admin');

  it('approves the selected flagged signatures with one reason and reports each; the others stay in the queue', async () => {
    const { declarationId, flagged } = await threeFlagged();
    const [first, second, third] = flagged as [typeof flagged[number], typeof flagged[number], typeof flagged[number]];
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${declarationId}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Review queue (3)' }).click();
    await page.locator('#review-queue article.queue-item').first().waitFor();
    expect(await page.locator('#review-queue article.queue-item').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Approve the selected' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the review queue');

    // Selecting all, then leaving one out, as a reviewer keeping one aside would.
    await page.getByLabel('Select every flagged commitment listed').check();
    const queue = page.locator('#review-queue');
    expect(await page.getByRole('button', { name: 'Approve 3 selected commitments' }).isEnabled()).toBe(true);
    await queue.getByLabel(`Select ${third.name}`).uncheck();
    const approve = page.getByRole('button', { name: 'Approve 2 selected commitments' });
    expect(await approve.isEnabled()).toBe(true);
    await approve.click();
    await expect.poll(() => page.locator('#review-bulk-problem').textContent()).toBe('Write the reason for your decision first; it is recorded for each commitment.');
    expect(await focusedId(page)).toBe('review-bulk-reason');

    await page.getByLabel('Reason for the selected (recorded for each)').fill('Each ministry confirmed its signer by phone');
    await approve.click();
    await page.getByRole('dialog', { name: 'Approve 2 commitments?' }).getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('#review-outcome').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toBe('2 approved, 0 rejected, 0 already reviewed, 0 not in review, 0 not found.');
    expect(await focusedId(page)).toBe('review-outcome');
    const rows = await page.locator('#review-results tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.getAttribute('data-result')]));
    expect(rows.sort()).toEqual([[first.name, 'approved'], [second.name, 'approved']].sort());
    expect(await page.locator('#review-queue article.queue-item').count()).toBe(1);
    expect(await page.locator('#review-queue article.queue-item h3').textContent()).toContain(third.name);
    expect(await page.getByRole('button', { name: 'Approve the selected' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the review queue with its results');

    const campaign = client();
    const token = await campaign.token('commission-admin');
    expect(await stateOf(campaign, token, third.commitmentId)).toBe('IN_REVIEW');
    await waitForAll(campaign, token, [first.commitmentId, second.commitmentId], ['VERIFIED']);
    for (const { commitmentId } of [first, second]) {
      const { events } = await campaign.api<{ events: { type: string; detail?: { reason?: string } }[] }>(token, 'GET', `/api/commitments/${commitmentId}`);
      expect(events.filter((event) => event.type === 'REVIEW_APPROVED').map((event) => event.detail?.reason)).toEqual(['Each ministry confirmed its signer by phone']);
    }
    expect(admin.problems).toEqual([]);
  });
});
