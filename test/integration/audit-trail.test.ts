import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../functions/domain/audit-chain';
import { waitFor } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';

async function exportPages(appUrl: string, token: string, declarationId: string, limit?: number) {
  const pages: { body: string; head: string; events: number }[] = [];
  let after = '';
  for (let guard = 0; guard < 100; guard++) {
    const query = new URLSearchParams({ ...(limit ? { limit: String(limit) } : {}), ...(after ? { after } : {}) });
    const response = await fetch(`${appUrl}/api/declarations/${declarationId}/audit-trail.jsonl?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    pages.push({ body: await response.text(), head: response.headers.get('x-audit-trail-head') ?? '', events: Number(response.headers.get('x-audit-trail-events')) });
    after = response.headers.get('x-audit-trail-next') ?? '';
    if (!after) return pages;
  }
  throw new Error('the export never ended');
}

describe('the exported audit trail', () => {
  it('chains every event of the declaration, in pages that join into the same file, for an auditor too', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const auditor = await campaign.token('auditor');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const invited = await campaign.invite(admin, id, [invitation(uniqueAddress()), invitation(uniqueAddress()), invitation(uniqueAddress())]);
    // Every invitation email is recorded too; wait until the three are in the trail before revoking
    // one (a revocation that came first would rightly stop its email).
    await waitFor(async () => {
      const [page] = await exportPages(campaign.appUrl, auditor, id);
      return page && page.body.split('\n').filter((line) => line.includes('"INVITATION_SENT"')).length >= 3 ? page : undefined;
    }, WORKFLOW_TIMEOUT_MS, 'three invitation emails in the trail');
    await campaign.api(admin, 'POST', `/api/commitments/${invited.results[0]!.commitmentId}/revocation`, { reason: 'Wrong addressee' });
    const [whole] = await exportPages(campaign.appUrl, auditor, id);
    if (!whole) throw new Error('the export returned no page');

    const verdict = verifyChain(whole.body, whole.head);
    expect(verdict).toMatchObject({ ok: true, head: whole.head });
    const lines = whole.body.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; declarationId: string; sequence: number; commitmentId: string });
    expect(lines.every((line) => line.declarationId === id)).toBe(true);
    expect(lines.filter((line) => line.type === 'INVITED')).toHaveLength(3);
    expect(lines.find((line) => line.type === 'REVOKED')?.commitmentId).toBe(invited.results[0]!.commitmentId);

    const paged = await exportPages(campaign.appUrl, admin, id, 2);
    const joined = paged.map((page) => page.body).join('');
    // Events recorded after the first export (a late email) only add lines at the end.
    expect(joined.startsWith(whole.body)).toBe(true);
    expect(verifyChain(joined, paged[paged.length - 1]!.head).ok).toBe(true);
    expect(paged.length).toBeGreaterThanOrEqual(Math.ceil(lines.length / 2));
  });

  it('refuses a cursor it did not give out', async () => {
    const campaign = client();
    const auditor = await campaign.token('auditor');
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const response = await fetch(`${campaign.appUrl}/api/declarations/${id}/audit-trail.jsonl?after=bm90LWEtY3Vyc29y`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/cursor/);
  });
});
