import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { hashLinkSecret } from '../../functions/domain/hashing';
import { hashSessionId } from '../../functions/domain/signing';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { localStack } from '../support/local-stack';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { auditEvents, commitmentItems, commitmentState, waitForState } from '../support/campaign';
import { invitedOperator, logLines, openForm } from '../support/signing';
import { waitForIdle } from '../support/workflow-time';

const el = messagesFor('el');

const tableClient = () => DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));

describe('the emailed signing link', () => {
  it('changes nothing when opened 100 times by GET or HEAD (mail scanners open every link)', async () => {
    const { campaign, admin, commitmentId, operator } = await invitedOperator();
    // The invitation email can arrive before the task that sent it has recorded INVITATION_SENT.
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    const before = await commitmentItems(commitmentId);
    const responses: Response[] = [];
    for (let batch = 0; batch < 4; batch++) {
      responses.push(...(await Promise.all(Array.from({ length: 25 }, (_, index) => operator.landing(index % 2 === 0 ? 'GET' : 'HEAD')))));
    }
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    const head = responses[1]!;
    expect(head.body).toBeNull();
    expect(head.headers.get('referrer-policy')).toBe('no-referrer');
    expect(head.headers.get('set-cookie')).toBeNull();
    expect(await commitmentItems(commitmentId)).toEqual(before);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
    expect((await auditEvents(campaign, admin, commitmentId)).map((event) => event.type)).toEqual(['INVITED', 'INVITATION_SENT']);
  });

  it('shows a landing page that records nothing, and exchanges the link on Continue for a session at an address without the secret', async () => {
    const { campaign, admin, commitmentId, link, operator } = await invitedOperator();
    const landing = await operator.landing();
    const html = await landing.text();
    expect(html).toContain('<html lang="el">');
    expect(html).toContain(el.landing.nothingRecorded);
    expect(html).toContain(el.landing.codeNotice('s…@customs.gr.example'));
    expect(html).not.toMatch(/<script/i);

    const opened = await operator.open();
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/signing');
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^signing-session=cmt_[0-9a-hjkmnp-tv-z]{26}\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(link.slice(link.lastIndexOf('/') + 1));
    const events = await auditEvents(campaign, admin, commitmentId);
    expect(events.map((event) => event.type)).toEqual(['INVITED', 'INVITATION_SENT', 'VIEWED', 'CODE_SENT']);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');

    const page = await operator.page();
    expect(page.status).toBe(200);
    expect(page.html).toContain(el.code.title);
  });

  it('names its commitment in the link and the session, and refuses either once it names another commitment', async () => {
    const first = await invitedOperator();
    const second = await invitedOperator();
    const secret = first.link.slice(first.link.lastIndexOf('/') + 1);
    expect(secret.startsWith(`${first.commitmentId}.`)).toBe(true);
    const random = secret.slice(secret.indexOf('.') + 1);
    // The first link's random part under the second commitment's id: a link of nobody.
    const forged = first.campaign.operator(first.link.replace(secret, `${second.commitmentId}.${random}`), { recipient: first.email });
    expect((await forged.landing()).status).toBe(404);
    expect((await forged.open()).status).toBe(404);

    await openForm(first.operator);
    const cookie = first.operator.cookie!;
    const sessionId = cookie.slice(cookie.indexOf('=') + 1);
    expect(sessionId.startsWith(`${first.commitmentId}.`)).toBe(true);
    const namedOther = `${cookie.slice(0, cookie.indexOf('=') + 1)}${second.commitmentId}.${sessionId.slice(sessionId.indexOf('.') + 1)}`;
    expect((await first.operator.send('/signing', { cookie: namedOther })).status).toBe(404);
    const form = await first.operator.readForm();
    const signed = await first.operator.send('/signing', { cookie: namedOther, body: first.operator.signFields(form, { name: 'Nobody', title: 'None' }).toString() });
    expect(signed.status).toBe(404);
    expect(await commitmentState(first.campaign, first.admin, first.commitmentId)).toBe('INVITED');
    expect(await commitmentState(second.campaign, second.admin, second.commitmentId)).toBe('INVITED');
    // The session itself still works under its own commitment.
    expect((await first.operator.page()).status).toBe(200);
  });

  it('still opens a link emailed, and serves a session opened, before secrets and ids named their commitment', async () => {
    const { campaign, admin, commitmentId, email, link, operator } = await invitedOperator();
    const db = tableClient();
    const copy = async (from: { PK: string; SK: string }, to: { PK: string; SK: string }) => {
      const { Item } = await db.send(new GetCommand({ TableName: localStack().aws.tableName, Key: from, ConsistentRead: true }));
      await db.send(new PutCommand({ TableName: localStack().aws.tableName, Item: { ...Item, ...to } }));
    };
    const secret = link.slice(link.lastIndexOf('/') + 1);
    const olderSecret = randomBytes(32).toString('base64url');
    await copy({ PK: `LINK#${hashLinkSecret(secret)}`, SK: 'LINK' }, { PK: `LINK#${hashLinkSecret(olderSecret)}`, SK: 'LINK' });
    const older = campaign.operator(link.replace(secret, olderSecret), { recipient: email });
    expect((await older.landing()).status).toBe(200);
    expect((await older.open()).status).toBe(303);

    await openForm(operator);
    const cookie = operator.cookie!;
    const sessionId = cookie.slice(cookie.indexOf('=') + 1);
    const olderSessionId = randomBytes(32).toString('base64url');
    await copy({ PK: `SESSION#${hashSessionId(sessionId)}`, SK: 'SESSION' }, { PK: `SESSION#${hashSessionId(olderSessionId)}`, SK: 'SESSION' });
    const olderCookie = `${cookie.slice(0, cookie.indexOf('=') + 1)}${olderSessionId}`;
    expect((await operator.send('/signing', { cookie: olderCookie })).status).toBe(200);
    operator.cookie = olderCookie;
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
  });

  it('gives exactly one signature, one workflow callback and one confirmation email to 50 concurrent sign POSTs', async () => {
    const { campaign, admin, commitmentId, email, operator } = await invitedOperator();
    await openForm(operator);
    const form = await operator.readForm();
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, index) => operator.sign({ name: `Signer ${index}`, title: 'Director' }, {}, form).then((response) => response.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(49);

    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    const events = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(events.filter((type) => type === 'SIGNED')).toHaveLength(1);
    expect(events.filter((type) => type === 'VERIFIED')).toHaveLength(1);
    const callbacks = logLines().filter((line) => line.message === 'signature recorded' && line.commitmentId === commitmentId);
    expect(callbacks.map((line) => line.callback)).toEqual(['delivered']);
    await campaign.waitForEmails(email, isEmailFor('signature-confirmation'));
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await campaign.emailsTo(email).then((emails) => emails.filter(isEmailFor('signature-confirmation')))).toHaveLength(1);
  });

  it('answers an unknown or malformed link with 404 and a page naming the Commission contact', async () => {
    const { campaign } = await invitedOperator();
    for (const secret of ['A'.repeat(43), 'short', '..%2F..%2Fetc%2Fpasswd']) {
      const response = await fetch(`${campaign.appUrl}/sign/${secret}`, { headers: { 'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5' } });
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).toContain(messagesFor('fr').problems.linkUnknown.title);
      expect(text).toContain('mailto:');
    }
  });

  it('shows the form again in the invitation’s language, each problem at its field, when a required commitment is not accepted, and signs nothing', async () => {
    const { campaign, admin, commitmentId, operator } = await invitedOperator();
    await openForm(operator);
    const response = await operator.sign({ name: '<script>alert(1)</script>', title: 'Director' }, { accepted: ['risk-analysis'], consent: [] });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="el">');
    expect(html).toContain('id="c-scanning-error"');
    expect(html).toMatch(/id="c-scanning"[^>]*aria-describedby="c-scanning-error"[^>]*aria-invalid="true"/);
    expect(html).toContain(el.form.errorConsent);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
    // The session is still open: the corrected form signs.
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' })).status).toBe(200);
  });

  it('serves its pages with a policy that allows no other origin, no script and no framing, and no referrer', async () => {
    const { operator } = await invitedOperator();
    const landing = await operator.landing();
    const policy = landing.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toMatch(/https?:|script-src|unsafe-inline|\*/);
    expect(landing.headers.get('referrer-policy')).toBe('no-referrer');
    expect(landing.headers.get('x-frame-options')).toBe('DENY');
    expect(landing.headers.get('cache-control')).toBe('no-store');
    // Plain HTTP locally: HSTS would be meaningless (tested for HTTPS in the unit tests).
    expect(landing.headers.get('strict-transport-security')).toBeNull();
    await openForm(operator);
    const form = await operator.page();
    expect(form.response.headers.get('content-security-policy')).toBe(policy);
  });
});
