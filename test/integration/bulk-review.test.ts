import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError, type CampaignClient } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, stateOf, waitForAll } from '../support/flows';

interface ReviewsAnswer {
  approved: number;
  rejected: number;
  alreadyReviewed: number;
  notInReview: number;
  notFound: number;
  results: { commitmentId: string; result: string; message: string; state?: string }[];
}

interface TrailEvent {
  type: string;
  actor: string;
  detail?: { reason?: string };
}

let campaign: CampaignClient;
beforeAll(() => {
  campaign = client();
});

/** An admin with a subject of their own, so that the audit trail can be checked for who decided. */
async function adminNamed(sub: string): Promise<string> {
  const response = await fetch(`${campaign.appUrl}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ group: 'commission-admin', sub, name: sub, email: `${sub}@ec.example.eu` }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A declaration with `flagged` signatures waiting for review (their address is outside the registered domains) and `clean` ones verified. */
async function declarationWithFlagged(admin: string, flagged: number, clean = 0) {
  const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
  const flaggedEmails = Array.from({ length: flagged }, () => uniqueAddress('flagged'));
  const cleanEmails = Array.from({ length: clean }, () => uniqueAddress('clean'));
  const invited = await campaign.invite(admin, declaration.id, [
    ...flaggedEmails.map((email) => invitation(email, { emailDomains: ['other-authority.example'] })),
    ...cleanEmails.map((email) => invitation(email)),
  ]);
  const idOf = (email: string) => invited.results.find((result) => result.email === email)!.commitmentId;
  await signEach(campaign, [...flaggedEmails, ...cleanEmails]);
  const flaggedIds = flaggedEmails.map(idOf);
  const cleanIds = cleanEmails.map(idOf);
  await waitForAll(campaign, admin, flaggedIds, ['IN_REVIEW']);
  await waitForAll(campaign, admin, cleanIds, ['VERIFIED']);
  return { declarationId: declaration.id, flaggedIds, cleanIds };
}

async function events(admin: string, commitmentId: string): Promise<TrailEvent[]> {
  return (await campaign.api<{ events: TrailEvent[] }>(admin, 'GET', `/api/commitments/${commitmentId}`)).events;
}

const reviewEvents = (trail: readonly TrailEvent[]) => trail.filter((event) => event.type === 'REVIEW_APPROVED' || event.type === 'REVIEW_REJECTED');

describe('reviewing several flagged signatures at once', () => {
  it('decides each selected commitment once with the one reason, and reports the others per item', async () => {
    const admin = await adminNamed('reviewer-anna');
    const { declarationId, flaggedIds, cleanIds } = await declarationWithFlagged(admin, 3, 1);
    const elsewhere = await declarationWithFlagged(admin, 1);
    const unknown = 'cmt_0000000000zzzzzzzzzzzzzzzz';
    const [first, second, third] = flaggedIds as [string, string, string];
    const reason = 'Addresses confirmed by phone with each ministry';

    const answer = await campaign.api<ReviewsAnswer>(admin, 'POST', `/api/declarations/${declarationId}/reviews`, {
      commitmentIds: [first, second, cleanIds[0], unknown, elsewhere.flaggedIds[0], first],
      decision: 'approve',
      reason,
    });
    expect(answer).toMatchObject({ approved: 2, rejected: 0, alreadyReviewed: 0, notInReview: 1, notFound: 2 });
    const resultOf = (id: string) => answer.results.find((result) => result.commitmentId === id);
    expect(answer.results).toHaveLength(5);
    expect(resultOf(first)).toMatchObject({ result: 'approved', state: 'VERIFIED' });
    expect(resultOf(second)).toMatchObject({ result: 'approved', state: 'VERIFIED' });
    expect(resultOf(cleanIds[0]!)).toMatchObject({ result: 'not-in-review', state: 'VERIFIED' });
    expect(resultOf(cleanIds[0]!)!.message).toContain('Only commitments waiting for review');
    expect(resultOf(unknown)).toMatchObject({ result: 'not-found' });
    expect(resultOf(elsewhere.flaggedIds[0]!)).toMatchObject({ result: 'not-found' });

    expect(await stateOf(campaign, admin, third)).toBe('IN_REVIEW');
    expect(await stateOf(campaign, admin, elsewhere.flaggedIds[0]!)).toBe('IN_REVIEW');
    for (const id of [first, second]) {
      expect(reviewEvents(await events(admin, id))).toEqual([expect.objectContaining({ type: 'REVIEW_APPROVED', actor: 'reviewer-anna', detail: { reason } })]);
    }
    expect(reviewEvents(await events(admin, cleanIds[0]!))).toEqual([]);
    // Approved ones go on to countersignature, as after a single review.
    await waitForAll(campaign, admin, [first, second], ['VERIFIED']);
  });

  it('changes nothing when the same selection is sent again, or decided the other way', async () => {
    const admin = await adminNamed('reviewer-bram');
    const { declarationId, flaggedIds } = await declarationWithFlagged(admin, 2);
    const body = { commitmentIds: flaggedIds, decision: 'reject', reason: 'Nobody at the organisation knows this signer' };
    const first = await campaign.api<ReviewsAnswer>(admin, 'POST', `/api/declarations/${declarationId}/reviews`, body);
    expect(first).toMatchObject({ rejected: 2, approved: 0 });
    const again = await campaign.api<ReviewsAnswer>(admin, 'POST', `/api/declarations/${declarationId}/reviews`, body);
    expect(again).toMatchObject({ approved: 0, rejected: 0, alreadyReviewed: 2 });
    expect(again.results.every((result) => result.state === 'REJECTED' && result.message.startsWith('Already rejected'))).toBe(true);
    const reversed = await campaign.api<ReviewsAnswer>(admin, 'POST', `/api/declarations/${declarationId}/reviews`, { ...body, decision: 'approve' });
    expect(reversed).toMatchObject({ approved: 0, alreadyReviewed: 2 });
    for (const id of flaggedIds) {
      expect(await stateOf(campaign, admin, id)).toBe('REJECTED');
      expect(reviewEvents(await events(admin, id)).map((event) => event.type)).toEqual(['REVIEW_REJECTED']);
    }
  });

  it('gives one decision when a bulk review and a single review of the same commitment race', async () => {
    const admin = await adminNamed('reviewer-chloe');
    const other = await adminNamed('reviewer-dimitra');
    const { declarationId, flaggedIds } = await declarationWithFlagged(admin, 1);
    const id = flaggedIds[0]!;
    const [bulk, single] = await Promise.allSettled([
      campaign.api<ReviewsAnswer>(admin, 'POST', `/api/declarations/${declarationId}/reviews`, { commitmentIds: [id], decision: 'approve', reason: 'Bulk approval' }),
      campaign.api<{ state: string }>(other, 'POST', `/api/commitments/${id}/review`, { decision: 'reject', reason: 'Single rejection' }),
    ]);
    expect(bulk.status).toBe('fulfilled');
    const bulkResult = (bulk as PromiseFulfilledResult<ReviewsAnswer>).value.results[0]!;
    const trail = reviewEvents(await events(admin, id));
    expect(trail).toHaveLength(1);
    const state = await stateOf(campaign, admin, id);
    if (bulkResult.result === 'approved') {
      expect(state).toBe('VERIFIED');
      expect(trail[0]).toMatchObject({ type: 'REVIEW_APPROVED', actor: 'reviewer-chloe' });
      expect(single.status === 'rejected' && (single.reason as HttpError).status).toBe(409);
    } else {
      expect(bulkResult).toMatchObject({ result: 'already-reviewed', state: 'REJECTED' });
      expect(state).toBe('REJECTED');
      expect(trail[0]).toMatchObject({ type: 'REVIEW_REJECTED', actor: 'reviewer-dimitra' });
      expect(single.status).toBe('fulfilled');
    }
  });

  it('refuses a request it cannot read with a message, and changes nothing', async () => {
    const admin = await adminNamed('reviewer-emil');
    const { declarationId, flaggedIds } = await declarationWithFlagged(admin, 1);
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ commitmentIds: flaggedIds, decision: 'approve', reason: '   ' }, /reason/],
      [{ commitmentIds: [], decision: 'approve', reason: 'Fine' }, /select at least one commitment/],
      [{ commitmentIds: flaggedIds, decision: 'maybe', reason: 'Fine' }, /decision must be "approve" or "reject"/],
      [{ commitmentIds: ['not an id'], decision: 'approve', reason: 'Fine' }, /commitment id must look like/],
    ];
    for (const [body, explained] of refusals) {
      const refused = await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/reviews`, body).then(() => undefined, (error: unknown) => error);
      expect(refused, JSON.stringify(body)).toBeInstanceOf(HttpError);
      expect((refused as HttpError).status).toBe(400);
      const answer = JSON.parse((refused as HttpError).body) as { message: string; details?: string[] };
      expect([answer.message, ...(answer.details ?? [])].join(' ')).toMatch(explained);
    }
    const missing = await campaign.api(admin, 'POST', '/api/declarations/dcl_0000000000zzzzzzzzzzzzzzzz/reviews', { commitmentIds: flaggedIds, decision: 'approve', reason: 'Fine' })
      .then(() => undefined, (error: unknown) => error);
    expect((missing as HttpError).status).toBe(404);
    expect(await stateOf(campaign, admin, flaggedIds[0]!)).toBe('IN_REVIEW');
    expect(reviewEvents(await events(admin, flaggedIds[0]!))).toEqual([]);
  });
});
