import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { uniqueAddress } from '../support/campaign';
import { carriesSigningLink, inviteMany, signEach, waitForAll } from '../support/flows';
import { exclusiveStack, type StackAccess } from '../support/own-stack';
import { waitForIdle } from '../support/workflow-time';

/**
 * The Commission team's notifications when things break (the exclusive stack, with faults): a
 * commitment that fails is reported, and a notification whose email SES refused at first is
 * still sent exactly once.
 */
let stack: StackAccess;
let admin: string;

beforeAll(async () => {
  stack = exclusiveStack();
  admin = await stack.campaign.token('commission-admin');
});
afterEach(async () => {
  await stack.clearFaults();
});

const campaign = () => stack.campaign;
const isTeamNotification = isEmailFor('team-notification');
const teamAddress = () => uniqueAddress('team').replace('@customs.gr.example', '@ec.example.eu');

async function withTeam(declarationId: string): Promise<string> {
  const team = teamAddress();
  await campaign().api(admin, 'PUT', `/api/declarations/${declarationId}/notifications`, { addresses: [team], kinds: {} });
  return team;
}

describe('the Commission team, when things break', () => {
  it('hears once that a commitment failed, with the step it failed at', async () => {
    const { declarationId, commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'notify-failure');
    const team = await withTeam(declarationId);
    await signEach(campaign(), [invited!.email]);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['VERIFIED']);
    await stack.fault('tasks', { functionId: 'seal-certificate', mode: 'fail', times: 100 });
    await campaign().api(admin, 'POST', `/api/commitments/${invited!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['FAILED']);
    await waitForIdle(campaign().appUrl, { executions: [invited!.commitmentId] });

    const emails = (await campaign().emailsTo(team)).filter(isTeamNotification);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/^A commitment failed: /);
    expect(emails[0]!.body.text).toContain('Failed step: COUNTERSIGNED');
    expect(await stack.executionStatus(invited!.commitmentId)).toBe('FAILED');
  });

  it('sends a decline\'s notification exactly once after SES refused the first attempts', async () => {
    const { declarationId, commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'notify-mail-fails');
    const team = await withTeam(declarationId);
    const [mail] = await campaign().waitForEmails(invited!.email, carriesSigningLink);
    const operator = campaign().operator(signingLinkIn(mail!), { recipient: invited!.email });
    expect(await campaign().openWithCode(operator)).toBeUndefined();
    await waitForIdle(campaign().appUrl, { executions: [invited!.commitmentId] });

    // The next emails SES is asked for are the team's notification and its retries.
    const failedBefore = (await stack.faultStats()).mail.failed;
    await stack.fault('mail', { failNext: 5 });
    expect((await operator.decline('We cannot commit this year.')).status).toBe(200);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['DECLINED']);
    await waitForIdle(campaign().appUrl, { executions: [invited!.commitmentId] });

    const refused = (await stack.faultStats()).mail;
    expect(refused.failed - failedBefore).toBe(5);
    expect(refused.pendingFailures).toBe(0);
    const emails = (await campaign().emailsTo(team)).filter(isTeamNotification);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body.text).toContain('We cannot commit this year.');
  });
});
