import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../functions/domain/audit-chain';
import { signingLinkIn } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress, waitForState } from '../support/campaign';
import { adminToken, carriesSigningLink } from '../support/flows';
import { waitForIdle } from '../support/workflow-time';

type TrailLine = { type: string; actor: string; actorName?: string; actorEmail?: string; commitmentId?: string; declarationId: string; detail?: Record<string, unknown> };

/** The whole exported trail of a declaration, with its announced head. */
async function exportedTrail(appUrl: string, token: string, declarationId: string): Promise<{ text: string; head: string; lines: TrailLine[] }> {
  const response = await fetch(`${appUrl}/api/declarations/${declarationId}/audit-trail.jsonl`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-audit-trail-next')).toBeNull();
  const text = await response.text();
  return { text, head: response.headers.get('x-audit-trail-head') ?? '', lines: text.trim().split('\n').map((line) => JSON.parse(line) as TrailLine) };
}

describe('every action leaves a trace', () => {
  it('records creating, editing, opening and closing a declaration and every admin action, each naming the admin, in the exported chain', async () => {
    const campaign = client();
    const admin = await adminToken(campaign, 'Ana Admin');
    const auditor = await campaign.token('auditor');
    const { id: declarationId } = await campaign.createDeclaration(admin, { ...sampleDeclaration(), draft: true });
    await campaign.api(admin, 'PUT', `/api/declarations/${declarationId}`, { ...sampleDeclaration(), version: '1.1' });
    await campaign.api(admin, 'PUT', `/api/declarations/${declarationId}/notifications`, { addresses: ['desk@ec.example.eu'], kinds: { digest: false } });
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/opening`);

    const [reminded, flagged, declining] = [uniqueAddress('reminded'), uniqueAddress('flagged'), uniqueAddress('declining')];
    const invited = await campaign.invite(admin, declarationId, [invitation(reminded), invitation(flagged, { emailDomains: ['another-ministry.example'] }), invitation(declining)]);
    const [remindedId, flaggedId, decliningId] = invited.results.map((result) => result.commitmentId) as [string, string, string];
    const link = async (email: string) => signingLinkIn((await campaign.waitForEmails(email, carriesSigningLink))[0]!);
    const [flaggedLink, decliningLink] = [await link(flagged), await link(declining)];
    await waitForIdle(campaign.appUrl, { executions: [remindedId] });

    // Remind, resend, correct and revoke one organisation.
    await campaign.api(admin, 'POST', `/api/commitments/${remindedId}/reminders`, { clickId: randomUUID() });
    await campaign.api(admin, 'POST', `/api/commitments/${remindedId}/resend`, { seenResends: 0 });
    await campaign.api(admin, 'POST', `/api/commitments/${remindedId}/contact`, { email: uniqueAddress('corrected') });
    await campaign.api(admin, 'POST', `/api/commitments/${remindedId}/revocation`, { reason: 'Wrong organisation' });
    // Review and countersign another; the third declines.
    expect((await campaign.signThroughLink(flaggedLink, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' })).status).toBe(200);
    await waitForState(campaign, admin, flaggedId, 'IN_REVIEW');
    await campaign.api(admin, 'POST', `/api/commitments/${flaggedId}/review`, { decision: 'approve', reason: 'The ministry confirmed the signer by phone.' });
    await waitForState(campaign, admin, flaggedId, 'VERIFIED');
    await campaign.api(admin, 'POST', `/api/commitments/${flaggedId}/countersignature`);
    expect((await campaign.decline(decliningLink, 'Our board meets in March.')).status).toBe(200);
    await waitForState(campaign, admin, decliningId, 'DECLINED');
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/closing`);
    await waitForIdle(campaign.appUrl, { executions: [remindedId, flaggedId, decliningId] });

    const { text, head, lines } = await exportedTrail(campaign.appUrl, auditor, declarationId);
    expect(verifyChain(text, head)).toMatchObject({ ok: true, events: lines.length });
    const byAdmin = (type: string, commitmentId?: string, times = 1) => {
      const found = lines.filter((line) => line.type === type && line.commitmentId === commitmentId);
      expect(found, `${type} ${commitmentId ?? 'of the declaration'}`).toHaveLength(times);
      for (const line of found) {
        expect(line, type).toMatchObject({ actorName: 'Ana Admin', actorEmail: 'ana.admin@ec.example.eu' });
        expect(line.actor, type).toMatch(/\S/);
      }
      return found[0]!;
    };
    // The declaration's own events carry no commitment id, and sit in the same chain.
    expect(byAdmin('DECLARATION_CREATED').detail).toMatchObject({ status: 'DRAFT', version: '1.0' });
    expect(byAdmin('DECLARATION_EDITED').detail).toMatchObject({ version: '1.1' });
    expect(byAdmin('NOTIFICATIONS_CHANGED').detail).toMatchObject({ addresses: ['desk@ec.example.eu'], kinds: { digest: false, declined: true } });
    byAdmin('DECLARATION_OPENED');
    for (const commitmentId of [remindedId, flaggedId, decliningId]) byAdmin('INVITED', commitmentId);
    byAdmin('DECLARATION_CLOSED');
    expect(byAdmin('REMINDER_SENT', remindedId).detail).toMatchObject({ requestedByAdmin: true });
    // The resend, and the fresh link the correction sends.
    byAdmin('LINK_RESENT', remindedId, 2);
    byAdmin('CONTACT_CORRECTED', remindedId);
    expect(byAdmin('REVOKED', remindedId).detail).toMatchObject({ reason: 'Wrong organisation' });
    expect(byAdmin('REVIEW_APPROVED', flaggedId).detail).toMatchObject({ reason: 'The ministry confirmed the signer by phone.' });
    byAdmin('COUNTERSIGNED', flaggedId);
    const decline = lines.find((line) => line.type === 'DECLINED' && line.commitmentId === decliningId);
    expect(decline).toMatchObject({ actor: 'operator', detail: { reason: 'Our board meets in March.' } });
    const typesInOrder = lines.map((line) => line.type);
    expect(typesInOrder[0]).toBe('DECLARATION_CREATED');
    expect(typesInOrder.indexOf('DECLARATION_OPENED')).toBeLessThan(typesInOrder.indexOf('INVITED'));
  });

  it('records a review rejection naming the admin', async () => {
    const campaign = client();
    const admin = await adminToken(campaign, 'Bo Reviewer');
    const { id: declarationId } = await campaign.createDeclaration(admin, sampleDeclaration());
    const email = uniqueAddress('rejected');
    const invited = await campaign.invite(admin, declarationId, [invitation(email, { emailDomains: ['another-ministry.example'] })]);
    const commitmentId = invited.results[0]!.commitmentId;
    const link = signingLinkIn((await campaign.waitForEmails(email, carriesSigningLink))[0]!);
    expect((await campaign.signThroughLink(link, { name: 'Signer', title: 'Director' })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'IN_REVIEW');
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/review`, { decision: 'reject', reason: 'Not the registered ministry.' });
    const { lines } = await exportedTrail(campaign.appUrl, admin, declarationId);
    expect(lines.find((line) => line.type === 'REVIEW_REJECTED')).toMatchObject({ commitmentId, actorName: 'Bo Reviewer', actorEmail: 'bo.reviewer@ec.example.eu', detail: { reason: 'Not the registered ministry.' } });
  });
});
