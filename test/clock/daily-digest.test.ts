import { describe, expect, it } from 'vitest';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { DEFAULT_DIGEST_HOUR_UTC } from '../../infra/config';
import { nextDigestAt } from '../../functions/domain/notifications';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { localStack } from '../support/local-stack';
import { advanceClock, stackTime, waitForIdle } from '../support/workflow-time';

/**
 * The daily digest, driven by the exclusive stack's clock: the local stack runs the digest's
 * handler on a timer at the deployment's hour, as EventBridge Scheduler does on AWS.
 */
const isDigest = isEmailFor('daily-digest');
const teamAddress = (name: string) => uniqueAddress(name).replace('@customs.gr.example', '@ec.example.eu');

/** Moves the clock to `seconds` past the next digest hour, and waits until what that set going has settled. */
async function passDigestHour(secondsPast = 60): Promise<void> {
  const appUrl = localStack().urls.app;
  const now = await stackTime(appUrl);
  const due = nextDigestAt(now, DEFAULT_DIGEST_HOUR_UTC);
  await advanceClock(appUrl, Math.ceil((due.getTime() - now.getTime()) / 1000) + secondsPast);
  await waitForIdle(appUrl);
}

/** Runs the digest now, as an operator invoking the function by hand would (`POST /local/schedules/<id>`). */
async function runDigestNow(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${localStack().urls.app}/local/schedules/send-daily-digest`, { method: 'POST' });
  return { status: response.status, body: await response.json() };
}

describe('the daily digest', () => {
  it('goes once a day to the team of each open declaration with the digest on, and to no draft, closed or switched-off one', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const [open, draft, closed, off] = ['open', 'draft', 'closed', 'off'].map(teamAddress) as [string, string, string, string];
    const openDeclaration = await campaign.createDeclaration(admin, { ...sampleDeclaration(), notifications: { addresses: [open] } });
    await campaign.createDeclaration(admin, { ...sampleDeclaration(), draft: true, notifications: { addresses: [draft] } });
    const closedDeclaration = await campaign.createDeclaration(admin, { ...sampleDeclaration(), notifications: { addresses: [closed] } });
    await campaign.api(admin, 'POST', `/api/declarations/${closedDeclaration.id}/closing`);
    await campaign.createDeclaration(admin, { ...sampleDeclaration(), notifications: { addresses: [off], kinds: { digest: false } } });
    await campaign.invite(admin, openDeclaration.id, [invitation(uniqueAddress('waiting'))]);
    await waitForIdle(campaign.appUrl);

    await passDigestHour();
    const [first, ...more] = (await campaign.emailsTo(open)).filter(isDigest);
    expect(more).toHaveLength(0);
    expect(first!.subject).toMatch(/^Daily digest \d{4}-\d{2}-\d{2}: /);
    expect(first!.body.text).toContain('Awaiting signature: 1');
    expect(first!.body.text).toContain('0 signatures wait for review');
    expect(first!.body.text).toContain('1 invited');
    expect(first!.body.text).toContain(`/console/declarations/${openDeclaration.id}`);
    for (const address of [draft, closed, off]) expect((await campaign.emailsTo(address)).filter(isDigest), address).toHaveLength(0);

    // Later the same day: nothing more, even when the digest runs again, twice at once (a retry, an overlap).
    await advanceClock(campaign.appUrl, 3600);
    const runs = await Promise.all([runDigestNow(), runDigestNow()]);
    for (const run of runs) expect(run).toMatchObject({ status: 200, body: { functionId: 'send-daily-digest', result: { failed: 0 } } });
    await waitForIdle(campaign.appUrl);
    expect((await campaign.emailsTo(open)).filter(isDigest)).toHaveLength(1);

    // The next day: one more, telling what changed since the first.
    await campaign.invite(admin, openDeclaration.id, [invitation(uniqueAddress('second')), invitation(uniqueAddress('third'))]);
    await waitForIdle(campaign.appUrl);
    await passDigestHour();
    const digests = (await campaign.emailsTo(open)).filter(isDigest);
    expect(digests).toHaveLength(2);
    expect(digests[1]!.subject).not.toBe(digests[0]!.subject);
    expect(digests[1]!.body.text).toContain('2 invited');
    expect(digests[1]!.body.text).toContain('Awaiting signature: 3');
  });
});
