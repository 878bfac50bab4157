import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { auditEvents, client, invitation, uniqueAddress } from '../support/campaign';
import { signEach, waitForAll } from '../support/flows';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { launchChromium } from './chromium';
import { openConsolePage, signedInTab, type ConsoleTab } from './console-support';

interface Campaign {
  readonly declarationId: string;
  readonly draftId: string;
  /** Verified, each from a country of its own; the first has the fullest timeline. */
  readonly verified: readonly string[];
}

let browser: Browser;
let campaign: Campaign;

/** An open declaration with three verified commitments and one awaiting a signature (its row has every action), and a draft. */
async function aCampaign(): Promise<Campaign> {
  const api = client();
  const admin = await api.token('commission-admin');
  const declaration = { ...sampleDeclaration(), oneTimeCode: true };
  const { id: declarationId } = await api.api<{ id: string }>(admin, 'POST', '/api/declarations', declaration);
  const { id: draftId } = await api.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), draft: true });
  const signers = ['GR', 'BE', 'NL'].map((country) => ({ email: uniqueAddress('layout'), country }));
  const invited = await api.invite(admin, declarationId, [
    ...signers.map(({ email, country }) => invitation(email, { country, name: `Port security authority of ${country} with a long official name` })),
    invitation(uniqueAddress('waiting'), { country: 'PT', name: 'Autoridade Portuária de Sines e do Algarve' }),
  ]);
  const verified = invited.results.slice(0, 3).map((result) => result.commitmentId);
  await signEach(api, signers.map(({ email }) => email));
  await waitForAll(api, admin, verified, ['VERIFIED']);
  await waitFor(async () => ((await auditEvents(api, admin, verified[0]!)).some((event) => event.type === 'SIGNATURE_CONFIRMATION_SENT') ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the confirmation email\'s event', 250);
  return { declarationId, draftId, verified };
}

beforeAll(async () => {
  browser = await launchChromium();
  campaign = await aCampaign();
});
afterAll(async () => {
  await browser?.close();
});

/** Every console page, and the element that shows its script has rendered. */
function consolePages(): (readonly [string, string])[] {
  return [
    ['/console', '#declarations-body tr'],
    [`/console/declarations/${campaign.declarationId}`, '#list-body tr'],
    ['/console/declarations/new', '[data-language-block]'],
    [`/console/declarations/${campaign.draftId}/edit`, '[data-language-block]'],
    [`/console/commitments/${campaign.verified[0]}`, '#timeline li'],
    [`/console/audit?declarationId=${campaign.declarationId}`, '#documents-body tr'],
  ];
}

const sideways = (tab: ConsoleTab) => tab.page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })') as Promise<{ scrollWidth: number; innerWidth: number }>;

describe('the console at 375 px wide (a phone)', () => {
  it('scrolls no page sideways, nor any tab of a declaration', async () => {
    const tab = await signedInTab(browser, client().appUrl, 'commission-admin', { viewport: { width: 375, height: 800 } });
    const wide: string[] = [];
    const check = async (what: string) => {
      const { scrollWidth, innerWidth } = await sideways(tab);
      if (scrollWidth > innerWidth) wide.push(`${what}: ${scrollWidth} px in ${innerWidth}`);
    };
    for (const [path, ready] of consolePages()) {
      await openConsolePage(tab, path, ready);
      await check(path);
    }
    await openConsolePage(tab, `/console/declarations/${campaign.declarationId}`, '#list-body tr');
    for (const name of [/^Review queue/, /^Countersignature queue/, /^Invite$/]) {
      await tab.page.getByRole('tab', { name }).click();
      await tab.page.waitForLoadState('networkidle');
      await check(`the tab ${name.source}`);
    }
    await tab.page.getByText('Counts by state, category and country, and signatures over time').click();
    await check('the counts and the chart');
    expect(wide).toEqual([]);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});

describe('the console on a desktop', () => {
  it('shows each date of the commitments table on one line', async () => {
    const tab = await signedInTab(browser, client().appUrl, 'commission-admin', { viewport: { width: 1280, height: 800 } });
    await openConsolePage(tab, `/console/declarations/${campaign.declarationId}`, '#list-body tr');
    // Lines of text in each Invited and Signed cell that holds a date, told apart by their top.
    const lines = await tab.page.evaluate(`[...document.querySelectorAll('#list-body td:nth-child(6), #list-body td:nth-child(7)')]
      .filter((cell) => cell.textContent)
      .map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return cell.textContent + ': ' + new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      })`) as string[];
    expect(lines.length).toBeGreaterThanOrEqual(7);
    expect(lines.filter((line) => !line.endsWith(': 1'))).toEqual([]);
    await tab.context.close();
  });

  it('names each event of a commitment\'s timeline in words, to the second, and the accepted commitments by their text', async () => {
    const tab = await signedInTab(browser, client().appUrl, 'commission-admin');
    await openConsolePage(tab, `/console/commitments/${campaign.verified[0]}`, '#timeline li');
    const labels = await tab.page.locator('#timeline li > strong').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Invited', 'Invitation email sent', 'One-time code emailed', 'Signed', 'Confirmation of the signature emailed', 'Passed the automatic checks']));
    expect(labels.filter((label) => /[A-Z]{2,}_[A-Z_]+/.test(label))).toEqual([]);
    const times = await tab.page.locator('#timeline time').allTextContents();
    expect(times.length).toBe(labels.length);
    expect(times.filter((time) => !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/.test(time))).toEqual([]);
    const customs = sampleDeclaration().commitments.customs!;
    expect(await tab.page.locator('#accepted-commitments li').allTextContents()).toEqual(customs.map((clause) => clause.text));
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });

  it('counts the selected commitments on the countersign button, disables it with none, and keeps the results apart from the queue', async () => {
    const tab = await signedInTab(browser, client().appUrl, 'commission-admin');
    const { page } = tab;
    await openConsolePage(tab, `/console/declarations/${campaign.declarationId}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Countersignature queue (3)' }).click();
    await page.locator('#countersign-body tr').nth(2).waitFor();
    const selected = page.locator('#countersign-selected');
    expect(await selected.textContent()).toBe('Countersign the selected commitments');
    expect(await selected.isDisabled()).toBe(true);
    expect(await page.locator('#countersign-all').textContent()).toBe('Countersign all 3 verified commitments');
    const boxes = page.locator('#countersign-body input[type=checkbox]');
    await boxes.nth(0).check();
    expect(await selected.textContent()).toBe('Countersign 1 selected commitment');
    expect(await selected.isEnabled()).toBe(true);
    await boxes.nth(1).check();
    expect(await selected.textContent()).toBe('Countersign 2 selected commitments');
    await boxes.nth(1).uncheck();

    await selected.click();
    await page.getByRole('dialog', { name: 'Countersign 1 selected commitment?' }).getByRole('button', { name: 'Countersign' }).click();
    await page.locator('#countersign-outcome').waitFor({ timeout: WORKFLOW_TIMEOUT_MS });
    await expect.poll(() => page.locator('#countersign-body tr').count()).toBe(2);
    // Once the action is done (the list reloaded), the buttons follow what is left and selected.
    await expect.poll(() => selected.textContent()).toBe('Countersign the selected commitments');
    expect(await selected.isDisabled()).toBe(true);
    await expect.poll(() => page.locator('#countersign-all').textContent()).toBe('Countersign all 2 verified commitments');
    const results = await page.locator('#countersign-results table').boundingBox();
    const queue = await page.locator('#countersign-table').boundingBox();
    expect(results && queue && queue.y - (results.y + results.height)).toBeGreaterThanOrEqual(24);
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  });
});
