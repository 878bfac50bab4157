import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client } from '../support/campaign';
import { deliveredDeclaration as delivered } from '../support/flows';
import { unzip } from '../support/zip';
import { consoleTabFor, openConsolePage } from './console-support';
import { expectAccessible } from './signing-support';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A declaration whose three commitments, in two countries, are signed, countersigned, sealed and delivered. */
async function deliveredDeclaration() {
  const campaign = client();
  return delivered(campaign, await campaign.token('commission-admin'), 'zipped', [
    undefined,
    { name: 'Пристанище Бургас', country: 'BG', category: 'port_authority' },
    { name: 'Agenția Vamală Română', country: 'RO', category: 'customs' },
  ]);
}

describe('the console: an auditor exports sealed PDFs as a ZIP', () => {
  const auditor = consoleTabFor('auditor');

  it('with the current filters, follows its progress, downloads the ZIP and finds the expected files, the page passing axe-core', async () => {
    const { declarationId, commitmentIds } = await deliveredDeclaration();
    const { page } = auditor;
    await openConsolePage(auditor, `/console/audit?declarationId=${declarationId}`, '#documents-body tr');
    await expect.poll(() => page.locator('#documents-count').textContent()).toBe('3 sealed documents.');
    await expect.poll(() => page.locator('#joint-state').textContent()).toContain('The joint declaration is made once the declaration is closed');

    await page.getByLabel('Category').selectOption('customs');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#documents-count').textContent()).toBe('2 sealed documents.');
    const recorded = new Map<string, string>();
    for (const row of await page.locator('#documents-body tr').all()) {
      recorded.set((await row.locator('td').first().textContent())!, (await row.locator('td.mono').textContent())!);
    }

    await page.getByRole('button', { name: 'Export sealed PDFs (ZIP)' }).click();
    const link = page.getByRole('link', { name: /^Download the ZIP \(2 sealed PDFs, / });
    await link.waitFor();
    await expectAccessible(page, 'the audit page with a finished export');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^ports-alliance-sealed-pdfs-${declarationId}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const entries = await unzip(await readFile((await download.path())!));
    const names = entries.map((entry) => entry.name).sort();
    expect(names).toEqual([
      `GR/customs/Λιμενικό Σώμα – Ελληνική Ακτοφυλακή-${commitmentIds[0]!.slice(-8)}.pdf`,
      `RO/customs/Agenția Vamală Română-${commitmentIds[2]!.slice(-8)}.pdf`,
      'manifest.csv',
      'manifest.json',
    ]);
    expect(sha256(entries.find((entry) => entry.name.startsWith('GR/'))!.bytes)).toBe(recorded.get('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή'));
    expect(sha256(entries.find((entry) => entry.name.startsWith('RO/'))!.bytes)).toBe(recorded.get('Agenția Vamală Română'));
    expect(auditor.problems).toEqual([]);
  });
});

describe('the console: an admin and the joint declaration', () => {
  const admin = consoleTabFor('commission-admin');

  it('downloads a marked preview while the declaration is open, then makes the sealed one once closed and downloads it, the page passing axe-core', async () => {
    const campaign = client();
    const token = await campaign.token('commission-admin');
    const { id } = await campaign.api<{ id: string }>(token, 'POST', '/api/declarations', sampleDeclaration());
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${id}`, '#joint-preview');
    await expectAccessible(page, 'the declaration page with its joint declaration section');
    const [preview] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Preview with the signatories so far' }).click()]);
    expect(preview.suggestedFilename()).toBe(`ports-alliance-joint-declaration-preview-${id}.pdf`);
    const previewBytes = await readFile((await preview.path())!);
    expect(previewBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(previewBytes.includes(Buffer.from('/ByteRange'))).toBe(false);

    await campaign.api(token, 'POST', `/api/declarations/${id}/closing`, {});
    await openConsolePage(admin, `/console/declarations/${id}`, '#joint-make');
    await page.getByRole('button', { name: 'Make the sealed joint declaration' }).click();
    await page.locator('#joint-download').waitFor();
    const [sealed] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the sealed joint declaration (PDF)' }).click()]);
    const sealedBytes = await readFile((await sealed.path())!);
    expect(await page.locator('#joint-download').locator('xpath=../preceding-sibling::p[1]').textContent()).toBe(`SHA-256 ${sha256(sealedBytes)}`);
    expect(sealedBytes.includes(Buffer.from('/ByteRange'))).toBe(true);
    expect(admin.problems).toEqual([]);
  });
});
