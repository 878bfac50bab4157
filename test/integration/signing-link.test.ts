import { describe, expect, it } from 'vitest';
import { signingLinkIn } from '../../infra/local/campaign-client';
import { auditEvents, commitmentItems, commitmentState, invitedCommitment } from '../support/campaign';

describe('the emailed signing link', () => {
  it('changes nothing when opened by GET or HEAD, however often (mail scanners open every link)', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, (mail) => mail.subject.startsWith('Invitation'));
    const link = signingLinkIn(invitationEmail!);
    const before = await commitmentItems(commitmentId);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => fetch(link, { method: index % 2 === 0 ? 'GET' : 'HEAD' })));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const head = responses[1]!;
    expect(await head.text()).toBe('');
    expect(head.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await commitmentItems(commitmentId)).toEqual(before);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
  });

  it('gives exactly one signature to 20 concurrent submissions', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, (mail) => mail.subject.startsWith('Invitation'));
    const link = signingLinkIn(invitationEmail!);
    const form = await campaign.readSigningForm(link);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        campaign.signThroughLink(link, { name: `Signer ${index}`, title: 'Director' }, {}, form).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(19);
    expect((await auditEvents(campaign, admin, commitmentId)).filter((event) => event.type === 'SIGNED')).toHaveLength(1);
  });

  it('answers an unknown or malformed link with 404 and a page naming the Commission contact', async () => {
    const { campaign } = await invitedCommitment();
    for (const secret of ['A'.repeat(43), 'short', '..%2F..%2Fetc%2Fpasswd']) {
      const response = await fetch(`${campaign.appUrl}/sign/${secret}`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).toContain('We do not recognise this link');
      expect(text).toContain('mailto:');
    }
  });

  it('re-shows the form with the problems named when a required commitment is not accepted, and signs nothing', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, (mail) => mail.subject.startsWith('Invitation'));
    const link = signingLinkIn(invitationEmail!);
    const response = await campaign.signThroughLink(link, { name: '<script>alert(1)</script>', title: 'Director' }, { accepted: ['risk-analysis'] });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('is required');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
  });
});
