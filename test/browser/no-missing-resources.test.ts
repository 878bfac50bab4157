import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { messagesFor } from '../../templates/i18n';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, waitForAll } from '../support/flows';
import { invitedOperator } from '../support/signing';
import { launchChromium } from './chromium';
import { openConsolePage, signedInTab } from './console-support';
import { expectAccessible } from './signing-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every response of the context that answered 404, by URL (a page's icon, a script, a style: anything it asked for). */
function missingResources(context: BrowserContext): string[] {
  const missing: string[] = [];
  context.on('response', (response) => {
    if (response.status() === 404) missing.push(`${response.request().method()} ${response.url()}`);
  });
  return missing;
}

/**
 * Headless Chromium asks for no icon by itself, so the page's own icon is loaded as a browser would
 * load it: from the page's `<link rel="icon">`, under the page's Content-Security-Policy.
 */
function iconOf(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const link = document.querySelector('link[rel~="icon"]');
    if (!link) return 'no <link rel="icon">';
    const image = new Image();
    image.src = link.href;
    try {
      await image.decode();
      return image.naturalWidth > 0 ? 'shown' : 'empty';
    } catch {
      return 'refused or missing: ' + link.href.slice(0, 60);
    }
  })()`);
}

describe('no page asks for something that is not there (no /favicon.ico 404)', () => {
  it('the operator\'s pages, from the emailed link to the confirmation, and the public check', async () => {
    const { link, operator } = await invitedOperator({ language: 'en' });
    const m = messagesFor('en');
    const context = await browser.newContext({ locale: 'en-GB' });
    const missing = missingResources(context);
    const page = await context.newPage();
    const icons: string[] = [];
    await page.goto(link);
    icons.push(`landing: ${await iconOf(page)}`);
    await page.getByRole('button', { name: m.landing.continueButton }).click();
    await page.locator('#code').waitFor();
    icons.push(`code: ${await iconOf(page)}`);
    await page.locator('#code').fill(await operator.emailedCode());
    await Promise.all([page.waitForNavigation(), page.locator('#code').press('Enter')]);
    icons.push(`form: ${await iconOf(page)}`);
    await page.locator('#signerName').fill('Ana Pereira');
    await page.locator('#signerTitle').fill('Head of port security');
    for (const box of await page.locator('input[type=checkbox]').all()) await box.check();
    await page.getByRole('button', { name: m.form.signButton }).click();
    await page.getByRole('heading', { level: 1, name: m.outcome.signedTitle }).waitFor();
    icons.push(`signed: ${await iconOf(page)}`);
    await page.goto(`${new URL(link).origin}/verify`);
    icons.push(`verify: ${await iconOf(page)}`);
    await page.goto(link);
    icons.push(`used link: ${await iconOf(page)}`);
    await page.waitForLoadState('networkidle');
    expect(icons).toEqual(['landing', 'code', 'form', 'signed', 'verify', 'used link'].map((name) => `${name}: shown`));
    expect(missing).toEqual([]);
    await context.close();
  });

  it('every page of the console', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id: declarationId } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), oneTimeCode: false });
    const { id: draftId } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), draft: true });
    const email = uniqueAddress('icon');
    const invited = await campaign.invite(admin, declarationId, [invitation(email)]);
    const commitmentId = invited.results[0]!.commitmentId;
    await signEach(campaign, [email]);
    await waitForAll(campaign, admin, [commitmentId], ['VERIFIED']);

    const tab = await signedInTab(browser, campaign.appUrl, 'commission-admin');
    const missing = missingResources(tab.context);
    const icons: string[] = [];
    for (const [path, ready] of [
      ['/console', '#declarations-body tr'],
      ['/console/declarations/new', '[data-language-block]'],
      [`/console/declarations/${draftId}/edit`, '[data-language-block]'],
      [`/console/declarations/${declarationId}`, '#list-body tr'],
      [`/console/commitments/${commitmentId}`, '#timeline li'],
      [`/console/audit?declarationId=${declarationId}`, '#documents-body tr'],
    ] as const) {
      await openConsolePage(tab, path, ready);
      await tab.page.waitForLoadState('networkidle');
      icons.push(`${path}: ${await iconOf(tab.page)}`);
    }
    const noSuchPage = await tab.page.goto('/console/commitments/not-an-id');
    expect(noSuchPage?.status()).toBe(404);
    expect(await tab.page.getByRole('heading', { level: 1 }).textContent()).toBe('There is no such page');
    await expectAccessible(tab.page, 'the console\'s page for an address without one');
    icons.push(`no such page: ${await iconOf(tab.page)}`);
    expect(icons.filter((icon) => !icon.endsWith(': shown'))).toEqual([]);
    expect(missing.filter((url) => !url.endsWith('/console/commitments/not-an-id'))).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
