import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signingLinkIn, type MailboxEmail } from '../../tools/campaign/campaign-client';
import { stopLeftoverDynamoDbLocal } from '../../infra/local/dynamodb';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { invitation, uniqueAddress } from '../support/campaign';
import { carriesSigningLink, isDelivery, signEach, waitForAll } from '../support/flows';
import { OwnStack } from '../support/own-stack';

/**
 * The local stack is killed outright (SIGKILL, as a crash or a pulled plug would) in the middle of
 * a campaign and started again on the same data. Its executions lived in memory; the start-up
 * re-drives every unfinished commitment from the record (infra/local/recovery.ts).
 */
const TIMINGS = { reminderIntervalSeconds: 3600, reminderCount: 1, reviewTimeoutSeconds: 3600, countersignTimeoutSeconds: 3600 };
const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-restart-'));
const stacks: OwnStack[] = [];

afterAll(async () => {
  for (const stack of stacks) await stack.stop().catch(() => undefined);
  // If the second start never came, the killed stack's DynamoDB Local is still running.
  await stopLeftoverDynamoDbLocal(path.join(dataDir, 'dynamodb'));
  rmSync(dataDir, { recursive: true, force: true });
});

const to = (address: string) => (mail: MailboxEmail) => mail.destination.to.some((recipient) => recipient.includes(address));

describe('a restart in the middle of a campaign', () => {
  it('loses no signature, sends nothing twice, and every waiting commitment goes on to delivery', async () => {
    const before = await OwnStack.start({ dataDir, inMemory: false, timings: TIMINGS });
    stacks.push(before);
    let campaign = before.campaign;
    let admin = await campaign.token('commission-admin');
    const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
    const roles = ['awaiting-signature', 'awaiting-review', 'awaiting-countersignature', 'sealing', 'delivered'] as const;
    const emails = Object.fromEntries(roles.map((role) => [role, uniqueAddress(role)])) as Record<(typeof roles)[number], string>;
    const invited = await campaign.invite(admin, declaration.id, roles.map((role) =>
      invitation(emails[role], role === 'awaiting-review' ? { emailDomains: ['other-authority.example'] } : {})));
    const ids = Object.fromEntries(invited.results.map((result, index) => [roles[index]!, result.commitmentId])) as Record<(typeof roles)[number], string>;

    await signEach(campaign, roles.filter((role) => role !== 'awaiting-signature').map((role) => emails[role]));
    await waitForAll(campaign, admin, [ids['awaiting-review']], ['IN_REVIEW']);
    await waitForAll(campaign, admin, [ids['awaiting-countersignature'], ids.sealing, ids.delivered], ['VERIFIED']);
    await campaign.api(admin, 'POST', `/api/commitments/${ids.delivered}/countersignature`);
    await waitForAll(campaign, admin, [ids.delivered], ['DELIVERED']);
    await campaign.waitForEmails(emails['awaiting-signature'], carriesSigningLink);
    await campaign.api(admin, 'POST', `/api/commitments/${ids.sealing}/countersignature`);

    // The plug is pulled while the last countersignature is being sealed.
    const mailBefore = await campaign.mailbox();
    const exited = new Promise((resolve) => before.process.child.once('exit', resolve));
    before.process.child.kill('SIGKILL');
    await exited;

    const after = await OwnStack.start({ dataDir, inMemory: false, timings: TIMINGS });
    stacks.push(after);
    campaign = after.campaign;
    admin = await campaign.token('commission-admin');

    // The invitation emailed before the restart still works (the new stack listens elsewhere).
    const [oldInvitation] = mailBefore.filter(to(emails['awaiting-signature'])).filter(carriesSigningLink);
    const link = signingLinkIn(oldInvitation!).replace(before.process.urls.app, after.process.urls.app);
    const signed = await campaign.signThroughLink(link, { name: 'After Restart', title: 'Port Director' });
    expect(signed.status).toBe(200);
    await campaign.api(admin, 'POST', `/api/commitments/${ids['awaiting-review']}/review`, { decision: 'approve', reason: 'Confirmed by phone after the restart' });
    await waitForAll(campaign, admin, [ids['awaiting-signature'], ids['awaiting-review'], ids['awaiting-countersignature']], ['VERIFIED']);
    const countersigned = await campaign.api<{ countersigned: number }>(admin, 'POST', `/api/declarations/${declaration.id}/countersignatures`, { allVerified: true });
    expect(countersigned.countersigned).toBe(3);
    await waitForAll(campaign, admin, Object.values(ids), ['DELIVERED']);

    const mailAfter = await campaign.mailbox();
    for (const role of roles) {
      const { events } = await campaign.api<{ events: { type: string }[] }>(admin, 'GET', `/api/commitments/${ids[role]}`);
      const types = events.map((event) => event.type);
      for (const type of ['SIGNED', 'SEALED', 'DELIVERED']) expect(types.filter((candidate) => candidate === type), `${role} ${type}`).toHaveLength(1);
      expect(types.filter((candidate) => candidate === 'INVITATION_SENT'), role).toHaveLength(1);
      expect((await after.items(ids[role])).filter((item) => item.SK === 'DOC'), role).toHaveLength(1);
      // One invitation and one sealed PDF per organisation, counting both runs' mailboxes.
      const all = [...mailBefore, ...mailAfter].filter(to(emails[role]));
      expect(all.filter(carriesSigningLink), `${role} invitations`).toHaveLength(1);
      expect(all.filter(isDelivery), `${role} deliveries`).toHaveLength(1);
    }
  });
});
