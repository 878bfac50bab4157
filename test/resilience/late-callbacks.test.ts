import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingLinkIn, waitFor } from '../../tools/campaign/campaign-client';
import { carriesSigningLink, countEmails, inviteMany, stateOf, waitForAll } from '../support/flows';
import { OwnStack } from '../support/own-stack';

/**
 * Callbacks that arrive twice, or after their wait timed out. The record is the truth: a stale
 * token is refused (TaskTimedOut) and changes nothing, and a signature whose callback met a closed
 * wait still goes on, because the timeout path reads the record.
 *
 * Short waits: 5 s for the signature, one reminder, so that waits time out within a test.
 */
let stack: OwnStack;
let admin: string;

beforeAll(async () => {
  stack = await OwnStack.start({ inMemory: true, timings: { reminderIntervalSeconds: 5, reminderCount: 1, reviewTimeoutSeconds: 3600, countersignTimeoutSeconds: 3600 } });
  admin = await stack.campaign.token('commission-admin');
});
afterAll(async () => {
  await stack?.stop();
});

const campaign = () => stack.campaign;
const eventTypes = async (commitmentId: string) =>
  (await campaign().api<{ events: { type: string }[] }>(admin, 'GET', `/api/commitments/${commitmentId}`)).events.map((event) => event.type);

/** The token of the signature wait, once the workflow has parked it. */
const parkedSignatureWait = (commitmentId: string, other?: string) => waitFor(async () => {
  const task = await stack.parkedTask(commitmentId);
  return task?.stage === 'signature' && task.token !== other ? task : undefined;
}, 20_000, `${commitmentId} to park a signature wait`);

describe('callbacks after the wait timed out', () => {
  it('refuse the token of a wait that timed out, change nothing, and the commitment still expires on time', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'stale-token');
    const first = await parkedSignatureWait(invited!.commitmentId);
    const second = await parkedSignatureWait(invited!.commitmentId, first.token);

    expect(await stack.sendTaskSuccess(first.token, { outcome: 'SIGNED' })).toBe('TaskTimedOut');
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('INVITED');
    expect(await stack.executionStatus(invited!.commitmentId)).toBe('RUNNING');

    await waitForAll(campaign(), admin, [invited!.commitmentId], ['EXPIRED'], 30_000);
    expect(['TaskTimedOut', 'TaskDoesNotExist']).toContain(await stack.sendTaskSuccess(second.token, { outcome: 'SIGNED' }));
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('EXPIRED');
    expect(await eventTypes(invited!.commitmentId)).toEqual(['INVITED', 'INVITATION_SENT', 'REMINDER_SENT', 'EXPIRED']);
    expect(await countEmails(campaign(), invited!.email)).toBe(2);
  });

  it('lose no signature whose callback meets a wait that already timed out: the timeout path reads the record', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'raced-timeout');
    const [invitation] = await campaign().waitForEmails(invited!.email, carriesSigningLink);
    const first = await parkedSignatureWait(invited!.commitmentId);
    await parkedSignatureWait(invited!.commitmentId, first.token);
    // As if the signing handler had read the token just before that wait timed out.
    await stack.parkTask(invited!.commitmentId, first);

    const signed = await campaign().signThroughLink(signingLinkIn(invitation!), { name: 'Late Signer', title: 'Harbour Master' });
    expect(signed.status).toBe(200);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['VERIFIED'], 30_000);
    const types = await eventTypes(invited!.commitmentId);
    expect(types.filter((type) => type === 'SIGNED')).toHaveLength(1);
    expect(types).not.toContain('EXPIRED');
  });
});

describe('callbacks twice', () => {
  it('refuse a second callback on a wait already answered, and the record keeps the first answer', async () => {
    const { commitments: [invited] } = await inviteMany(campaign(), admin, 1, 'twice');
    const [invitation] = await campaign().waitForEmails(invited!.email, carriesSigningLink);
    const wait = await parkedSignatureWait(invited!.commitmentId);
    const signed = await campaign().signThroughLink(signingLinkIn(invitation!), { name: 'First Answer', title: 'Director' });
    expect(signed.status).toBe(200);
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['VERIFIED'], 30_000);

    expect(await stack.sendTaskSuccess(wait.token, { outcome: 'DECLINED' })).toBe('TaskTimedOut');
    expect(await stateOf(campaign(), admin, invited!.commitmentId)).toBe('VERIFIED');

    const countersign = () => campaign().api<{ result: string }>(admin, 'POST', `/api/commitments/${invited!.commitmentId}/countersignature`);
    expect((await countersign()).result).toBe('countersigned');
    expect((await countersign()).result).toBe('already-countersigned');
    await waitForAll(campaign(), admin, [invited!.commitmentId], ['DELIVERED'], 60_000);
    const types = await eventTypes(invited!.commitmentId);
    for (const type of ['SIGNED', 'VERIFIED', 'COUNTERSIGNED', 'SEALED', 'DELIVERED']) expect(types.filter((candidate) => candidate === type), type).toHaveLength(1);
  });
});
