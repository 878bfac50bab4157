import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signingLinkIn } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { waitForIdle } from '../support/workflow-time';

describe('reminding now', () => {
  it('sends one reminder with a fresh link per click, however often the click arrives', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const deadline = new Date(Date.now() + 2 * 24 * 3600_000);
    const declaration = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), deadline: deadline.toISOString(), reminders: { automatic: false } });
    const email = uniqueAddress('remind');
    const invited = await campaign.invite(admin, declaration.id, [invitation(email, {}, 'en')]);
    const commitmentId = invited.results[0]!.commitmentId;
    const [invitationEmail] = await campaign.waitForEmails(email, () => true);

    const clickId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => campaign.api<{ result: string }>(admin, 'POST', `/api/commitments/${commitmentId}/reminders`, { clickId })));
    expect(answers.filter((answer) => answer.result === 'sent')).toHaveLength(1);
    expect(answers.filter((answer) => answer.result === 'already-sent')).toHaveLength(4);
    await campaign.api(admin, 'POST', `/api/declarations/${declaration.id}/reminders`, { commitmentIds: [commitmentId], clickId: randomUUID() });

    const emails = await campaign.waitForEmails(email, () => true, 3);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    const all = (await campaign.mailbox()).filter((sent) => sent.destination.to.some((to) => to.includes(email)));
    expect(all).toHaveLength(3);
    const links = new Set(emails.map((sent) => signingLinkIn(sent)));
    expect(links.size).toBe(3);
    expect(all.filter((sent) => sent.messageId !== invitationEmail!.messageId).map((sent) => sent.subject)).toEqual([expect.stringMatching(/remind/i), expect.stringMatching(/remind/i)]);

    const { events } = await campaign.api<{ events: { type: string; actor: string }[] }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(events.filter((event) => event.type === 'REMINDER_SENT').map((event) => event.actor)).toEqual(['local-commission-admin', 'local-commission-admin']);
  });

  it('refuses to remind a commitment that no longer awaits a signature', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const invited = await campaign.invite(admin, id, [invitation(uniqueAddress())]);
    const commitmentId = invited.results[0]!.commitmentId;
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/revocation`, { reason: 'Sent to the wrong organisation.' });
    await expect(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/reminders`, { clickId: randomUUID() })).rejects.toMatchObject({ status: 409 });
    const bulk = await campaign.api<{ notAwaiting: number; results: { result: string }[] }>(admin, 'POST', `/api/declarations/${id}/reminders`, { allAwaiting: true, clickId: randomUUID() });
    expect(bulk.results).toEqual([]);
  });
});
