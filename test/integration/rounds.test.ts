import { describe, expect, it } from 'vitest';
import { HttpError, isEmailFor, signingLinkIn, type CampaignClient } from '../../tools/campaign/campaign-client';
import { verifyChain } from '../../functions/domain/audit-chain';
import { executionNameOf } from '../../functions/domain/rounds';
import { messagesFor } from '../../templates/i18n';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { auditEvents, executionStatus, invitation, invitedCommitment, sfn, uniqueAddress, waitForState } from '../support/campaign';
import { localStack } from '../support/local-stack';
import { carriesSigningLink, countEmails } from '../support/flows';
import { invitedOperator } from '../support/signing';
import { waitForIdle } from '../support/workflow-time';

/**
 * A new round for an ended commitment, an extended invitation, and a corrected contact, over
 * HTTP on the project's stack. What needs time to pass (expiry, an extension outliving the old
 * expiry) is in test/clock/rounds.test.ts.
 */
type Round = { round: number; state: string; invitedBy: string; decline?: { reason: string }; revocation?: { reason: string }; contact: { email: string } };
type CommitmentView = {
  commitment: {
    state: string; round?: number; rounds?: Round[]; language: string; linksExpireAt?: number; extension?: { until: string; by: string };
    organisation: { email: string; contactName: string }; decline?: unknown; revocation?: unknown;
  };
  events: { type: string; actor: string; detail?: Record<string, unknown> }[];
};

const view = (campaign: CampaignClient, admin: string, commitmentId: string) => campaign.api<CommitmentView>(admin, 'GET', `/api/commitments/${commitmentId}`);
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal'); }, (error: unknown) => error as HttpError);
const invitations = isEmailFor('invitation');
const signer = { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' };
const el = messagesFor('el');

async function revoked() {
  const invited = await invitedCommitment();
  await invited.campaign.waitForEmails(invited.email, invitations);
  await invited.campaign.api(invited.admin, 'POST', `/api/commitments/${invited.commitmentId}/revocation`, { reason: 'Sent to the wrong unit' });
  await waitForIdle(invited.campaign.appUrl, { executions: [invited.commitmentId] });
  return invited;
}

describe('inviting an organisation again: a new round on the same commitment', () => {
  it('after a decline: a fresh invitation, the earlier round and its reason kept on the record and in the trail, the old link answering 410, the new one signing', async () => {
    const { campaign, admin, commitmentId, email, link } = await invitedOperator();
    expect((await campaign.decline(link, 'Our board has not yet approved the commitments.', { recipient: email })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'DECLINED');
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });

    const answer = await campaign.api<{ round: number; previousState: string }>(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {});
    expect(answer).toMatchObject({ round: 2, previousState: 'DECLINED' });
    await waitForIdle(campaign.appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    const mails = await campaign.waitForEmails(email, invitations, 2);
    expect(mails).toHaveLength(2);
    const newLink = signingLinkIn(mails[1]!);
    expect(newLink).not.toBe(link);

    const { commitment, events } = await view(campaign, admin, commitmentId);
    expect(commitment).toMatchObject({ state: 'INVITED', round: 2 });
    expect(commitment.decline).toBeUndefined();
    expect(commitment.rounds).toMatchObject([{ round: 1, state: 'DECLINED', decline: { reason: 'Our board has not yet approved the commitments.' }, contact: { email } }]);
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'INVITATION_SENT')).toHaveLength(2);
    expect(types).toContain('DECLINED');
    const reinvited = events.find((event) => event.type === 'REINVITED');
    expect(reinvited).toMatchObject({ actor: expect.stringMatching(/.+/), detail: { round: 2, previousState: 'DECLINED' } });
    expect(reinvited!.actor).not.toBe('workflow');

    const old = await fetch(link);
    expect(old.status).toBe(410);
    expect(await old.text()).toContain(el.problems.linkReplaced.title);
    expect((await campaign.signThroughLink(newLink, signer, { recipient: email })).status).toBe(200);
    await waitForIdle(campaign.appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    expect(['VERIFIED', 'IN_REVIEW']).toContain((await view(campaign, admin, commitmentId)).commitment.state);
    // The confirmation of the new round's signature is its own email, sent once.
    expect(await countEmails(campaign, email, isEmailFor('signature-confirmation'))).toBe(1);
  });

  it('makes one round and sends one email when admins invite again at the same moment', async () => {
    const { campaign, admin, commitmentId, email } = await revoked();
    const attempts = await Promise.all(Array.from({ length: 8 }, () =>
      campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {}).then(() => 201, (error: HttpError) => error.status)));
    expect(attempts.filter((status) => status === 201)).toHaveLength(1);
    expect(attempts.filter((status) => status === 409)).toHaveLength(7);
    await waitForIdle(campaign.appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    expect(await countEmails(campaign, email, invitations)).toBe(2);
    const { commitment, events } = await view(campaign, admin, commitmentId);
    expect(commitment).toMatchObject({ state: 'INVITED', round: 2, rounds: [{ round: 1, state: 'REVOKED', revocation: { reason: 'Sent to the wrong unit' } }] });
    expect(events.filter((event) => event.type === 'REINVITED')).toHaveLength(1);
  });

  it('ends an execution of an earlier round without an email, a token or a change, and the new round still signs', async () => {
    const { campaign, admin, declarationId, commitmentId, email } = await revoked();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {});
    await waitForIdle(campaign.appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    const [, invitationOfRound2] = await campaign.waitForEmails(email, invitations, 2);

    // An execution of round 1 that outlived its round (a revocation the workflow never heard of) reaches its next wait.
    const stale = `${commitmentId}-stale`;
    await sfn().send(new StartExecutionCommand({
      stateMachineArn: localStack().aws.stateMachineArn, name: stale, input: JSON.stringify({ commitmentId, declarationId, remindersSent: 0, round: 1 }),
    }));
    await waitForIdle(campaign.appUrl, { executions: [stale] });
    expect(await executionStatus(stale)).toBe('SUCCEEDED');
    expect(await countEmails(campaign, email)).toBe(2);
    expect((await view(campaign, admin, commitmentId)).commitment).toMatchObject({ state: 'INVITED', round: 2 });

    expect((await campaign.signThroughLink(signingLinkIn(invitationOfRound2!), signer, { recipient: email })).status).toBe(200);
    await waitForIdle(campaign.appUrl, { executions: [executionNameOf(commitmentId, 2)] });
    expect(['VERIFIED', 'IN_REVIEW']).toContain((await view(campaign, admin, commitmentId)).commitment.state);
  });

  it('answers an invitation of the same address with where to invite it again, sending nothing', async () => {
    const { campaign, admin, declarationId, commitmentId, email } = await revoked();
    const answer = await campaign.invite(admin, declarationId, [invitation(email)]);
    expect(answer.results[0]).toMatchObject({ status: 'already-invited', commitmentId, state: 'REVOKED' });
    expect((answer.results[0] as { message?: string }).message).toContain('Invite again');
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await countEmails(campaign, email, invitations)).toBe(1);
    expect((await view(campaign, admin, commitmentId)).commitment.state).toBe('REVOKED');
  });

  it('refuses an invitation still awaiting its signature with 409, and an unknown commitment with 404, changing nothing', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    await campaign.waitForEmails(email, invitations);
    const open = await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {}));
    expect(open.status).toBe(409);
    expect(open.body).toContain('still awaiting its signature');
    expect((await refusal(campaign.api(admin, 'POST', '/api/commitments/cmt_0000000000zzzzzzzzzzzzzzzz/invitation', {}))).status).toBe(404);
    expect((await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, { round: 3 }))).status).toBe(400);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    expect(await countEmails(campaign, email)).toBe(1);
    expect((await view(campaign, admin, commitmentId)).commitment.round).toBeUndefined();
  });
});

