import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn, type CampaignClient, type MailboxEmail } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import type { NotificationSettingsInput } from '../../functions/domain/notifications';
import { client, invitation, uniqueAddress, waitForState } from '../support/campaign';
import { carriesSigningLink } from '../support/flows';
import { publishMailEvent, sesEventNotification } from '../support/ses-events';
import { waitForIdle } from '../support/workflow-time';

const isTeamNotification = isEmailFor('team-notification');

/** A team address of its own per test, so that its mailbox counts only what the test caused. */
const teamAddress = (name = 'team') => uniqueAddress(name).replace('@customs.gr.example', '@ec.example.eu');

/** A declaration whose team is `addresses`, one organisation invited, and its invitation's link. */
async function campaignWithTeam(notifications: NotificationSettingsInput, organisation: Parameters<typeof invitation>[1] = {}) {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const declaration = await campaign.createDeclaration(admin, { ...sampleDeclaration(), notifications });
  const email = uniqueAddress();
  const invited = await campaign.invite(admin, declaration.id, [invitation(email, organisation)]);
  const [mail] = await campaign.waitForEmails(email, carriesSigningLink);
  return { campaign, admin, declarationId: declaration.id, commitmentId: invited.results[0]!.commitmentId, email, link: signingLinkIn(mail!), mail: mail! };
}

async function teamEmails(campaign: CampaignClient, address: string): Promise<MailboxEmail[]> {
  return (await campaign.emailsTo(address)).filter(isTeamNotification);
}

describe('the Commission team hears what needs it', () => {
  it('emails every listed address once when an organisation declines, with its reason and a link to the commitment', async () => {
    const [first, second] = [teamAddress('first'), teamAddress('second')];
    const { campaign, declarationId, commitmentId, link } = await campaignWithTeam({ addresses: [first, second] });
    expect((await campaign.decline(link, 'Our minister has not yet approved the <text>.')).status).toBe(200);

    for (const address of [first, second]) {
      const [mail] = await campaign.waitForEmails(address, isTeamNotification);
      expect(mail!.subject).toMatch(/^Declined: /);
      expect(mail!.body.text).toContain('Their reason: Our minister has not yet approved the <text>.');
      expect(mail!.body.text).toContain(`/console/commitments/${commitmentId}`);
    }
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await teamEmails(campaign, first)).toHaveLength(1);
    expect(await teamEmails(campaign, second)).toHaveLength(1);
    expect(declarationId).toMatch(/^dcl_/);
  });

  it('sends nothing for a kind switched off while the declaration is open', async () => {
    const team = teamAddress();
    const { campaign, admin, declarationId, commitmentId, link } = await campaignWithTeam({ addresses: [team] });
    const updated = await campaign.api<{ notifications: unknown }>(admin, 'PUT', `/api/declarations/${declarationId}/notifications`, { addresses: [team], kinds: { declined: false } });
    expect(updated.notifications).toEqual({ addresses: [team], kinds: { review: true, failure: true, undeliverable: true, declined: false, digest: true } });

    expect((await campaign.decline(link, 'Not this year.')).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'DECLINED');
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await teamEmails(campaign, team)).toHaveLength(0);
  });

  it('emails the team when a signature is flagged for review, naming the check that failed', async () => {
    const team = teamAddress();
    const { campaign, admin, commitmentId, link } = await campaignWithTeam({ addresses: [team] }, { emailDomains: ['another-ministry.example'] });
    expect((await campaign.signThroughLink(link, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'IN_REVIEW');
    const [mail] = await campaign.waitForEmails(team, isTeamNotification);
    expect(mail!.subject).toMatch(/^Review needed: /);
    expect(mail!.body.text).toContain('another-ministry.example');
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await teamEmails(campaign, team)).toHaveLength(1);
  });

  it('emails the team once per bounce, even when SNS delivers the report twice, and not for a delay', async () => {
    const team = teamAddress();
    const { campaign, commitmentId, email, mail } = await campaignWithTeam({ addresses: [team] });
    const delay = await publishMailEvent(campaign.appUrl, sesEventNotification('delivery-delay', { commitmentId, address: email, messageId: mail.messageId }));
    expect(delay.status).toBe(200);
    expect(await teamEmails(campaign, team)).toHaveLength(0);

    const bounce = sesEventNotification('bounce', { commitmentId, address: email, messageId: mail.messageId });
    expect((await publishMailEvent(campaign.appUrl, bounce)).status).toBe(200);
    expect((await publishMailEvent(campaign.appUrl, bounce)).status).toBe(200);
    const emails = await teamEmails(campaign, team);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/^Undeliverable contact: /);
    expect(emails[0]!.body.text).toContain(`Address: ${email}`);
  });

  it('refuses bad settings with a message, changes nothing, and refuses any change once the declaration is closed', async () => {
    const team = teamAddress();
    const { campaign, admin, declarationId } = await campaignWithTeam({ addresses: [team] });
    const refused = await fetch(`${campaign.appUrl}/api/declarations/${declarationId}/notifications`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ addresses: ['not an address'], kinds: {} }),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('valid address');
    const empty = await fetch(`${campaign.appUrl}/api/declarations/${declarationId}/notifications`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    const status = await campaign.api<{ declaration: { notifications: { addresses: string[] } } }>(admin, 'GET', `/api/declarations/${declarationId}`);
    expect(status.declaration.notifications.addresses).toEqual([team]);

    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/closing`);
    const closed = await fetch(`${campaign.appUrl}/api/declarations/${declarationId}/notifications`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ addresses: [], kinds: {} }),
    });
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { message: string }).message).toContain('closed');
  });
});
