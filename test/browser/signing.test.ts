import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { commitmentState, waitForState } from '../support/campaign';
import { invitedOperator } from '../support/signing';
import { expectAccessible, focused, launchChromium, pressButton, pressEnterAndWait, tabTo } from './signing-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

/** Types into the field with this id after reaching it with Tab. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, (element) => element.id === id, `#${id}`);
  await page.keyboard.type(text);
}

describe('signing in a browser (headless Chromium)', () => {
  it('signs with the keyboard alone, every page passing axe-core’s WCAG 2.1 AA checks', async () => {
    const { campaign, admin, commitmentId, operator, link } = await invitedOperator({ language: 'el' });
    const m = messagesFor('el');
    const page = await newPage();
    const landing = await page.goto(link);
    expect(landing?.status()).toBe(200);
    await expectAccessible(page, 'the landing page');

    // The first Tab reaches the skip link; it leads to the main content.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.text).toBe(m.skipToContent);
    await pressButton(page, m.landing.continueButton);
    expect(new URL(page.url()).pathname).toBe('/signing');
    expect(page.url()).not.toContain(link.split('/').at(-1));
    await expectAccessible(page, 'the code page');

    const code = await operator.emailedCode();
    await typeInto(page, 'code', code === '000000' ? '111111' : '000000');
    expect(await pressEnterAndWait(page).then((response) => response?.status())).toBe(400);
    expect(await page.locator('#code-error').textContent()).toBe(m.code.errorWrong(4));
    expect(await page.locator('#code').getAttribute('aria-describedby')).toContain('code-error');
    await expectAccessible(page, 'the code page with an error');
    await typeInto(page, 'code', code);
    await pressEnterAndWait(page);
    await page.locator('#signerName').waitFor();
    await expectAccessible(page, 'the signing form');

    // Everything but the consent: the form comes back with the problem at its field.
    await tabTo(page, (element) => element.id === 'c-risk-analysis', 'the first commitment');
    await page.keyboard.press('Space');
    await tabTo(page, (element) => element.id === 'c-scanning', 'the second commitment');
    await page.keyboard.press('Space');
    await typeInto(page, 'signerName', 'Αθανάσιος Παπαδόπουλος');
    await typeInto(page, 'signerTitle', 'Αρχιπλοίαρχος');
    expect(await pressButton(page, m.form.signButton)).toBe(400);
    await page.locator('#form-errors').waitFor();
    expect(await page.locator('#consent-error').textContent()).toBe(m.form.errorConsent);
    expect(await page.locator('#consent').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#signerName').inputValue()).toBe('Αθανάσιος Παπαδόπουλος');
    await expectAccessible(page, 'the signing form with an error');

    await tabTo(page, (element) => element.id === 'consent', 'the consent');
    await page.keyboard.press('Space');
    await pressButton(page, m.form.signButton);
    await page.getByRole('heading', { level: 1, name: m.outcome.signedTitle }).waitFor();
    await expectAccessible(page, 'the confirmation page');
    expect(await commitmentState(campaign, admin, commitmentId)).not.toBe('INVITED');
    await page.context().close();
  });

  it('declines with a reason, in French', async () => {
    const { campaign, admin, commitmentId, operator, link } = await invitedOperator({ language: 'fr' });
    const m = messagesFor('fr');
    const page = await newPage('fr-FR');
    await page.goto(link);
    await pressButton(page, m.landing.continueButton);
    await typeInto(page, 'code', await operator.emailedCode());
    await pressEnterAndWait(page);
    await page.locator('#reason').waitFor();
    await typeInto(page, 'reason', 'Notre conseil d’administration n’a pas encore approuvé les engagements.');
    await pressButton(page, m.form.declineButton);
    await page.getByRole('heading', { level: 1, name: m.outcome.declinedTitle }).waitFor();
    await expectAccessible(page, 'the page after declining');
    await waitForState(campaign, admin, commitmentId, 'DECLINED');
    await page.context().close();
  });

  it('locks the link after five wrong codes, and an admin’s resend unlocks it', async () => {
    const { campaign, admin, commitmentId, email, operator, link } = await invitedOperator({ language: 'de' });
    const m = messagesFor('de');
    const page = await newPage('de-DE');
    await page.goto(link);
    await pressButton(page, m.landing.continueButton);
    const code = await operator.emailedCode();
    const wrong = code === '999999' ? '888888' : '999999';
    for (let attempt = 1; attempt <= 5; attempt++) {
      await typeInto(page, 'code', wrong);
      expect(await pressEnterAndWait(page).then((response) => response?.status()), `wrong code ${attempt}`).toBe(attempt < 5 ? 400 : 403);
    }
    await page.getByRole('heading', { level: 1, name: m.problems.linkLocked.title }).waitFor();
    await expectAccessible(page, 'the locked page');
    expect((await page.goto(link))?.status()).toBe(403);

    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/resend`, { seenResends: 0 });
    const [newLinkEmail] = await campaign.waitForEmails(email, isEmailFor('new-link'));
    const newLink = signingLinkIn(newLinkEmail!);
    expect((await page.goto(newLink))?.status()).toBe(200);
    await pressButton(page, m.landing.continueButton);
    await typeInto(page, 'code', await operator.emailedCode());
    await pressEnterAndWait(page);
    await page.locator('#signerName').waitFor();
    await page.locator('#c-risk-analysis').check();
    await page.locator('#c-scanning').check();
    await page.locator('#signerName').fill('Erika Mustermann');
    await page.locator('#signerTitle').fill('Leiterin der Hafensicherheit');
    await page.locator('#consent').check();
    await page.getByRole('button', { name: m.form.signButton }).click();
    await page.getByRole('heading', { level: 1, name: m.outcome.signedTitle }).waitFor();
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    await page.context().close();
  });
});
