import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { executionNameOf } from '../../functions/domain/rounds';
import { messagesFor } from '../../templates/i18n';
import { auditEvents, commitmentState, executionStatus, invitedCommitment } from '../support/campaign';
import { invitedOperator } from '../support/signing';
import { countEmails } from '../support/flows';
import { localStack } from '../support/local-stack';
import { advanceClock, stackTime, waitForIdle } from '../support/workflow-time';

/**
 * Rounds and extensions as the stack's clock moves: an expired invitation invited again runs a
 * round of its own, and an extended invitation outlives the timer of its old expiry. Between the
 * invitation, its one reminder and expiry lies a reminder interval (a day on the test stacks).
 */
const el = messagesFor('el');
const interval = () => localStack().timings.reminderIntervalSeconds;
const invitations = isEmailFor('invitation');
const reminders = isEmailFor('reminder');

async function passTime(seconds: number, execution: string): Promise<void> {
  const appUrl = localStack().urls.app;
  await advanceClock(appUrl, seconds);
  await waitForIdle(appUrl, { executions: [execution] });
}

async function invitedAndMailed() {
  const invited = await invitedCommitment();
  const [mail] = await invited.campaign.waitForEmails(invited.email, invitations);
  await waitForIdle(invited.campaign.appUrl, { executions: [invited.commitmentId] });
  const { commitment } = await invited.campaign.api<{ commitment: { invitedAt: string } }>(invited.admin, 'GET', `/api/commitments/${invited.commitmentId}`);
  return { ...invited, link: signingLinkIn(mail!), invitedAt: Date.parse(commitment.invitedAt) };
}

describe('an expired invitation invited again', () => {
  it('runs a new round with its own execution, emails and expiry, keeping the expired round on the record', async () => {
    const { campaign, admin, commitmentId, email, link } = await invitedAndMailed();
    await passTime(interval(), commitmentId);
    await passTime(interval(), commitmentId);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('EXPIRED');
    const expiredPage = await fetch(link);
    expect(expiredPage.status).toBe(410);
    expect(await expiredPage.text()).toContain(el.problems.linkExpired.next);

    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {});
    const round2 = executionNameOf(commitmentId, 2);
    await waitForIdle(campaign.appUrl, { executions: [round2] });
    const sent = await campaign.waitForEmails(email, invitations, 2);
    const newLink = signingLinkIn(sent[1]!);
    expect((await fetch(newLink)).status).toBe(200);
    expect((await fetch(link)).status).toBe(410);
    expect(await executionStatus(commitmentId)).not.toBe('RUNNING');
    expect(await executionStatus(round2)).toBe('RUNNING');

    // The new round is reminded and expires on its own schedule, from its own invitation.
    await passTime(interval(), round2);
    expect(await countEmails(campaign, email, reminders)).toBe(2);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
    await passTime(interval(), round2);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('EXPIRED');
    expect(await executionStatus(round2)).toBe('SUCCEEDED');
    expect((await fetch(newLink)).status).toBe(410);

    const { commitment } = await campaign.api<{ commitment: { round: number; rounds: { round: number; state: string }[] } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment).toMatchObject({ round: 2, rounds: [{ round: 1, state: 'EXPIRED' }] });
    const events = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(events).toEqual(['INVITED', 'INVITATION_SENT', 'REMINDER_SENT', 'EXPIRED', 'REINVITED', 'INVITATION_SENT', 'REMINDER_SENT', 'EXPIRED']);
    expect(await countEmails(campaign, email)).toBe(4);
  });
});

describe('an extended invitation', () => {
  it('is not expired by the timer of its old expiry: its link still works and nothing more is emailed, until the new expiry passes', async () => {
    const { campaign, admin, commitmentId, email, link, invitedAt } = await invitedAndMailed();
    const until = new Date(invitedAt + 2.5 * interval() * 1000);
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: until.toISOString() });

    await passTime(interval(), commitmentId);
    await passTime(interval(), commitmentId);
    // The old expiry has passed: the workflow read the record and waits on.
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
    expect(await executionStatus(commitmentId)).toBe('RUNNING');
    expect((await fetch(link)).status).toBe(200);
    expect(await countEmails(campaign, email)).toBe(2);

    await passTime(interval(), commitmentId);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('EXPIRED');
    expect((await fetch(link)).status).toBe(410);
    expect(await countEmails(campaign, email)).toBe(2);
    const events = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(events).toEqual(['INVITED', 'INVITATION_SENT', 'LINK_EXTENDED', 'REMINDER_SENT', 'EXPIRED']);
  });

  it('signs through its first link after the old expiry, and the workflow goes on to verification', async () => {
    const { campaign, admin, commitmentId, email, link, invitedAt } = await invitedAndMailed();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: new Date(invitedAt + 3 * interval() * 1000).toISOString() });
    await passTime(interval(), commitmentId);
    await passTime(interval() + 60, commitmentId);
    expect((await campaign.signThroughLink(link, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' }, { recipient: email })).status).toBe(200);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('VERIFIED');
  });
});

describe('a deadline moved later', () => {
  it('keeps the links it had cut short working past the old deadline, while an unmoved declaration’s links expire', async () => {
    const appUrl = localStack().urls.app;
    const deadline = new Date((await stackTime(appUrl)).getTime() + 3_600_000);
    deadline.setUTCMilliseconds(0);
    const moved = await invitedOperator({ declaration: { deadline: deadline.toISOString() } });
    const unmoved = await invitedOperator({ declaration: { deadline: deadline.toISOString() } });
    await waitForIdle(appUrl, { executions: [moved.commitmentId, unmoved.commitmentId] });
    await moved.campaign.api(moved.admin, 'POST', `/api/declarations/${moved.declarationId}/deadline`, { deadline: new Date(deadline.getTime() + 12 * 3_600_000).toISOString() });

    await advanceClock(appUrl, 2 * 3600);
    expect((await fetch(moved.link)).status).toBe(200);
    const expired = await fetch(unmoved.link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain(el.problems.linkExpired.title);
    expect((await moved.campaign.signThroughLink(moved.link, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' }, { recipient: moved.email })).status).toBe(200);
  });
});