describe('extending an open invitation', () => {
  it('keeps its links valid until a later time within the deadline, with an audit event naming the admin', async () => {
    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const { campaign, admin, commitmentId, link } = await invitedOperator({ declaration: { deadline } });
    const until = new Date(Date.now() + 40 * 86_400_000);
    until.setUTCMilliseconds(0);
    const answer = await campaign.api<{ linksExpireAt: string; previousExpiry: string }>(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: until.toISOString() });
    expect(answer.linksExpireAt).toBe(until.toISOString());
    expect(Date.parse(answer.previousExpiry)).toBeLessThan(until.getTime());
    const { commitment, events } = await view(campaign, admin, commitmentId);
    expect(commitment).toMatchObject({ state: 'INVITED', linksExpireAt: until.getTime(), extension: { until: until.toISOString() } });
    expect(events.find((event) => event.type === 'LINK_EXTENDED')).toMatchObject({ detail: { until: until.toISOString(), previousExpiry: answer.previousExpiry } });
    expect((await fetch(link)).status).toBe(200);
  });

  it('refuses a time past the deadline with a message that names it, and an earlier time, changing nothing', async () => {
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    deadline.setUTCMilliseconds(0);
    const { campaign, admin, commitmentId } = await invitedOperator({ declaration: { deadline: deadline.toISOString() } });
    const before = (await view(campaign, admin, commitmentId)).commitment;
    const past = await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: new Date(deadline.getTime() + 3_600_000).toISOString() }));
    expect(past.status).toBe(400);
    expect(past.body).toContain(deadline.toISOString());
    expect(past.body).toContain('deadline');
    const earlier = await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(earlier.status).toBe(400);
    expect((await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: 'next week' }))).status).toBe(400);
    const { commitment, events } = await view(campaign, admin, commitmentId);
    expect(commitment.linksExpireAt).toBe(before.linksExpireAt);
    expect(commitment.extension).toBeUndefined();
    expect(events.filter((event) => event.type === 'LINK_EXTENDED')).toHaveLength(0);
  });

  it('refuses an invitation that is no longer open with 409', async () => {
    const { campaign, admin, commitmentId } = await revoked();
    const refused = await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: new Date(Date.now() + 40 * 86_400_000).toISOString() }));
    expect(refused.status).toBe(409);
  });
});

