import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../functions/domain/audit-chain';
import { client } from '../support/campaign';
import { deliveredDeclaration as delivered } from '../support/flows';
import { consoleTabFor, openConsolePage } from './console-support';

/** A declaration whose two commitments are signed, countersigned, sealed and delivered. */
async function deliveredDeclaration() {
  const campaign = client();
  return delivered(campaign, await campaign.token('commission-admin'), 'audited', [undefined, { name: 'Пристанище Бургас', country: 'BG', category: 'port_authority' }]);
}

describe('the console: an auditor', () => {
  const auditor = consoleTabFor('auditor');

  it('filters the sealed documents, downloads one byte for byte, reads its trail and exports a trail that verifies', async () => {
    const { declarationId, commitmentIds } = await deliveredDeclaration();
    const { page } = auditor;
    await openConsolePage(auditor, `/console/audit?declarationId=${declarationId}`, '#documents-body tr');
    await expect.poll(() => page.locator('#documents-count').textContent()).toBe('2 sealed documents.');

    await page.getByLabel('Category').selectOption('port_authority');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#documents-count').textContent()).toBe('1 sealed document.');
    const row = page.locator('#documents-body tr').first();
    expect(await row.locator('td').first().textContent()).toBe('Пристанище Бургас');
    const recordedSha256 = (await row.locator('td.mono').textContent())!;

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download the sealed PDF of Пристанище Бургас' }).click()]);
    const bytes = await readFile((await download.path())!);
    expect(download.suggestedFilename()).toBe(`ports-alliance-commitment-${commitmentIds[1]}.pdf`);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recordedSha256);

    await row.getByRole('link', { name: 'Пристанище Бургас' }).click();
    await page.locator('#timeline li').first().waitFor();
    const timeline = await page.locator('#timeline li strong').allTextContents();
    expect(timeline).toEqual(expect.arrayContaining(['Invited', 'Invitation email sent', 'Signed', 'Passed the automatic checks', 'Countersigned', 'Certificate sealed', 'Certificate emailed']));
    expect(await page.locator('#document-sha256').textContent()).toBe(recordedSha256);
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);

    // The export button works once the page's script has rendered the documents.
    await openConsolePage(auditor, `/console/audit?declarationId=${declarationId}`, '#documents-body tr');
    const [trail] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the audit trail (JSON Lines)' }).click()]);
    expect(trail.suggestedFilename()).toBe(`audit-trail-${declarationId}.jsonl`);
    const text = await readFile((await trail.path())!, 'utf8');
    const head = (await page.locator('#trail-head').textContent())!;
    const verdict = verifyChain(text, head);
    expect(verdict).toMatchObject({ ok: true, head });
    const types = text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types.filter((type) => type === 'SEALED')).toHaveLength(2);
    expect(await page.locator('#trail-done').textContent()).toContain(`npm run verify-audit -- audit-trail-${declarationId}.jsonl --head ${head}`);
    expect(auditor.problems).toEqual([]);
  });
});
