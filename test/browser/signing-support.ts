import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Page, Response } from 'playwright-core';

export { launchChromium } from './chromium';

/** What has the keyboard focus, and whether it is visibly marked. */
export interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly outline: string;
}

export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    return { tag: element.tagName.toLowerCase(), id: element.id, name: element.getAttribute('name') || '', text: (element.textContent || '').trim(), outline: getComputedStyle(element).outlineStyle };
  })()`);
}

/**
 * Presses Tab until the element that matches has the focus, checking that every element the
 * focus passes through shows it (an outline), as a keyboard user would see it.
 */
export async function tabTo(page: Page, matches: (element: Focused) => boolean, what: string, maxTabs = 40): Promise<void> {
  for (let press = 0; press < maxTabs; press++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (!element) continue;
    expect(element.outline, `the focus on ${element.tag}#${element.id} is visible`).not.toBe('none');
    if (matches(element)) return;
  }
  throw new Error(`${what} cannot be reached with the Tab key`);
}

/** axe-core finds no WCAG 2.1 A or AA violation on the page. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `WCAG 2.1 AA on ${what}`).toEqual([]);
  expect(results.passes.length, `axe checked ${what}`).toBeGreaterThan(5);
}

/** Presses Enter on what has the focus and waits for the page the form leads to; answers the last response of the navigation. */
export async function pressEnterAndWait(page: Page): Promise<Response | null> {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return response;
}

/** Reaches the button with this label with Tab and presses Enter; answers the status of the page it leads to. */
export async function pressButton(page: Page, label: string): Promise<number | undefined> {
  await tabTo(page, (element) => element.tag === 'button' && element.text === label, `the button “${label}”`);
  return (await pressEnterAndWait(page))?.status();
}
