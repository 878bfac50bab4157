import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Group } from '../../functions/catalog';
import { client } from '../support/campaign';
import { launchChromium } from './chromium';

export interface ConsoleTab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors and Content-Security-Policy violations seen so far: a console page must cause none. */
  readonly problems: string[];
}

/** A tab signed in to the console through the development sign-in, as a person would. */
export async function signedInTab(browser: Browser, appUrl: string, group: Group, options: BrowserContextOptions = {}): Promise<ConsoleTab> {
  const context = await browser.newContext({ acceptDownloads: true, baseURL: appUrl, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.goto('/console');
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.getByRole('link', { name: `Sign in as ${group}` }).click();
  await page.locator('#who', { hasText: group === 'auditor' ? 'Auditor' : 'Commission admin' }).waitFor();
  return { context, page, problems };
}

/**
 * The console, signed in as `group`, for the tests of the enclosing `describe`: Chromium starts in
 * its `beforeAll` and closes in its `afterAll`; the tab's fields can be read once the tests run.
 */
export function consoleTabFor(group: Group): ConsoleTab {
  let browser: Browser | undefined;
  let tab: ConsoleTab | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    tab = await signedInTab(browser, client().appUrl, group);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const opened = (): ConsoleTab => {
    if (!tab) throw new Error(`the ${group} console tab opens in beforeAll`);
    return tab;
  };
  return {
    get context() { return opened().context; },
    get page() { return opened().page; },
    get problems() { return opened().problems; },
  };
}

/** Opens a console page and waits until its script has rendered. */
export async function openConsolePage(tab: ConsoleTab, path: string, ready: string): Promise<void> {
  await tab.page.goto(path);
  await tab.page.locator(ready).first().waitFor({ state: 'visible' });
}

/** The id of the element that has the keyboard focus. */
export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate('document.activeElement ? document.activeElement.id : undefined') as Promise<string | undefined>;
}

/** The tag of the element that has the keyboard focus. */
export function focusedTag(page: Page): Promise<string | undefined> {
  return page.evaluate('document.activeElement ? document.activeElement.tagName : undefined') as Promise<string | undefined>;
}

/** What the last action said: the status line, or the problem shown instead (so that a failed poll names it). */
export async function outcomeOf(page: Page): Promise<string> {
  const problem = (await page.locator('#problem').textContent())?.trim();
  return problem ? `problem: ${problem}` : (await page.locator('#status').textContent()) ?? '';
}
