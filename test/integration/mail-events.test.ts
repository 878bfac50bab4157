import { describe, expect, it } from 'vitest';
import { HttpError, signingLinkIn, type CampaignClient } from '../../tools/campaign/campaign-client';
import { auditEvents, client, invitation, invitedCommitment, uniqueAddress } from '../support/campaign';
import { carriesSigningLink } from '../support/flows';
import { publishMailEvent, sesEventNotification, type SesEventFixture } from '../support/ses-events';

type Undeliverable = { kind: string; permanent: boolean; detail: string; address: string; mailPurpose?: string };
type CommitmentView = { commitment: { state: string; organisation: { email: string }; undeliverable?: Undeliverable } };


async function invitedAndMailed() {
  const invited = await invitedCommitment();
  const [mail] = await invited.campaign.waitForEmails(invited.email, carriesSigningLink);
  return { ...invited, messageId: mail!.messageId };
}

const view = (campaign: CampaignClient, admin: string, commitmentId: string) => campaign.api<CommitmentView>(admin, 'GET', `/api/commitments/${commitmentId}`);
const eventsOfType = async (campaign: CampaignClient, admin: string, commitmentId: string, type: string) =>
  (await auditEvents(campaign, admin, commitmentId)).filter((event) => event.type === type);

describe('bounces, complaints, rejects and delays reported by SES', () => {
  it('marks the contact of a bounced invitation undeliverable, shows it in the list and the detail, and records it once', async () => {
    const { campaign, admin, declarationId, commitmentId, email, messageId } = await invitedAndMailed();
    const bounce = sesEventNotification('bounce', { commitmentId, address: email, messageId });

    const first = await publishMailEvent(campaign.appUrl, bounce);
    expect(first).toMatchObject({ status: 200, body: { delivered: [{ functionId: 'record-mail-event', result: { outcomes: [{ commitmentId, result: 'marked' }] } }] } });
    const { commitment } = await view(campaign, admin, commitmentId);
    expect(commitment.undeliverable).toMatchObject({ kind: 'BOUNCE', permanent: true, address: email, mailPurpose: 'invitation' });
    expect(commitment.undeliverable!.detail).toContain('refused the email');
    const status = await campaign.api<{ commitments: { id: string; undeliverable?: Undeliverable }[] }>(admin, 'GET', `/api/declarations/${declarationId}`);
    expect(status.commitments.find((row) => row.id === commitmentId)?.undeliverable).toMatchObject({ kind: 'BOUNCE', permanent: true });

    // SNS delivers at least once: the same notification again changes nothing.
    const again = await publishMailEvent(campaign.appUrl, bounce);
    expect(again.body).toMatchObject({ delivered: [{ result: { outcomes: [{ result: 'duplicate' }] } }] });
    expect(await eventsOfType(campaign, admin, commitmentId, 'MAIL_BOUNCED')).toHaveLength(1);
    expect(commitment.state).toBe('INVITED');
  });

  it.each([
    ['complaint', 'COMPLAINT', 'MAIL_COMPLAINED'],
    ['reject', 'REJECT', 'MAIL_REJECTED'],
    ['delivery-delay', 'DELIVERY_DELAY', 'MAIL_DELAYED'],
  ] as const)('marks the contact undeliverable on a recorded %s, with its audit event', async (fixture: SesEventFixture, kind, eventType) => {
    const { campaign, admin, commitmentId, email, messageId } = await invitedAndMailed();
    const published = await publishMailEvent(campaign.appUrl, sesEventNotification(fixture, { commitmentId, address: email, messageId }));
    expect(published.status).toBe(200);
    expect((await view(campaign, admin, commitmentId)).commitment.undeliverable).toMatchObject({ kind, address: email });
    const [event] = await eventsOfType(campaign, admin, commitmentId, eventType);
    expect(event).toMatchObject({ actor: 'ses', detail: { kind, sesMessageId: messageId, currentContact: true } });
  });

  it('ignores a notification about mail without a commitment tag and refuses what is not an SNS notification', async () => {
    const campaign = client();
    const untagged = sesEventNotification('bounce', { commitmentId: 'not-ours', address: uniqueAddress(), messageId: 'm-1' });
    expect((await publishMailEvent(campaign.appUrl, untagged)).body).toMatchObject({ delivered: [{ result: { outcomes: [{ result: 'ignored' }] } }] });
    expect((await publishMailEvent(campaign.appUrl, { hello: 'world' })).status).toBe(400);
  });
});

