import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn, waitFor } from '../../tools/campaign/campaign-client';
import { carriesSigningLink, countEmails, inviteMany, isDelivery, signEach, stateOf, waitForAll } from '../support/flows';
import { invitation, uniqueAddress } from '../support/campaign';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { exclusiveStack, type StackAccess } from '../support/own-stack';

/**
 * Faults injected into the exclusive stack, which this file has to itself (infra/local/faults.ts): mail that fails
 * then recovers, DynamoDB unreachable for a while, task invocations that crash or fail. Whatever
 * happens, every commitment ends in a defined state, no signature is lost and no email is sent twice.
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
type FaultStats = Awaited<ReturnType<StackAccess['faultStats']>>;
/** What the faults did since `before`: the counts are the stack's since it started, other files' faults included. */
const taskFaultsSince = async (before: FaultStats, functionId: string) => {
  const now = (await stack.faultStats()).tasks[functionId] ?? { failed: 0, crashed: 0 };
  const then = before.tasks[functionId] ?? { failed: 0, crashed: 0 };
  return { failed: now.failed - then.failed, crashed: now.crashed - then.crashed };
};
const eventTypes = async (commitmentId: string) =>
  (await campaign().api<{ events: { type: string }[] }>(admin, 'GET', `/api/commitments/${commitmentId}`)).events.map((event) => event.type);
const count = (types: readonly string[], type: string) => types.filter((candidate) => candidate === type).length;

/** Invites `n` organisations, signs for each, and waits until every signature is verified. */
async function verifiedCommitments(n: number, name: string) {
  const invited = await inviteMany(campaign(), admin, n, name);
  await signEach(campaign(), invited.commitments.map((commitment) => commitment.email));
  await waitForAll(campaign(), admin, invited.commitments.map((commitment) => commitment.commitmentId), ['VERIFIED']);
  return invited;
}

describe('mail that fails, then recovers', () => {
  it('delivers the invitation exactly once after SES refused the first five attempts', async () => {
    const before = await stack.faultStats();
    await stack.fault('mail', { failNext: 5 });
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'mail-fails');
    await campaign().waitForEmails(invited!.email, carriesSigningLink, 1);
    await waitFor(async () => ((await eventTypes(invited!.commitmentId)).includes('INVITATION_SENT') ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the invitation to be recorded');
    const { mail } = await stack.faultStats();
    expect({ failed: mail.failed - before.mail.failed, pendingFailures: mail.pendingFailures }).toEqual({ failed: 5, pendingFailures: 0 });
    expect(await countEmails(campaign(), invited!.email)).toBe(1);
    expect(count(await eventTypes(invited!.commitmentId), 'INVITATION_SENT')).toBe(1);
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('INVITED');
  });

  it('delivers the sealed PDF exactly once after SES refused the first attempts', async () => {
    const { commitments: [verified] } = await verifiedCommitments(1, 'delivery-fails');
    await stack.fault('mail', { failNext: 4 });
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['DELIVERED']);
    expect(await countEmails(campaign(), verified!.email, isDelivery)).toBe(1);
    expect(count(await eventTypes(verified!.commitmentId), 'DELIVERED')).toBe(1);
  });
});

