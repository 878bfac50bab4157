import { describe, expect, it } from 'vitest';
import { client } from '../support/campaign';
import { consoleTabFor, focusedTag, openConsolePage, signedInTab } from './console-support';
import { expectAccessible } from './signing-support';

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
      await group.getByLabel('Commitment in English (en)').fill(`Share what ${label.toLowerCase()} learns about trafficking with the other members.`);
      await group.getByLabel('Commitment in French (fr)').fill(`Partager avec les autres membres ce que l’on apprend sur les trafics (${label}).`);
    }
    const customs = page.getByRole('group', { name: 'Customs authority', exact: true });
    await customs.getByRole('button', { name: 'Add a commitment for Customs authority' }).click();
    await expect.poll(() => focusedTag(page)).toBe('TEXTAREA');
    await page.keyboard.type('Scan high-risk containers.');
    await customs.getByLabel('Commitment in French (fr)').nth(1).fill('Scanner les conteneurs à haut risque.');
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
    const stored = await client().api<{ declaration: { status: string; texts: Record<string, { title: string }>; commitments: Record<string, { text: string; texts: Record<string, string>; required: boolean }[]>; organisationDomains: unknown[]; reminders: { automatic: boolean } } }>(token, 'GET', `/api/declarations/${declarationId}?pageSize=1`);
    expect(stored.declaration.status).toBe('DRAFT');
    expect(Object.keys(stored.declaration.texts).sort()).toEqual(['en', 'fr']);
    expect(stored.declaration.commitments.customs!.map((clause) => clause.required)).toEqual([true, false]);
    expect(stored.declaration.commitments.customs![1]!.texts).toEqual({ en: 'Scan high-risk containers.', fr: 'Scanner les conteneurs à haut risque.' });
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

  it('marks each field the API refuses, saves a draft with only its title, and names every piece missing to open it', async () => {
    const { page } = admin;
    // The form's script renders its language blocks, and handles Save once it has.
    await openConsolePage(admin, '/console/declarations/new', '[data-language-block]');
    const title = page.locator('[data-language-block]').first().getByLabel('Title');
    const text = page.locator('[data-language-block]').first().getByLabel('Text');
    const describedBy = async (control: typeof title) => {
      const ids = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
      return Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    };

    // Nothing written: only the title, which names a draft, is asked for.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('English version: the title is required, even in a draft: it names the declaration');
    expect(await alert.textContent()).not.toMatch(/texts\.en|commitments\./);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(title)).toEqual(['English version: the title is required, even in a draft: it names the declaration']);
    await expect.poll(() => focusedTag(page)).toBe('INPUT');
    expect(await page.evaluate('document.activeElement.dataset.field')).toBe('texts.en.title');
    expect(await page.locator('[aria-invalid=true]').count()).toBe(1);
    await expectAccessible(page, 'the declaration form with a refused field');
    expect(page.url()).toMatch(/\/console\/declarations\/new$/);

    // Opened at once, everything missing is named at its field, commitments by language; the first takes the focus.
    await title.fill('A declaration begun in the console');
    await page.getByRole('button', { name: 'Add a language' }).click();
    const maltese = page.locator('[data-language-block]').nth(1);
    await maltese.getByLabel('Language (two letters, e.g. fr)').fill('mt');
    await maltese.getByLabel('Title').fill('Dikjarazzjoni konġunta');
    await maltese.getByLabel('Text').fill('Aħna, il-firmatarji, nimpenjaw ruħna.');
    const customs = page.getByRole('group', { name: 'Customs authority', exact: true });
    await customs.getByLabel('Commitment in English (en)').fill('Scan high-risk containers.');
    await page.getByRole('button', { name: 'Create and open for signing' }).click();
    await expect.poll(() => alert.textContent()).toContain('cannot be opened for signing yet');
    expect(await alert.textContent()).toContain('Law enforcement, commitment 1: the English text is missing');
    expect(await alert.textContent()).toContain('Customs authority, commitment 1: the Maltese text is missing');
    expect(await describedBy(customs.getByLabel('Commitment in Maltese (mt)'))).toEqual(['Customs authority, commitment 1: the Maltese text is missing']);
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(text)).toEqual(['English version: the text is missing']);
    // The English text, four English and five Maltese commitment texts.
    expect(await page.locator('[aria-invalid=true]').count()).toBe(10);
    await expect.poll(() => page.evaluate('document.activeElement.dataset.field')).toBe('texts.en.text');
    await expectAccessible(page, 'the declaration form with the fields missing to open it');

    // As a draft, it is saved as it is.
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/console\/declarations\/dcl_[0-9a-z]+\?saved=draft$/);
    await expect.poll(() => page.locator('#title').textContent()).toBe('A declaration begun in the console');
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
