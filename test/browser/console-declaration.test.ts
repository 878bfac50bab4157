import { describe, expect, it } from 'vitest';
import { client } from '../support/campaign';
import { consoleTabFor, focusedTag, openConsolePage, signedInTab } from './console-support';

describe('the console: creating a declaration', () => {
  const admin = consoleTabFor('commission-admin');

  it('writes a draft through the form, opens it for signing, and shows it to the admin', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'New declaration' }).click();
    await page.getByLabel('Title').fill('Joint declaration of the European Ports Alliance <script>alert(1)</script>');
    await page.getByLabel('Text').fill('We, the undersigned, commit to act together against organised crime in EU ports.');
    await page.getByRole('button', { name: 'Add a language' }).click();
    const french = page.locator('[data-language-block]').nth(1);
    await french.getByLabel('Language (two letters, e.g. fr)').fill('fr');
    await french.getByLabel('Title').fill('Déclaration commune de l’Alliance européenne des ports');
    await french.getByLabel('Text').fill('Nous, soussignés, nous engageons à agir ensemble contre la criminalité organisée.');
    const categories = ['Law enforcement', 'Customs authority', 'Port authority (public operator)', 'Private operator (terminal, shipping line, logistics)', 'EU agency'];
    for (const label of categories) {
      const group = page.getByRole('group', { name: label, exact: true });
      await group.getByLabel('Commitment').first().fill(`Share what ${label.toLowerCase()} learns about trafficking with the other members.`);
    }
    const customs = page.getByRole('group', { name: 'Customs authority', exact: true });
    await customs.getByRole('button', { name: 'Add a commitment for Customs authority' }).click();
    await expect.poll(() => focusedTag(page)).toBe('TEXTAREA');
    await page.keyboard.type('Scan high-risk containers.');
    await customs.getByLabel('Required to sign').nth(1).uncheck();
    await page.getByLabel('Deadline (UTC, optional)').fill('2031-03-31T17:00');
    await page.getByLabel('Send the workflow\'s automatic reminders').uncheck();
    await page.getByLabel('One organisation per line: its name, a colon, then its domains').fill('Port of Antwerp-Bruges: portofantwerpbruges.example, pabr.example');
    await page.getByRole('button', { name: 'Save as draft' }).click();

    await page.waitForURL(/\/console\/declarations\/dcl_[0-9a-z]+\?saved=draft$/);
    await expect.poll(() => page.locator('#title').textContent()).toBe('Joint declaration of the European Ports Alliance <script>alert(1)</script>');
    await expect.poll(() => page.locator('#meta').textContent()).toMatch(/Draft.*deadline 2031-03-31 17:00 UTC.*automatic reminders off/);
    expect(await page.locator('#status').textContent()).toBe('Saved as a draft.');

    const declarationId = /declarations\/(dcl_[0-9a-z]+)/.exec(page.url())![1]!;
    const token = await client().token('commission-admin');
    const stored = await client().api<{ declaration: { status: string; texts: Record<string, { title: string }>; commitments: Record<string, { text: string; required: boolean }[]>; organisationDomains: unknown[]; reminders: { automatic: boolean } } }>(token, 'GET', `/api/declarations/${declarationId}?pageSize=1`);
    expect(stored.declaration.status).toBe('DRAFT');
    expect(Object.keys(stored.declaration.texts).sort()).toEqual(['en', 'fr']);
    expect(stored.declaration.commitments.customs!.map((clause) => clause.required)).toEqual([true, false]);
    expect(stored.declaration.organisationDomains).toEqual([{ organisation: 'Port of Antwerp-Bruges', domains: ['portofantwerpbruges.example', 'pabr.example'] }]);
    expect(stored.declaration.reminders.automatic).toBe(false);

    await page.getByRole('button', { name: 'Open for signing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open for signing?' });
    await dialog.getByRole('button', { name: 'Open for signing' }).click();
    await expect.poll(() => page.locator('#meta').textContent()).toContain('Open for signing');
    expect(await page.getByRole('button', { name: 'Close for signing' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'All declarations' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Joint declaration of the European Ports Alliance <script>alert(1)</script>' }).count()).toBe(1);
    expect(admin.problems).toEqual([]);
  });

  it('names every problem of an incomplete form and saves nothing', async () => {
    const { page } = admin;
    // The form's script renders its language blocks, and handles Save once it has.
    await openConsolePage(admin, '/console/declarations/new', '[data-language-block]');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The request is not valid.');
    expect(await alert.textContent()).toMatch(/texts\.en\.title: title is required/);
    expect(await alert.textContent()).toMatch(/commitments\.customs\.0\.text: commitment text is required/);
    expect(page.url()).toMatch(/\/console\/declarations\/new$/);
    expect(admin.problems).toEqual([]);
  });

  it('hides admin actions from an auditor, whose attempts the API refuses anyway', async () => {
    const auditor = await signedInTab(admin.context.browser()!, client().appUrl, 'auditor');
    await expect.poll(() => auditor.page.locator('#declarations-body tr').count()).toBeGreaterThan(0);
    expect(await auditor.page.getByRole('link', { name: 'New declaration' }).count()).toBe(0);
    const status = await auditor.page.evaluate(async () => {
      const token = sessionStorage.getItem('ports-alliance.token');
      return (await fetch('/api/declarations', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' })).status;
    });
    expect(status).toBe(403);
    expect(auditor.problems).toEqual([]);
    await auditor.context.close();
  });
});
