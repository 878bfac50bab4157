import { beforeAll, describe, expect, it } from 'vitest';
import { signingLinkIn } from '../../tools/campaign/campaign-client';
import { carriesSigningLink, countEmails, inviteMany, stateOf, waitForAll } from '../support/flows';
import { localStack } from '../support/local-stack';
import { exclusiveStack, type StackAccess } from '../support/own-stack';
import { advanceClock, waitForIdle } from '../support/workflow-time';

/**
 * Callbacks that arrive twice, or after their wait timed out. The record is the truth: a stale
 * token is refused (TaskTimedOut) and changes nothing, and a signature whose callback met a closed
 * wait still goes on, because the timeout path reads the record.
 *
 * Waits time out when the test moves the exclusive stack's clock past them.
 */
let stack: StackAccess;
let admin: string;

beforeAll(async () => {
  stack = exclusiveStack();
  admin = await stack.campaign.token('commission-admin');
});

const campaign = () => stack.campaign;
const eventTypes = async (commitmentId: string) =>
  (await campaign().api<{ events: { type: string }[] }>(admin, 'GET', `/api/commitments/${commitmentId}`)).events.map((event) => event.type);

/** Lets the commitment's workflow settle; answers the wait it parked, if any (a backend secret, read here to play a late caller). */
async function settled(commitmentId: string) {
  await waitForIdle(campaign().appUrl, { executions: [commitmentId] });
  return stack.parkedTask(commitmentId);
}

/** Moves the clock past the signature wait's timeout (one reminder interval) and lets the commitment's workflow settle. */
async function timeOutSignatureWait(commitmentId: string) {
  await advanceClock(campaign().appUrl, localStack().timings.reminderIntervalSeconds);
  return settled(commitmentId);
}

describe('callbacks after the wait timed out', () => {
  it('refuse the token of a wait that timed out, change nothing, and the commitment still expires on time', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'stale-token');
    const first = await settled(invited!.commitmentId);
    expect(first?.stage).toBe('signature');
    const second = await timeOutSignatureWait(invited!.commitmentId);
    expect(second?.stage).toBe('signature');
    expect(second!.token).not.toBe(first!.token);

    expect(await stack.sendTaskSuccess(first!.token, { outcome: 'SIGNED' })).toBe('TaskTimedOut');
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('INVITED');
    expect(await stack.executionStatus(invited!.commitmentId)).toBe('RUNNING');

    await timeOutSignatureWait(invited!.commitmentId);
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('EXPIRED');
    expect(['TaskTimedOut', 'TaskDoesNotExist']).toContain(await stack.sendTaskSuccess(second!.token, { outcome: 'SIGNED' }));
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('EXPIRED');
    expect(await eventTypes(invited!.commitmentId)).toEqual(['INVITED', 'INVITATION_SENT', 'REMINDER_SENT', 'EXPIRED']);
    expect(await countEmails(campaign(), invited!.email)).toBe(2);
  });

  it('lose no signature whose callback meets a wait that already timed out: the timeout path reads the record', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'raced-timeout');
    const [invitation] = await campaign().waitForEmails(invited!.email, carriesSigningLink);
    const first = await settled(invited!.commitmentId);
    await timeOutSignatureWait(invited!.commitmentId);
    // As if the signing handler had read the token just before that wait timed out.
    await stack.parkTask(invited!.commitmentId, first!);

    const signed = await campaign().signThroughLink(signingLinkIn(invitation!), { name: 'Late Signer', title: 'Harbour Master' });
    expect(signed.status).toBe(200);
    // The callback met the closed wait; the wait that now runs finds the signature when it times out.
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('SIGNED');
    await timeOutSignatureWait(invited!.commitmentId);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['VERIFIED']);
    const types = await eventTypes(invited!.commitmentId);
    expect(types.filter((type) => type === 'SIGNED')).toHaveLength(1);
    expect(types).not.toContain('EXPIRED');
  });
});

describe('callbacks twice', () => {
  it('refuse a second callback on a wait already answered, and the record keeps the first answer', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'twice');
    const [invitation] = await campaign().waitForEmails(invited!.email, carriesSigningLink);
    const wait = (await settled(invited!.commitmentId))!;
    expect(wait.stage).toBe('signature');
    const signed = await campaign().signThroughLink(signingLinkIn(invitation!), { name: 'First Answer', title: 'Director' });
    expect(signed.status).toBe(200);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['VERIFIED']);

    expect(await stack.sendTaskSuccess(wait.token, { outcome: 'DECLINED' })).toBe('TaskTimedOut');
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('VERIFIED');

    const countersign = () => campaign().api<{ result: string }>(admin, 'POST', `/api/commitments/${invited!.commitmentId}/countersignature`);
    expect((await countersign()).result).toBe('countersigned');
    expect((await countersign()).result).toBe('already-countersigned');
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['DELIVERED']);
    const types = await eventTypes(invited!.commitmentId);
    for (const type of ['SIGNED', 'VERIFIED', 'COUNTERSIGNED', 'SEALED', 'DELIVERED']) expect(types.filter((candidate) => candidate === type), type).toHaveLength(1);
  });
});
