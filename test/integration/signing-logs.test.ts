import { describe, expect, it } from 'vitest';
import { isEmailFor, oneTimeCodeIn, signingLinkIn } from '../../tools/campaign/campaign-client';
import { waitForState } from '../support/campaign';
import { stackLog } from '../support/local-stack';
import { invitedOperator, logLines, openForm } from '../support/signing';

describe('the logs of the local stack', () => {
  it('never carry a link secret, a one-time code or a session id over a whole signing, from invitation to delivery', async () => {
    const { campaign, admin, commitmentId, email, link, operator } = await invitedOperator();
    await operator.open();
    const wrongCode = (Number(await operator.emailedCode()) + 1).toString().padStart(6, '0').slice(-6);
    expect((await operator.enterCode(wrongCode)).status).toBe(400);
    expect((await operator.requestCode()).status).toBe(303);
    expect((await operator.enterCode()).status).toBe(303);
    const firstSession = operator.cookie!;
    // A second session on the same link, then the signature.
    const again = campaign.operator(link, operator.options);
    await openForm(again);
    expect((await again.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' })).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');

    const mail = await campaign.emailsTo(email);
    const secrets = mail.filter(isEmailFor('invitation', 'reminder')).map((sent) => signingLinkIn(sent).split('/').at(-1)!);
    const codes = [...mail.filter(isEmailFor('one-time-code')).map((sent) => oneTimeCodeIn(sent)!), wrongCode];
    const sessionIds = [firstSession, again.cookie!].map((cookie) => cookie.slice(cookie.indexOf('=') + 1));
    expect(secrets.length).toBeGreaterThanOrEqual(1);
    expect(codes.length).toBeGreaterThanOrEqual(4);

    const log = stackLog();
    // The capture works: this flow's own lines are there.
    expect(logLines().some((line) => line.message === 'signature recorded' && line.commitmentId === commitmentId)).toBe(true);
    for (const secret of [...secrets, ...sessionIds]) expect(log).not.toContain(secret);
    for (const code of codes) expect(log).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
  });
});
