import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Group } from '../../functions/catalog';

export { launchChromium } from './chromium';

export interface ConsoleTab {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors and Content-Security-Policy violations seen so far: a console page must cause none. */
  readonly problems: string[];
}

/** A tab signed in to the console through the development sign-in, as a person would. */
export async function signedInTab(browser: Browser, appUrl: string, group: Group): Promise<ConsoleTab> {
  const context = await browser.newContext({ acceptDownloads: true, baseURL: appUrl });
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
