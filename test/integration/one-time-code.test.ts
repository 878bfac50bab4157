import { describe, expect, it } from 'vitest';
import { HttpError, isEmailFor, signingLinkIn, type CampaignClient } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { auditEvents, commitmentItems, commitmentState, waitForState } from '../support/campaign';
import { LINK_LOCKED_LOG_MESSAGE } from '../../functions/shared/monitored-log-messages';
import { invitedOperator, logLines } from '../support/signing';
import { waitForIdle } from '../support/workflow-time';

const el = messagesFor('el');
const formToken = (html: string) => /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
/** How many times the commitment's link was resent, as the console reads it. */
async function resendsOf(campaign: CampaignClient, admin: string, commitmentId: string): Promise<number> {
  return (await campaign.api<{ commitment: { resends?: number } }>(admin, 'GET', `/api/commitments/${commitmentId}`)).commitment.resends ?? 0;
}

describe('the one-time code', () => {
  it('is emailed on Continue, is stored only as a keyed hash, and is needed before signing or declining', async () => {
    const { campaign, admin, commitmentId, email, operator } = await invitedOperator();
    await operator.open();
    const [codeEmail] = await campaign.waitForEmails(email, isEmailFor('one-time-code'));
    expect(codeEmail!.subject).toBe(el.email.codeSubject);
    expect(codeEmail!.subject).not.toMatch(/[0-9]{6}/);
    const code = await operator.emailedCode();
    const items = await commitmentItems(commitmentId);
    const stored = items.find((item) => item.SK === 'OTP');
    expect(stored?.codeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(items)).not.toContain(`"${code}"`);

    const { html } = await operator.page();
    expect(html).toContain(el.code.title);
    for (const body of [`csrf=${formToken(html)}&action=sign&signerName=A&signerTitle=B`, `csrf=${formToken(html)}&action=decline&reason=No`]) {
      const refused = await operator.send('/signing', { body });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain(el.problems.codeRequired.title);
    }
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
  });

  it('opens a session for each of five Continues at once (clicks on a slow page), with each viewed event before its code\'s', async () => {
    const { campaign, admin, commitmentId, email, link } = await invitedOperator();
    const clicks = Array.from({ length: 5 }, () => campaign.operator(link, { recipient: email }));
    const answers = await Promise.all(clicks.map((click) => click.open()));
    expect(answers.map((answer) => answer.status)).toEqual([303, 303, 303, 303, 303]);
    for (const click of clicks) expect((await click.page()).html).toContain(el.code.title);
    // A Continue that reads the record after another stored its code finds a live one and emails none.
    const types = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type).filter((type) => type === 'VIEWED' || type === 'CODE_SENT');
    const codesSent = types.filter((type) => type === 'CODE_SENT').length;
    expect(types.filter((type) => type === 'VIEWED')).toHaveLength(5);
    expect(codesSent).toBeGreaterThanOrEqual(1);
    expect(codesSent).toBeLessThanOrEqual(5);
    // Each code was emailed once it was stored, before its Continue answered.
    expect((await campaign.emailsTo(email)).filter(isEmailFor('one-time-code'))).toHaveLength(codesSent);
    // Each Continue wrote its session's event and its code's together, the code's after: however
    // the Continues' events interleave when they share an instant, no code comes before its view.
    types.forEach((_, index) => {
      const before = types.slice(0, index + 1);
      expect(before.filter((type) => type === 'VIEWED').length).toBeGreaterThanOrEqual(before.filter((type) => type === 'CODE_SENT').length);
    });
  });

  it('accepts a code typed with spaces, and a new code replaces the one before', async () => {
    const { operator } = await invitedOperator();
    await operator.open();
    const first = await operator.emailedCode();
    expect((await operator.requestCode()).status).toBe(303);
    const second = await operator.emailedCode();
    if (first !== second) {
      const refused = await operator.enterCode(first);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(el.code.errorWrong(4));
    }
    expect((await operator.enterCode(`${second.slice(0, 3)} ${second.slice(3)}`)).status).toBe(303);
    expect((await operator.readForm()).commitmentIds).toEqual(['risk-analysis', 'scanning']);
  });

  it('locks the link after five wrong codes until an admin resends it, then signs through the new link', async () => {
    const { campaign, admin, commitmentId, email, link, operator } = await invitedOperator();
    await operator.open();
    const code = await operator.emailedCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const refused = await operator.enterCode(wrong);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain(el.code.errorWrong(5 - attempt));
    }
    const locked = await operator.enterCode(wrong);
    expect(locked.status).toBe(403);
    expect(await locked.text()).toContain(el.problems.linkLocked.title);
    // Locked: the right code, the session and the link itself are all refused.
    expect((await operator.send('/signing/code', { body: `code=${code}` })).status).toBe(403);
    expect((await operator.page()).status).toBe(403);
    expect((await campaign.operator(link).landing()).status).toBe(403);
    const types = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(types.filter((type) => type === 'CODE_REJECTED')).toHaveLength(5);
    expect(types.filter((type) => type === 'LINK_LOCKED')).toHaveLength(1);
    // The line the deployment's lock-out alarm counts (infra/monitoring.ts), once.
    expect(logLines().filter((line) => line.message === LINK_LOCKED_LOG_MESSAGE && line.commitmentId === commitmentId)).toHaveLength(1);

    const auditor = await campaign.token('auditor');
    await expect(campaign.api(auditor, 'POST', `/api/commitments/${commitmentId}/resend`)).rejects.toMatchObject({ status: 403 });
    const resent = await campaign.api<{ resend: number; unlocked: boolean }>(admin, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 0 });
    expect(resent).toMatchObject({ resend: 1, unlocked: true });
    const [newLinkEmail] = await campaign.waitForEmails(email, isEmailFor('new-link'));
    expect(newLinkEmail!.subject).toContain(el.email.newLinkSubject('').slice(0, 10));
    const newLink = signingLinkIn(newLinkEmail!);
    expect(newLink).not.toBe(link);
    expect((await auditEvents(campaign, admin, commitmentId)).map((event) => event.type)).toContain('LINK_RESENT');

    const signed = await campaign.signThroughLink(newLink, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' }, { recipient: email });
    expect(signed.status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
  });

  it('sends one email for a double click on resend even when the second request comes after the first has finished, and resends again with the new count', async () => {
    const { campaign, admin, commitmentId, email } = await invitedOperator();
    const resend = (body?: unknown) => campaign.api<{ resend: number }>(admin, 'POST', `/api/commitments/${commitmentId}/resend`, body);
    // Both clicks carry the count the page showed (none yet); the first has finished before the second arrives.
    expect(await resend({ seenResends: 0 })).toMatchObject({ resend: 1 });
    const stale = await resend({ seenResends: 0 }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(HttpError);
    expect((stale as HttpError).status).toBe(409);
    expect(JSON.parse((stale as HttpError).body)).toMatchObject({ code: 'ALREADY_DONE', message: expect.stringContaining('already resent') });
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect((await campaign.emailsTo(email)).filter(isEmailFor('new-link'))).toHaveLength(1);
    expect((await auditEvents(campaign, admin, commitmentId)).filter((event) => event.type === 'LINK_RESENT')).toHaveLength(1);
    expect(await resendsOf(campaign, admin, commitmentId)).toBe(1);

    // A count the link never had is refused as well, and changes nothing.
    await expect(resend({ seenResends: 5 })).rejects.toMatchObject({ status: 409 });
    // With the count the page shows after the first resend, a second one goes.
    expect(await resend({ seenResends: 1 })).toMatchObject({ resend: 2 });
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect((await campaign.emailsTo(email)).filter(isEmailFor('new-link'))).toHaveLength(2);
    expect(await resendsOf(campaign, admin, commitmentId)).toBe(2);
  });

  it('sends one email for two resends with the same count that cross, and resends only what still awaits a signature', async () => {
    const { campaign, admin, commitmentId, email, link } = await invitedOperator();
    const answers = await Promise.allSettled([1, 2].map(() => campaign.api<{ resend: number }>(admin, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 0 })));
    const sent = answers.filter((answer) => answer.status === 'fulfilled');
    expect(sent).toHaveLength(1);
    const refused = answers.find((answer) => answer.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(HttpError);
    expect(((refused as PromiseRejectedResult).reason as HttpError).status).toBe(409);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect((await campaign.emailsTo(email)).filter(isEmailFor('new-link'))).toHaveLength(1);
    expect(await resendsOf(campaign, admin, commitmentId)).toBe(1);

    expect((await campaign.signThroughLink(link, { name: 'A Signer', title: 'Director' }, { recipient: email })).status).toBe(200);
    await expect(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 1 })).rejects.toMatchObject({ status: 409 });
  });

  it('asks a resend that says nothing (no body, or {}) for the count its sender saw (428), and refuses a body without a count that is one, changing nothing', async () => {
    const { campaign, admin, commitmentId, email } = await invitedOperator();
    const resend = (body?: unknown) => campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/resend`, body).catch((error: unknown) => error as HttpError);
    for (const body of [undefined, {}]) {
      const refused = await resend(body);
      expect(refused).toMatchObject({ status: 428 });
      expect(JSON.parse((refused as HttpError).body)).toMatchObject({ code: 'PRECONDITION_REQUIRED', message: expect.stringContaining('seenResends') });
    }
    for (const body of [{ seenResends: -1 }, { seenResends: 0.5 }, { seenResends: '0' }, { seenResends: 0, other: true }, { other: true }, []]) {
      expect(await resend(body), JSON.stringify(body)).toMatchObject({ status: 400 });
    }
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect((await campaign.emailsTo(email)).filter(isEmailFor('new-link'))).toHaveLength(0);
    expect((await auditEvents(campaign, admin, commitmentId)).map((event) => event.type)).not.toContain('LINK_RESENT');
    expect(await resendsOf(campaign, admin, commitmentId)).toBe(0);
  });

  it('is not asked for when the declaration switches it off, and verification says the link alone identified the signer', async () => {
    const { campaign, admin, commitmentId, email, operator } = await invitedOperator({ declaration: { oneTimeCode: false } });
    expect(await (await operator.landing()).text()).not.toContain('s…@customs.gr.example');
    expect((await operator.open()).status).toBe(303);
    expect((await operator.readForm()).commitmentIds.length).toBeGreaterThan(0);
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    const { commitment } = await campaign.api<{ commitment: { verification: { checks: { check: string; passed: boolean; detail: string }[] } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.verification.checks.find((check) => check.check === 'one-time-code')).toMatchObject({ passed: true, detail: expect.stringContaining('does not ask for a one-time code') });
    expect((await campaign.emailsTo(email)).filter(isEmailFor('one-time-code'))).toHaveLength(0);
  });
});
