import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { sealTestInput } from '../support/certificate-input';
import { localStack } from '../support/local-stack';
import { expectAccessible, launchChromium } from './signing-support';

const workDir = mkdtempSync(path.join(tmpdir(), 'verify-page-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the public check of a document (headless Chromium)', () => {
  it('renders styled under its policy: its style allowed by hash, no CSP violation or header error reported', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const reported: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') reported.push(message.text());
    });
    // Chromium's own reports (a policy it cannot parse, a feature it does not know) reach the DevTools log, not the page's console.
    const devtools = await page.context().newCDPSession(page);
    devtools.on('Log.entryAdded', ({ entry }) => {
      if (entry.level === 'error' || entry.level === 'warning') reported.push(entry.text);
    });
    await devtools.send('Log.enable');
    await page.addInitScript("document.addEventListener('securitypolicyviolation', (event) => console.error('CSP violation: ' + event.violatedDirective))");
    const response = await page.goto(`${localStack().urls.app}/verify`);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    // The header's colour and the page's own font come only from the inline style block.
    expect(await page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")).toBe('rgb(0, 51, 153)');
    expect(await page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")).toBe('760px');
    expect(reported).toEqual([]);
  });

  it('shows why the seal of an uploaded file is not valid, each reason with its code, in a page that passes axe-core', async () => {
    // Sealed with a key and certificate of its own: nothing this deployment trusts.
    const stranger = await createDevelopmentSeal();
    const file = path.join(workDir, 'stranger.pdf');
    writeFileSync(file, await renderSealedCertificate(sealTestInput(), stranger.signer));

    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${localStack().urls.app}/verify`);
    await page.getByLabel('The PDF file').setInputFiles(file);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: 'Check' }).click()]);

    expect(await page.getByRole('heading', { level: 2, name: 'Not issued by us' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'The seal is not valid' }).count()).toBe(1);
    const reasons = await page.locator('section[aria-labelledby="seal-heading"] h3 + ul').first().innerText();
    expect(reasons).toContain('(CERTIFICATE_UNTRUSTED)');
    expect(reasons).toContain('The seal certificate does not lead to');
    expect(await page.getByText('Failed: seal certificate path.').count()).toBe(1);
    await expectAccessible(page, 'the verify page with a seal report');
  });
});