describe('moving a declaration’s deadline later', () => {
  const HOUR = 3_600_000;
  const whole = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

  it('gives the links the old deadline cut short the new cap, up to their signing window, with an audit event naming the admin', async () => {
    const oldDeadline = whole(Date.now() + 6 * HOUR);
    const { campaign, admin, declarationId, commitmentId } = await invitedOperator({ declaration: { deadline: oldDeadline.toISOString() } });
    const before = (await view(campaign, admin, commitmentId)).commitment;
    expect(before.linksExpireAt).toBe(oldDeadline.getTime());

    const nearer = whole(Date.now() + 12 * HOUR);
    const moved = await campaign.api<{ deadline: string; previousDeadline: string; linksExtended: number }>(admin, 'POST', `/api/declarations/${declarationId}/deadline`, { deadline: nearer.toISOString() });
    expect(moved).toMatchObject({ deadline: nearer.toISOString(), previousDeadline: oldDeadline.toISOString(), linksExtended: 1 });
    expect((await view(campaign, admin, commitmentId)).commitment.linksExpireAt).toBe(nearer.getTime());

    // Later than the signing window: the links last their window, no longer.
    const later = whole(Date.now() + 400 * HOUR);
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/deadline`, { deadline: later.toISOString() });
    const { commitment, events } = await view(campaign, admin, commitmentId);
    const { commitment: invitedAt } = await campaign.api<{ commitment: { invitedAt: string } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    const windowMs = 2 * 24 * HOUR;
    expect(commitment.linksExpireAt).toBe(Date.parse(invitedAt.invitedAt) + windowMs);
    const followed = events.filter((event) => event.type === 'LINKS_FOLLOWED_DEADLINE');
    expect(followed).toHaveLength(2);
    expect(followed[1]).toMatchObject({ detail: { deadline: later.toISOString(), previousDeadline: nearer.toISOString() } });
    expect(followed.every((event) => event.actor !== 'workflow')).toBe(true);
    const status = await campaign.api<{ declaration: { deadline: string } }>(admin, 'GET', `/api/declarations/${declarationId}`);
    expect(status.declaration.deadline).toBe(later.toISOString());
  });

  it('refuses an earlier deadline, one in the past, a declaration without a deadline, and a closed one, changing nothing', async () => {
    const deadline = whole(Date.now() + 30 * HOUR);
    const { campaign, admin, declarationId, commitmentId } = await invitedOperator({ declaration: { deadline: deadline.toISOString() } });
    const move = (id: string, to: Date | string) => refusal(campaign.api(admin, 'POST', `/api/declarations/${id}/deadline`, { deadline: typeof to === 'string' ? to : to.toISOString() }));
    const earlier = await move(declarationId, new Date(deadline.getTime() - HOUR));
    expect(earlier.status).toBe(400);
    expect(earlier.body).toContain(deadline.toISOString());
    expect((await move(declarationId, new Date(Date.now() - HOUR))).status).toBe(400);
    expect((await move(declarationId, 'soon')).status).toBe(400);
    const status = await campaign.api<{ declaration: { deadline: string } }>(admin, 'GET', `/api/declarations/${declarationId}`);
    expect(status.declaration.deadline).toBe(deadline.toISOString());
    expect((await view(campaign, admin, commitmentId)).events.filter((event) => event.type === 'LINKS_FOLLOWED_DEADLINE')).toHaveLength(0);

    const { declarationId: without } = await invitedOperator();
    expect((await move(without, new Date(Date.now() + 90 * HOUR))).status).toBe(409);
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/closing`);
    expect((await move(declarationId, new Date(deadline.getTime() + HOUR))).status).toBe(409);
  });
});

