import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, stateOf, waitForAll } from '../support/flows';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { consoleTabFor, focusedId, openConsolePage } from './console-support';

const WANTED = 50;

/** A declaration with exactly 50 verified commitments, each signed over HTTP through its emailed link. */
async function fiftyVerified(): Promise<{ declarationId: string; verified: string[] }> {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const { id } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), oneTimeCode: false });
  const emails = Array.from({ length: WANTED }, () => uniqueAddress('bulk'));
  const invited = await campaign.invite(admin, id, emails.map((email) => invitation(email)));
  await signEach(campaign, emails);
  const verified = invited.results.map((result) => result.commitmentId);
  await waitForAll(campaign, admin, verified, ['VERIFIED']);
  return { declarationId: id, verified };
}

describe('the console: bulk countersignature', () => {
  const admin = consoleTabFor('commission-admin');

  it('countersigns the 50 selected verified commitments at once and reports each', async () => {
    const { declarationId, verified } = await fiftyVerified();
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${declarationId}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Countersignature queue (50)' }).click();
    await expect.poll(() => page.locator('#countersign-summary').textContent()).toBe('50 verified commitments await countersignature.');
    expect(await page.locator('#countersign-body tr').count()).toBe(WANTED);

    await page.getByLabel('Select every listed commitment').check();
    await page.getByRole('button', { name: 'Countersign 50 selected commitments' }).click();
    await page.getByRole('dialog', { name: 'Countersign 50 selected commitments?' }).getByRole('button', { name: 'Countersign' }).click();

    await expect.poll(() => page.locator('#countersign-outcome').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toBe('50 countersigned, 0 already countersigned, 0 not ready, 0 not found.');
    expect(await focusedId(page)).toBe('countersign-outcome');
    const results = await page.locator('#countersign-results tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-result')));
    expect(results).toEqual(Array(WANTED).fill('countersigned'));
    await expect.poll(() => page.locator('#countersign-summary').textContent()).toBe('Nothing awaits countersignature.');

    const campaign = client();
    const token = await campaign.token('commission-admin');
    const states = await Promise.all(verified.map((commitmentId) => stateOf(campaign, token, commitmentId)));
    expect(states.every((state) => ['COUNTERSIGNED', 'SEALED', 'DELIVERED'].includes(state))).toBe(true);
    expect(admin.problems).toEqual([]);
  });
});
