import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { messagesFor } from '../../templates/i18n';
import { waitForState } from '../support/campaign';
import { invitedOperator } from '../support/signing';
import { expectAccessible, launchChromium } from './signing-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the public register in a browser (headless Chromium)', () => {
  it('shows an organisation whose signer ticked the box, once its certificate is delivered; the form and the register pass axe-core', async () => {
    const organisation = { name: 'Transport Malta – Ports and Yachting Directorate', country: 'MT', category: 'port_authority' as const, contactName: 'Ġorġ Contact-Person' };
    const { campaign, admin, declarationId, commitmentId, email, link } = await invitedOperator({ language: 'en', organisation, declaration: { oneTimeCode: false } });
    const m = messagesFor('en');
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(link);
    await page.getByRole('button', { name: m.landing.continueButton }).click();
    await page.locator('#signerName').waitFor();

    const publish = page.getByRole('checkbox', { name: /publishes the name, country and category of our organisation/ });
    expect(await publish.isChecked()).toBe(false);
    expect(await page.getByRole('group', { name: m.form.publicationLegend }).isVisible()).toBe(true);
    await expectAccessible(page, 'the signing form with the publication box');

    for (const commitment of await page.locator('input[name="accepted"]').all()) await commitment.check();
    await page.locator('#signerName').fill('Marija Signer-Person');
    await page.locator('#signerTitle').fill('Director of Ports');
    await page.locator('#consent').check();
    await publish.check();
    await page.getByRole('button', { name: m.form.signButton }).click();
    await page.getByRole('heading', { level: 1, name: m.outcome.signedTitle }).waitFor();

    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    expect((await page.goto(`${campaign.appUrl}/register/${declarationId}`))?.status()).toBe(200);
    expect(await page.getByRole('listitem').filter({ hasText: organisation.name }).count()).toBe(0);

    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');
    // The page is cacheable for five minutes: a visitor who already has it reloads it.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Malta (1)' }).waitFor();
    expect(await page.getByRole('heading', { level: 3, name: `${m.categories.port_authority} (1)` }).isVisible()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: organisation.name }).count()).toBe(1);
    expect(await page.getByText(m.register.listedCount(1)).isVisible()).toBe(true);
    const text = await page.locator('body').innerText();
    for (const personal of [organisation.contactName, 'Marija Signer-Person', email]) expect(text).not.toContain(personal);
    expect(await page.content()).not.toContain(email);
    await expectAccessible(page, 'the register of a declaration');

    // The other 23 languages are folded under one line until it is opened.
    expect(await page.getByRole('link', { name: 'Ελληνικά' }).isVisible()).toBe(false);
    await page.getByText(m.register.otherLanguages, { exact: true }).click();
    await page.getByRole('link', { name: 'Ελληνικά' }).click();
    await page.getByRole('heading', { level: 2, name: 'Μάλτα (1)' }).waitFor();
    await expectAccessible(page, 'the register in Greek');
    await page.getByRole('link', { name: messagesFor('el').register.allDeclarations }).click();
    await page.getByRole('heading', { level: 1, name: messagesFor('el').register.title }).waitFor();
    await expectAccessible(page, 'the list of registers');
    await page.context().close();
  });
});