describe('correcting a contact', () => {
  it('changes name, address and language; the old link answers 410 and an old signing session cannot sign, even without the one-time code; the new link signs', async () => {
    const { campaign, admin, commitmentId, email, link, operator } = await invitedOperator({ declaration: { oneTimeCode: false } });
    expect((await operator.open()).status).toBe(303);
    const oldForm = await operator.readForm();

    const corrected = uniqueAddress('new-contact');
    const answer = await campaign.api<{ commitment: { organisation: { email: string; contactName: string }; language: string }; link: { result: string } }>(
      admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: corrected, contactName: 'Marie Dupont', language: 'fr' });
    expect(answer.commitment).toMatchObject({ organisation: { email: corrected, contactName: 'Marie Dupont' }, language: 'fr' });
    expect(answer.link.result).toBe('sent');

    const fr = messagesFor('fr');
    const old = await fetch(link);
    expect(old.status).toBe(410);
    expect(await old.text()).toContain(fr.problems.linkReplaced.title);
    const oldSession = await operator.sign(signer, {}, oldForm);
    expect(oldSession.status).toBe(410);
    expect((await view(campaign, admin, commitmentId)).commitment.state).toBe('INVITED');

    const [fresh] = await campaign.waitForEmails(corrected, carriesSigningLink);
    expect(fresh!.body.html).toContain('lang="fr"');
    expect((await campaign.signThroughLink(signingLinkIn(fresh!), { name: 'Marie Dupont', title: 'Directrice' }, { recipient: corrected })).status).toBe(200);
    await waitForIdle(campaign.appUrl, { executions: [commitmentId] });
    const { commitment, events } = await view(campaign, admin, commitmentId);
    expect(['VERIFIED', 'IN_REVIEW']).toContain(commitment.state);
    expect(events.find((event) => event.type === 'CONTACT_CORRECTED')).toMatchObject({
      detail: { previousEmail: email, email: corrected, previousContactName: 'Αθανάσιος Παπαδόπουλος', contactName: 'Marie Dupont', previousLanguage: 'el', language: 'fr' },
    });
    expect(events.filter((event) => event.type === 'SIGNED')).toHaveLength(1);
  });

  it('changes only the name when only the name is sent, and the earlier link stops working all the same', async () => {
    const { campaign, admin, commitmentId, email, link } = await invitedOperator();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { contactName: 'Νίκος Γεωργίου' });
    const { commitment } = await view(campaign, admin, commitmentId);
    expect(commitment.organisation).toMatchObject({ email, contactName: 'Νίκος Γεωργίου' });
    expect((await fetch(link)).status).toBe(410);
    expect(await countEmails(campaign, email, carriesSigningLink)).toBe(2);
  });

  it('corrects the contact of a revoked commitment, sending nothing until it is invited again, then invites the corrected contact', async () => {
    const { campaign, admin, commitmentId, email } = await revoked();
    const corrected = uniqueAddress('after-revocation');
    const answer = await campaign.api<{ link: { result: string; message: string } }>(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: corrected });
    expect(answer.link).toMatchObject({ result: 'not-needed' });
    expect(answer.link.message).toContain('Invite the organisation again');
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {});
    const [mail] = await campaign.waitForEmails(corrected, invitations);
    expect(mail).toBeDefined();
    expect(await countEmails(campaign, email, invitations)).toBe(1);
  });

  it('refuses a body with nothing to change, or the same contact, with 400', async () => {
    const { campaign, admin, commitmentId } = await invitedCommitment();
    expect((await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, {}))).status).toBe(400);
    expect((await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { language: 'english' }))).status).toBe(400);
    expect((await refusal(campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { contactName: 'Αθανάσιος Παπαδόπουλος' }))).status).toBe(400);
  });
});

describe('the admin actions on an invitation in the exported audit trail', () => {
  it('records invite again, extend and correct as events naming the admin, covered by the chain', async () => {
    const { campaign, admin, declarationId, commitmentId } = await revoked();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { contactName: 'Νίκος Γεωργίου' });
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/invitation`, {});
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/extension`, { until: new Date(Date.now() + 20 * 86_400_000).toISOString() });
    const auditor = await campaign.token('auditor');
    const response = await fetch(`${campaign.appUrl}/api/declarations/${declarationId}/audit-trail.jsonl`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(verifyChain(body, response.headers.get('x-audit-trail-head') ?? undefined)).toMatchObject({ ok: true });
    const lines = body.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; actor: string; commitmentId: string });
    const adminActions = lines.filter((line) => ['CONTACT_CORRECTED', 'REINVITED', 'LINK_EXTENDED'].includes(line.type));
    expect(adminActions.map((line) => line.type)).toEqual(['CONTACT_CORRECTED', 'REINVITED', 'LINK_EXTENDED']);
    const revokedBy = lines.find((line) => line.type === 'REVOKED')!.actor;
    for (const line of adminActions) expect(line).toMatchObject({ commitmentId, actor: revokedBy });
  });
});