describe('correcting the address of an undeliverable contact', () => {
  it('moves the address and its guard in one change, clears the mark, and sends a fresh link to the corrected address', async () => {
    const { campaign, admin, declarationId, commitmentId, email, messageId } = await invitedAndMailed();
    await publishMailEvent(campaign.appUrl, sesEventNotification('bounce', { commitmentId, address: email, messageId }));
    const corrected = uniqueAddress('corrected');

    const answer = await campaign.api<{ commitment: { organisation: { email: string }; undeliverable?: unknown }; link: { result: string } }>(
      admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: `  ${corrected.toUpperCase()} ` });
    expect(answer.commitment.organisation.email).toBe(corrected);
    expect(answer.commitment.undeliverable).toBeUndefined();
    expect(answer.link).toMatchObject({ result: 'sent' });

    const { commitment } = await view(campaign, admin, commitmentId);
    expect(commitment.organisation.email).toBe(corrected);
    expect(commitment.undeliverable).toBeUndefined();
    const [event] = await eventsOfType(campaign, admin, commitmentId, 'CONTACT_CORRECTED');
    expect(event).toMatchObject({ detail: { previousEmail: email, email: corrected, problem: 'BOUNCE' } });
    const [fresh] = await campaign.waitForEmails(corrected, carriesSigningLink);
    expect(signingLinkIn(fresh!)).toMatch(/\/sign\//);

    // The old address is free again in this declaration; the corrected one is taken.
    const reinvited = await campaign.invite(admin, declarationId, [invitation(email)]);
    expect(reinvited.results[0]).toMatchObject({ status: 'invited' });
    expect(reinvited.results[0]!.commitmentId).not.toBe(commitmentId);
    const taken = await campaign.api(admin, 'POST', `/api/commitments/${reinvited.results[0]!.commitmentId}/contact`, { email: corrected }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(HttpError);
    expect((taken as HttpError).status).toBe(409);
    expect((taken as HttpError).body).toContain('already invited at that address');
  });

  it('records a late report about the old address without marking the corrected contact', async () => {
    const { campaign, admin, commitmentId, email, messageId } = await invitedAndMailed();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: uniqueAddress('new-contact') });
    const late = await publishMailEvent(campaign.appUrl, sesEventNotification('bounce', { commitmentId, address: email, messageId }));
    expect(late.body).toMatchObject({ delivered: [{ result: { outcomes: [{ result: 'other-address' }] } }] });
    expect((await view(campaign, admin, commitmentId)).commitment.undeliverable).toBeUndefined();
    expect(await eventsOfType(campaign, admin, commitmentId, 'MAIL_BOUNCED')).toMatchObject([{ detail: { currentContact: false } }]);
  });

  it('refuses a malformed address with 400, an auditor with 403, and the same address with 400, changing nothing', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const attempt = (token: string, body: unknown) => campaign.api(token, 'POST', `/api/commitments/${commitmentId}/contact`, body).catch((error: unknown) => error as HttpError);
    expect(await attempt(admin, { email: 'not an address' })).toMatchObject({ status: 400 });
    expect(await attempt(admin, { email: uniqueAddress(), extra: true })).toMatchObject({ status: 400 });
    expect(await attempt(admin, { email })).toMatchObject({ status: 400 });
    expect(await attempt(await campaign.token('auditor'), { email: uniqueAddress() })).toMatchObject({ status: 403 });
    expect((await view(campaign, admin, commitmentId)).commitment.organisation.email).toBe(email);
    expect(await eventsOfType(campaign, admin, commitmentId, 'CONTACT_CORRECTED')).toHaveLength(0);
  });

  it('corrects the contact of a revoked commitment without sending a link, and says how to send one', async () => {
    const { campaign, admin, commitmentId } = await invitedCommitment();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/revocation`, { reason: 'Invited by mistake' });
    const corrected = uniqueAddress('revoked-contact');
    const answer = await campaign.api<{ link: { result: string; message: string } }>(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: corrected });
    expect(answer.link.result).toBe('not-needed');
    expect(answer.link.message).toContain('REVOKED');
    expect(await campaign.emailsTo(corrected)).toHaveLength(0);
  });
});
