import { describe, expect, it } from 'vitest';
import { waitFor, type CampaignClient } from '../../tools/campaign/campaign-client';
import { auditEvents, client, commitmentItems, executionStatus } from '../support/campaign';
import { adminToken, countEmails, inviteMany, isDelivery, signEach, waitForAll } from '../support/flows';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';

/**
 * Every commitment ends with exactly one countersignature, one sealed document and one delivery
 * email, whatever the number of clicks that raced for it.
 */
async function expectCountersignedOnce(campaign: CampaignClient, admin: string, commitmentId: string, email: string): Promise<void> {
  await waitFor(async () => ((await executionStatus(commitmentId)) === 'SUCCEEDED' ? true : undefined), WORKFLOW_TIMEOUT_MS, `the workflow of ${commitmentId} to end`);
  const types = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
  expect(types.filter((type) => type === 'COUNTERSIGNED'), commitmentId).toHaveLength(1);
  expect(types.filter((type) => type === 'SEALED'), commitmentId).toHaveLength(1);
  expect(types.filter((type) => type === 'DELIVERED'), commitmentId).toHaveLength(1);
  const items = await commitmentItems(commitmentId);
  expect(items.filter((item) => item.SK === 'DOC'), commitmentId).toHaveLength(1);
  expect(await countEmails(campaign, email, isDelivery), commitmentId).toBe(1);
}

describe('concurrent countersignatures', () => {
  it('give one countersignature, one sealed PDF and one delivery email for 20 simultaneous clicks on one commitment', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { commitments: [only] } = await inviteMany(campaign, admin, 1, 'twenty-clicks');
    await signEach(campaign, [only!.email]);
    await waitForAll(campaign, admin, [only!.commitmentId], ['VERIFIED']);

    const clicks = await Promise.all(Array.from({ length: 20 }, () =>
      campaign.api<{ result: string }>(admin, 'POST', `/api/commitments/${only!.commitmentId}/countersignature`)));
    expect(clicks.filter((click) => click.result === 'countersigned')).toHaveLength(1);
    expect(clicks.filter((click) => click.result === 'already-countersigned')).toHaveLength(19);

    await waitForAll(campaign, admin, [only!.commitmentId], ['DELIVERED']);
    await expectCountersignedOnce(campaign, admin, only!.commitmentId, only!.email);
  });

  it('give each commitment one countersignature, one sealed PDF and one delivery email when two admins bulk-countersign overlapping sets', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { declarationId, commitments } = await inviteMany(campaign, admin, 6, 'two-admins');
    await signEach(campaign, commitments.map((commitment) => commitment.email));
    const ids = commitments.map((commitment) => commitment.commitmentId);
    await waitForAll(campaign, admin, ids, ['VERIFIED']);

    const [ana, bruno] = await Promise.all([adminToken(campaign, 'Ana Admin'), adminToken(campaign, 'Bruno Admin')]);
    const bulk = (token: string, commitmentIds: readonly string[]) =>
      campaign.api<{ countersigned: number; alreadyCountersigned: number; results: { commitmentId: string; result: string }[] }>(
        token, 'POST', `/api/declarations/${declarationId}/countersignatures`, { commitmentIds });
    // Ana takes the first four, Bruno the last four, and both the two in the middle; Bruno clicks twice.
    const [first, second, third] = await Promise.all([bulk(ana!, ids.slice(0, 4)), bulk(bruno!, ids.slice(2)), bulk(bruno!, ids.slice(2))]);
    expect(first.countersigned + second.countersigned + third.countersigned).toBe(6);
    for (const id of ids) {
      const wins = [first, second, third].flatMap((answer) => answer.results).filter((result) => result.commitmentId === id && result.result === 'countersigned');
      expect(wins, id).toHaveLength(1);
    }

    await waitForAll(campaign, admin, ids, ['DELIVERED']);
    for (const { commitmentId, email } of commitments) {
      await expectCountersignedOnce(campaign, admin, commitmentId, email);
      const { commitment } = await campaign.api<{ commitment: { countersignature: { name: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
      expect(['Ana Admin', 'Bruno Admin']).toContain(commitment.countersignature.name);
    }
  });
});