describe('DynamoDB briefly unreachable', () => {
  it('answers requests during the outage with a 5xx that changes nothing, and every workflow goes on to delivery afterwards', async () => {
    const { commitments, declarationId } = await verifiedCommitments(3, 'table-down');
    const ids = commitments.map((commitment) => commitment.commitmentId);
    const countersigned = await campaign().api<{ countersigned: number }>(admin, 'POST', `/api/declarations/${declarationId}/countersignatures`, { allVerified: true });
    expect(countersigned.countersigned).toBe(3);

    // Sealing and delivery are under way when the table goes away for four seconds.
    await stack.fault('dynamodb', { unreachableForMs: 4_000 });
    const during = await fetch(`${stack.campaign.appUrl}/api/commitments/${ids[0]}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(during.status).toBeGreaterThanOrEqual(500);
    expect(await during.json()).toMatchObject({ message: expect.stringContaining('Nothing was changed') });

    await waitForAll(campaign(), admin, ids, ['DELIVERED']);
    expect((await stack.faultStats()).dynamodb.refused).toBeGreaterThan(0);
    for (const { commitmentId, email } of commitments) {
      const types = await eventTypes(commitmentId);
      expect(count(types, 'SIGNED'), commitmentId).toBe(1);
      expect(count(types, 'SEALED'), commitmentId).toBe(1);
      expect(count(types, 'DELIVERED'), commitmentId).toBe(1);
      expect(await countEmails(campaign(), email, carriesSigningLink), commitmentId).toBe(1);
      expect(await countEmails(campaign(), email, isDelivery), commitmentId).toBe(1);
      expect(await stack.executionStatus(commitmentId), commitmentId).toBe('SUCCEEDED');
    }
  });
});

describe('an admin faster than the workflow', () => {
  /**
   * Signs through the emailed link with SES holding every request until released, and returns once
   * the workflow's confirmation email waits at SES: between the record of the checks and its own.
   */
  async function signWhileSesHolds(email: string): Promise<void> {
    const [invitationEmail] = await campaign().waitForEmails(email, carriesSigningLink, 1);
    const operator = campaign().operator(signingLinkIn(invitationEmail!));
    expect(await campaign().openWithCode(operator)).toBeUndefined();
    const before = await stack.faultStats();
    await stack.fault('mail', { hold: true });
    expect((await operator.sign({ name: 'Signer', title: 'Director' })).status).toBe(200);
    await waitFor(async () => ((await stack.faultStats()).mail.held > before.mail.held ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the confirmation to reach SES');
  }

  it('countersigns a signature whose confirmation is still being sent: the token is not parked, the task answers itself, and the PDF is delivered once', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'countersigned-early');
    await signWhileSesHolds(invited!.email);
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('VERIFIED');
    expect((await stack.parkedTask(invited!.commitmentId))?.stage).toBe('signature');
    await campaign().api(admin, 'POST', `/api/commitments/${invited!.commitmentId}/countersignature`);
    await stack.fault('mail', { hold: false });
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['DELIVERED']);
    const types = await eventTypes(invited!.commitmentId);
    expect(count(types, 'SIGNATURE_CONFIRMATION_SENT')).toBe(1);
    expect(count(types, 'COUNTERSIGNED')).toBe(1);
    expect(await countEmails(campaign(), invited!.email, isEmailFor('signature-confirmation'))).toBe(1);
    expect(await countEmails(campaign(), invited!.email, isDelivery)).toBe(1);
    // The countersignature's token was never parked: its condition failed, and the email's record went alone.
    expect((await stack.parkedTask(invited!.commitmentId))?.stage).toBe('signature');
  });

  it('rejects a flagged signature whose answer to the workflow is still on its way: the execution ends rejected, not failed', async () => {
    const declaration = await campaign().createDeclaration(admin, sampleDeclaration());
    const email = uniqueAddress('rejected-early');
    const [invited] = (await campaign().invite(admin, declaration.id, [invitation(email, { emailDomains: ['other-authority.example'] })])).results;
    await signWhileSesHolds(email);
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('IN_REVIEW');
    await campaign().api(admin, 'POST', `/api/commitments/${invited!.commitmentId}/review`, { decision: 'reject', reason: 'Not the organisation\'s address' });
    await stack.fault('mail', { hold: false });
    await waitFor(async () => ((await stack.executionStatus(invited!.commitmentId)) === 'SUCCEEDED' ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the execution to end');
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('REJECTED');
    const types = await eventTypes(invited!.commitmentId);
    expect(types).not.toContain('FAILED');
    expect(count(types, 'SIGNATURE_CONFIRMATION_SENT')).toBe(1);
  });
});

describe('a task that crashes right after its first write', () => {
  it('sends the invitation once when await-signature dies after parking its token', async () => {
    const before = await stack.faultStats();
    await stack.fault('tasks', { functionId: 'await-signature', mode: 'crash-after-first-write', times: 1 });
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'crash-park');
    await campaign().waitForEmails(invited!.email, carriesSigningLink, 1);
    await waitFor(async () => ((await eventTypes(invited!.commitmentId)).includes('INVITATION_SENT') ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the invitation to be recorded');
    expect((await taskFaultsSince(before, 'await-signature')).crashed).toBe(1);
    expect(await countEmails(campaign(), invited!.email)).toBe(1);
    expect(await stack.executionStatus(invited!.commitmentId)).toBe('RUNNING');
  });

  it('delivers the PDF once when deliver-certificate dies after claiming the email and before sending it', async () => {
    const { commitments: [verified] } = await verifiedCommitments(1, 'crash-deliver');
    const before = await stack.faultStats();
    await stack.fault('tasks', { functionId: 'deliver-certificate', mode: 'crash-after-first-write', times: 1 });
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['DELIVERED']);
    expect((await taskFaultsSince(before, 'deliver-certificate')).crashed).toBe(1);
    expect(await countEmails(campaign(), verified!.email, isDelivery)).toBe(1);
    const { commitment } = await campaign().api<{ commitment: { delivery: { messageId: string } } }>(admin, 'GET', `/api/commitments/${verified!.commitmentId}`);
    expect(commitment.delivery.messageId).not.toBe('');
  });

  it('verifies once, and confirms once, when the countersignature wait\'s task dies after recording the checks', async () => {
    const before = await stack.faultStats();
    await stack.fault('tasks', { functionId: 'await-decision', mode: 'crash-after-first-write', times: 1 });
    const { commitments: [verified] } = await verifiedCommitments(1, 'crash-verify');
    expect((await taskFaultsSince(before, 'await-decision')).crashed).toBe(1);
    // The retry takes over the claim the crashed attempt held, sends the email, then parks its token.
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['DELIVERED']);
    const types = await eventTypes(verified!.commitmentId);
    expect(count(types, 'VERIFIED')).toBe(1);
    expect(count(types, 'SIGNED')).toBe(1);
    expect(count(types, 'SIGNATURE_CONFIRMATION_SENT')).toBe(1);
    expect(await countEmails(campaign(), verified!.email, isEmailFor('signature-confirmation'))).toBe(1);
  });

  it('seals once when seal-certificate dies after storing the document', async () => {
    const { commitments: [verified] } = await verifiedCommitments(1, 'crash-seal');
    const before = await stack.faultStats();
    await stack.fault('tasks', { functionId: 'seal-certificate', mode: 'crash-after-first-write', times: 1 });
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['DELIVERED']);
    expect((await taskFaultsSince(before, 'seal-certificate')).crashed).toBe(1);
    expect(count(await eventTypes(verified!.commitmentId), 'SEALED')).toBe(1);
    expect((await stack.items(verified!.commitmentId)).filter((item) => item.SK === 'DOC')).toHaveLength(1);
  });
});

describe('sealing that fails', () => {
  it('is retried, and the retry seals and delivers', async () => {
    const { commitments: [verified] } = await verifiedCommitments(1, 'seal-retried');
    const before = await stack.faultStats();
    await stack.fault('tasks', { functionId: 'seal-certificate', mode: 'fail', times: 1 });
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['DELIVERED']);
    expect((await taskFaultsSince(before, 'seal-certificate')).failed).toBe(1);
    expect(count(await eventTypes(verified!.commitmentId), 'SEALED')).toBe(1);
  });

  it('shows FAILED to admins, with the error, when it keeps failing, instead of leaving the commitment pending', async () => {
    const { commitments: [verified], declarationId } = await verifiedCommitments(1, 'seal-fails');
    const failedBefore = (await stack.faultStats()).tasks['seal-certificate']?.failed ?? 0;
    await stack.fault('tasks', { functionId: 'seal-certificate', mode: 'fail', times: 100 });
    await campaign().api(admin, 'POST', `/api/commitments/${verified!.commitmentId}/countersignature`);
    await waitForAll(campaign(), admin, [verified!.commitmentId], ['FAILED']);
    const { commitment } = await campaign().api<{ commitment: { failure: { error: string; stateAtFailure: string } } }>(admin, 'GET', `/api/commitments/${verified!.commitmentId}`);
    expect(commitment.failure).toMatchObject({ error: 'InjectedFault', stateAtFailure: 'COUNTERSIGNED' });
    // The first attempt and the workflow's retries: three attempts before giving up.
    expect((await stack.faultStats()).tasks['seal-certificate']!.failed - failedBefore).toBe(3);
    const status = await campaign().api<{ commitments: { id: string; state: string }[] }>(admin, 'GET', `/api/declarations/${declarationId}`);
    expect(status.commitments.find((row) => row.id === verified!.commitmentId)?.state).toBe('FAILED');
    expect(count(await eventTypes(verified!.commitmentId), 'FAILED')).toBe(1);
    expect(await countEmails(campaign(), verified!.email, isDelivery)).toBe(0);
    expect(await stack.executionStatus(verified!.commitmentId)).toBe('FAILED');
  });
});
