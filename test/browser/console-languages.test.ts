import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { CONSOLE_MESSAGES } from '../../templates/console/i18n';
import { client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, waitForAll } from '../support/flows';
import { launchChromium } from './chromium';
import { openConsolePage, signedInTab, type ConsoleTab } from './console-support';
import { expectAccessible } from './signing-support';

interface Campaign {
  readonly declarationId: string;
  readonly verifiedId: string;
  /** Every string the API answers about the declaration and the commitment: data, written in whatever language its authors chose. */
  readonly data: readonly string[];
}

let browser: Browser;
let campaign: Campaign;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** An open declaration with a verified commitment (a signature, checks, a timeline) and one awaiting its signature. */
async function aCampaign(): Promise<Campaign> {
  const api = client();
  const admin = await api.token('commission-admin');
  const { id: declarationId } = await api.api<{ id: string }>(admin, 'POST', '/api/declarations', sampleDeclaration());
  const signer = uniqueAddress('langues');
  const invited = await api.invite(admin, declarationId, [
    invitation(signer, { country: 'FR', name: 'Grand port maritime de Marseille' }, 'fr'),
    invitation(uniqueAddress('sprachen'), { country: 'DE', name: 'Hafenbehörde Bremerhaven' }, 'de'),
  ]);
  const verifiedId = invited.results[0]!.commitmentId;
  await signEach(api, [signer]);
  await waitForAll(api, admin, [verifiedId], ['VERIFIED']);
  const declaration = await api.api<unknown>(admin, 'GET', `/api/declarations/${declarationId}`);
  const commitment = await api.api<unknown>(admin, 'GET', `/api/commitments/${verifiedId}`);
  return { declarationId, verifiedId, data: stringsIn([declaration, commitment]) };
}

beforeAll(async () => {
  browser = await launchChromium();
  campaign = await aCampaign();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Words that are English and neither French nor German (whole words: "Sign" is not in "Signé").
 * Found in the console's own wording (not in the data it shows), one means a message left in English.
 */
const ENGLISH_WORDS = /(?<!\p{L})(the|and|of|is|are|with|by|to|for|from|not|yet|no|signed|awaiting|invited|declaration|declarations|commitment|commitments|countersign|countersignature|sign|review|queue|export|search|state|category|country|trail|next|previous|delivered|verified|joint)(?!\p{L})/giu;

/**
 * The page's visible text, less the data it shows: names, addresses, the declaration's own text,
 * ids, and each audit event's detail, which the timeline shows as the record has it (field: value).
 */
async function visibleWording(page: Page): Promise<string> {
  const details = (await page.locator('#timeline li > div.muted').allInnerTexts()).filter(Boolean);
  const text = details.reduce((rest, detail) => rest.split(detail).join(' '), await page.evaluate('document.body.innerText') as string);
  const who = ((await page.locator('#who span').textContent()) ?? '').split(' · ')[0] ?? '';
  // Whole values only (a language code such as "de" must not cut words), longest first.
  const data = [...campaign.data, who, campaign.declarationId, campaign.verifiedId].filter((value) => value.length > 3).sort((a, b) => b.length - a.length);
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return data.reduce((rest, value) => rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'gu'), ' '), text);
}

async function expectNoEnglish(page: Page, what: string): Promise<void> {
  const wording = await visibleWording(page);
  const english = [...new Set([...wording.matchAll(ENGLISH_WORDS)].map((match) => match[0]))];
  expect(english, `English words on ${what}:\n${wording}`).toEqual([]);
}

async function switchTo(tab: ConsoleTab, name: string, language: string): Promise<void> {
  await Promise.all([tab.page.waitForEvent('load'), tab.page.getByRole('button', { name, exact: true }).click()]);
  await tab.page.locator(`html[lang=${language}]`).waitFor({ state: 'attached' });
}

describe('the console in French and in German', () => {
  it('speaks the language chosen with the switch on the dashboard and a commitment page, with no English wording left, and passes axe-core', async () => {
    const tab = await signedInTab(browser, client().appUrl, 'commission-admin');
    const { page } = tab;
    await openConsolePage(tab, `/console/declarations/${campaign.declarationId}`, '#list-body tr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The switch names each language in its own words, and says which is the page's.
    expect(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed')).toBe('true');

    for (const [name, language, ready] of [['Français', 'fr', 'Engagements'], ['Deutsch', 'de', 'Verpflichtungen']] as const) {
      const m = CONSOLE_MESSAGES[language];
      await switchTo(tab, name, language);
      await page.locator('#list-body tr').nth(1).waitFor();
      await page.getByRole('tab', { name: ready, exact: true }).waitFor();
      expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#who').textContent()).toContain(m.browser.roleAdmin);
      expect(await page.locator('#list-body').textContent()).toContain(m.states.VERIFIED);
      expect(await page.locator('#list-body').textContent()).toContain(m.states.INVITED);
      expect(await page.locator('#list-count').textContent()).toBe(`${language === 'fr' ? '2 engagements correspondent (sur 2).' : '2 Verpflichtungen entsprechen (von 2).'}`);
      await page.getByText(m.dashboard.breakdownSummary).click();
      await page.locator('#chart svg').waitFor();
      await expectNoEnglish(page, `the dashboard in ${language}`);
      await expectAccessible(page, `the dashboard in ${language}`);

      // The language is remembered: the next page opens in it.
      await openConsolePage(tab, `/console/commitments/${campaign.verifiedId}`, '#timeline li');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.locator('#timeline li > strong').allTextContents()).toEqual(expect.arrayContaining([m.events.SIGNED, m.events.VERIFIED]));
      // Dates in the language's own order, still in UTC.
      const times = await page.locator('#timeline time').allTextContents();
      expect(times.filter((time) => !(language === 'fr' ? /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC$/ : /^\d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d UTC$/).test(time))).toEqual([]);
      await expectNoEnglish(page, `a commitment page in ${language}`);
      await expectAccessible(page, `a commitment page in ${language}`);
      await openConsolePage(tab, `/console/declarations/${campaign.declarationId}`, '#list-body tr');
    }

    // Back to English, the wording the other tests read.
    await switchTo(tab, 'English', 'en');
    await page.getByRole('tab', { name: 'Commitments', exact: true }).waitFor();
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  it('follows the browser\'s languages until one is chosen, and answers in English for the others', async () => {
    for (const [locale, language, signIn] of [['de-AT', 'de', 'Anmelden (Entwicklung)'], ['fr-BE', 'fr', 'Se connecter (développement)'], ['nl-NL', 'en', 'Sign in (development)']] as const) {
      const context = await browser.newContext({ baseURL: client().appUrl, locale });
      const page = await context.newPage();
      await page.goto('/console');
      await page.getByRole('button', { name: signIn }).waitFor();
      expect(await page.getAttribute('html', 'lang'), locale).toBe(language);
      await context.close();
    }
  });
});
