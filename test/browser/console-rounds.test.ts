import { describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { messagesFor } from '../../templates/i18n';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { carriesSigningLink } from '../support/flows';
import { consoleTabFor, openConsolePage, outcomeOf } from './console-support';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { expectAccessible } from './signing-support';

/** An invitation awaiting its signature, its emailed link, and the declaration's deadline. */
async function invited(deadline = new Date(Date.now() + 90 * 86_400_000)) {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const { id } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), deadline: deadline.toISOString() });
  const email = uniqueAddress('console-rounds');
  const answer = await campaign.invite(admin, id, [invitation(email)]);
  const [mail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
  return { campaign, admin, declarationId: id, commitmentId: answer.results[0]!.commitmentId, email, link: signingLinkIn(mail!) };
}

/** `2027-03-31T17:00` in the browser's time zone (UTC in these tests), as a datetime-local input takes it. */
const inputValue = (date: Date) => date.toISOString().slice(0, 16);

describe('the console: an invitation’s contact and validity', () => {
  const admin = consoleTabFor('commission-admin');

  it('corrects a contact’s name, address and language; the old link then answers 410 in the browser and a fresh link goes to the new address', async () => {
    const { campaign, commitmentId, link } = await invited();
    const { page } = admin;
    await openConsolePage(admin, `/console/commitments/${commitmentId}`, '#correct-contact');
    await page.getByRole('button', { name: 'Correct contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct the contact?' });
    await expectAccessible(page, 'the contact correction dialog');
    const corrected = uniqueAddress('corrected-in-console');
    await dialog.getByLabel('Contact name').fill('Marie Dupont');
    await dialog.getByLabel('Email address').fill(corrected);
    await dialog.getByLabel('Language').fill('fr');
    await dialog.getByRole('button', { name: 'Correct' }).click();

    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('Contact corrected. A new signing link was sent to the corrected address');
    await expect.poll(() => page.locator('#content').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain(corrected);
    expect(await page.locator('#content').textContent()).toContain('Marie Dupont');
    await expectAccessible(page, 'the commitment page after a correction');

    const fr = messagesFor('fr');
    const old = await page.goto(link);
    expect(old?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: fr.problems.linkReplaced.title }).waitFor();
    await expectAccessible(page, 'the page of a replaced link');
    const [fresh] = await campaign.waitForEmails(corrected, carriesSigningLink);
    expect((await page.goto(signingLinkIn(fresh!)))?.status()).toBe(200);
    expect(admin.problems).toEqual([]);
  });

  it('extends an invitation’s links up to the deadline, and says the deadline when asked for later', async () => {
    const deadline = new Date(Date.now() + 60 * 86_400_000);
    deadline.setUTCSeconds(0, 0);
    const { campaign, admin: token, commitmentId } = await invited(deadline);
    const { page } = admin;
    await openConsolePage(admin, `/console/commitments/${commitmentId}`, '#extend');

    await page.getByRole('button', { name: 'Extend' }).click();
    let dialog = page.getByRole('dialog', { name: 'Extend the invitation?' });
    await expectAccessible(page, 'the extension dialog');
    await dialog.getByLabel('Links valid until').fill(inputValue(new Date(deadline.getTime() + 86_400_000)));
    await dialog.getByRole('button', { name: 'Extend' }).click();
    await expect.poll(() => page.locator('#problem').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain(`The declaration's deadline is ${deadline.toISOString()}`);

    const until = new Date(deadline.getTime() - 86_400_000);
    await page.getByRole('button', { name: 'Extend' }).click();
    dialog = page.getByRole('dialog', { name: 'Extend the invitation?' });
    await dialog.getByLabel('Links valid until').fill(inputValue(until));
    await dialog.getByRole('button', { name: 'Extend' }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toContain(`Extended: its links work until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    await expect.poll(() => page.locator('#content').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('Links valid until');
    await expectAccessible(page, 'the commitment page after an extension');

    const { commitment } = await campaign.api<{ commitment: { linksExpireAt: number } }>(token, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.linksExpireAt).toBe(until.getTime());
    expect(admin.problems).toEqual([]);
  });

  it('moves an open declaration’s deadline later from its page, and refuses an earlier one with the reason', async () => {
    const deadline = new Date(Date.now() + 6 * 3_600_000);
    deadline.setUTCSeconds(0, 0);
    const { campaign, admin: token, declarationId, commitmentId } = await invited(deadline);
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${declarationId}`, '#move-deadline');

    await page.getByRole('button', { name: 'Move the deadline' }).click();
    let dialog = page.getByRole('dialog', { name: 'Move the deadline?' });
    await expectAccessible(page, 'the deadline dialog');
    await dialog.getByLabel('New deadline').fill(inputValue(new Date(deadline.getTime() - 3_600_000)));
    await dialog.getByRole('button', { name: 'Move the deadline' }).click();
    await expect.poll(() => page.locator('#problem').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain(`The deadline can only move later: it is ${deadline.toISOString()}`);

    const later = new Date(deadline.getTime() + 24 * 3_600_000);
    await page.getByRole('button', { name: 'Move the deadline' }).click();
    dialog = page.getByRole('dialog', { name: 'Move the deadline?' });
    await dialog.getByLabel('New deadline').fill(inputValue(later));
    await dialog.getByRole('button', { name: 'Move the deadline' }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('the links of 1 invitation now last longer');
    await expectAccessible(page, 'the declaration page after moving its deadline');

    const { commitment } = await campaign.api<{ commitment: { linksExpireAt: number } }>(token, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.linksExpireAt).toBe(later.getTime());
    expect(admin.problems).toEqual([]);
  });

  it('answers an invitation of an address whose invitation was revoked with where to invite it again, and that page invites it again', async () => {
    const { campaign, admin: token, declarationId, commitmentId, email } = await invited();
    await campaign.api(token, 'POST', `/api/commitments/${commitmentId}/revocation`, { reason: 'Sent to the wrong unit' });
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${declarationId}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Invite' }).click();
    await page.locator('#i-name').fill('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή');
    await page.locator('#i-category').selectOption('customs');
    await page.locator('#i-country').fill('GR');
    await page.locator('#i-email').fill(email);
    await page.locator('#i-contact').fill('Αθανάσιος Παπαδόπουλος');
    await page.locator('#invite-submit').click();
    await expect.poll(() => page.locator('#invite-outcome').textContent(), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('that invitation is revoked. Nothing was sent from here: to send a new link, open the commitment and choose “Invite again”.');
    await expectAccessible(page, 'the invite form after an address already invited');

    await page.getByRole('link', { name: 'Open its commitment' }).click();
    await page.locator('#invite-again').waitFor();
    await page.getByRole('button', { name: 'Invite again' }).click();
    await page.getByRole('dialog', { name: /^Invite .* again\?$/ }).getByRole('button', { name: 'Invite again' }).click();
    await expect.poll(() => outcomeOf(page), { timeout: WORKFLOW_TIMEOUT_MS }).toContain('Invited again (round 2)');
    expect((await campaign.waitForEmails(email, isEmailFor('invitation'), 2))).toHaveLength(2);
    expect(admin.problems).toEqual([]);
  });
});

