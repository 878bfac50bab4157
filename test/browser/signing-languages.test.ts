import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OPERATOR_LANGUAGES, type OperatorLanguage } from '../../functions/domain/languages';
import { messagesFor, type Messages } from '../../templates/i18n';
import { SAMPLE_TEXTS } from '../../tools/campaign/sample-texts';
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

/** Names that stay as they are in every language. */
const PROPER_NAMES = new Set(['European Ports Alliance', 'European Commission']);

/** Every fixed phrase of a catalog (not its one-word labels, not its messages with parameters). */
function phrases(messages: unknown): string[] {
  if (typeof messages === 'string') return messages.length >= 15 && messages.includes(' ') && !PROPER_NAMES.has(messages) ? [messages] : [];
  if (messages && typeof messages === 'object') return Object.values(messages).flatMap(phrases);
  return [];
}

const ENGLISH_PHRASES = phrases(messagesFor('en'));

/** The English catalog's phrases a page shows: none, once its language's catalog is translated. */
async function englishLeftOn(page: Page): Promise<string[]> {
  const text = (await page.evaluate('document.body.innerText') as string).replace(/\s+/g, ' ');
  return ENGLISH_PHRASES.filter((phrase) => text.includes(phrase.replace(/\s+/g, ' ')));
}

async function expectPageInLanguage(page: Page, language: OperatorLanguage, what: string): Promise<void> {
  expect(await page.evaluate('document.documentElement.lang'), `${what} (${language})`).toBe(language);
  if (language !== 'en') expect(await englishLeftOn(page), `English wording left on ${what} (${language})`).toEqual([]);
  await expectAccessible(page, `${what} (${language})`);
}

/** From the emailed link to the signing form, as a signer does. */
async function openSigningForm(language: OperatorLanguage, m: Messages) {
  const invited = await invitedOperator({ language });
  const context = await browser.newContext({ locale: language });
  const page = await context.newPage();
  expect((await page.goto(invited.link))?.status()).toBe(200);
  await expectPageInLanguage(page, language, 'the landing page');
  await page.getByRole('button', { name: m.landing.continueButton }).click();
  await page.locator('#code').waitFor();
  await expectPageInLanguage(page, language, 'the code page');
  await page.locator('#code').fill(await invited.operator.emailedCode());
  await page.locator('#code').press('Enter');
  await page.locator('#signerName').waitFor();
  await expectPageInLanguage(page, language, 'the signing form');
  return { ...invited, page };
}

describe('the signing pages in each official EU language (headless Chromium)', () => {
  it.each(OPERATOR_LANGUAGES)('%s: the landing, code and form pages are in that language, with no English left, and pass WCAG 2.1 AA', async (language) => {
    const { page } = await openSigningForm(language, messagesFor(language));
    // The declaration and its commitments are the version of that language.
    expect(await page.locator('#declaration').getAttribute('lang')).toBe(language);
    expect(await page.locator('label[for="c-risk-analysis"]').textContent()).toContain(SAMPLE_TEXTS[language].commitments['risk-analysis']);
    await page.context().close();
  });

  it.each(['mt', 'bg', 'ga'] as const)('%s: signs end to end, and the sealed certificate speaks it', async (language) => {
    const m = messagesFor(language);
    const { page, campaign, admin, commitmentId } = await openSigningForm(language, m);
    for (const id of ['risk-analysis', 'scanning']) await page.locator(`#c-${id}`).check();
    await page.locator('#signerName').fill({ mt: 'Ġorġ Borġ', bg: 'Иван Петров', ga: 'Seán Ó Briain' }[language]);
    await page.locator('#signerTitle').fill({ mt: 'Direttur', bg: 'Директор', ga: 'Stiúrthóir' }[language]);
    await page.locator('#consent').check();
    await page.getByRole('button', { name: m.form.signButton }).click();
    await page.getByRole('heading', { level: 1, name: m.outcome.signedTitle }).waitFor();
    await expectPageInLanguage(page, language, 'the confirmation page');
    await page.context().close();

    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');
    const { bytes } = await campaign.downloadDocument(await campaign.token('auditor'), commitmentId);
    const file = path.join(mkdtempSync(path.join(tmpdir(), `certificate-${language}-`)), 'certificate.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    // The commitments of the version signed, and the labels of that language (the catalog's document section).
    expect(text).toContain(SAMPLE_TEXTS[language].commitments.scanning.replace(/\s+/g, ' '));
    expect(text).toContain(m.document.signatoryHeading);
  });
});
