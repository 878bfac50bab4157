import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, uniqueAddress } from '../support/campaign';
import { consoleTabFor, focusedId, openConsolePage } from './console-support';

describe('the console: inviting from a CSV file', () => {
  const admin = consoleTabFor('commission-admin');

  it('lists each bad row with its line and reason, imports nothing, then imports only the good rows when asked', async () => {
    const campaign = client();
    const token = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(token, sampleDeclaration());
    const good = [uniqueAddress('csv1'), uniqueAddress('csv2'), uniqueAddress('csv3')];
    const csv = [
      'organisation;category;country;email;contact_name;language;email_domains',
      `"Λιμενικό Σώμα – Ελληνική Ακτοφυλακή";customs;GR;${good[0]};Αθανάσιος Παπαδόπουλος;el;customs.gr.example`,
      `Пристанище Варна;port_authority;BG;${good[1]};Иван Петров;bg;customs.gr.example`,
      `Douane;douane;FR;bad-address;Jean Dupont;fr;`,
      `"Bałtycki Terminal Kontenerowy";private_operator;PL;${good[2]};Zofia Wiśniewska;pl;customs.gr.example`,
      `Twice;customs;GR;${good[0]};Someone;en;`,
    ].join('\r\n');

    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${id}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Invite' }).click();
    await page.getByLabel('Invitation file (.csv)').setInputFiles({ name: 'invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await page.getByRole('button', { name: 'Check the file' }).click();

    await expect.poll(() => page.locator('#csv-summary').textContent()).toBe('5 rows: 3 valid, 2 with problems, 0 already invited, 3 to invite. Nothing is imported until the file is corrected, unless you choose to import only the good rows.');
    expect(await focusedId(page)).toBe('csv-summary');
    const problems = await page.locator('#csv-problems tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(problems).toHaveLength(2);
    expect(problems[0]!.slice(0, 3)).toEqual(['4', 'Douane', 'bad-address']);
    expect(problems[0]![3]).toMatch(/^category: category must be one of .*email: email must be a valid address/);
    expect(problems[1]!.slice(0, 3)).toEqual(['6', 'Twice', good[0]]);
    expect(problems[1]![3]).toBe(`email: ${good[0]} is already listed on line 2`);
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
    expect((await campaign.status(token, id)).total).toBe(0);

    await page.getByRole('button', { name: 'Import only the 3 good rows' }).click();
    await expect.poll(() => page.locator('#csv-done').textContent()).toBe('Imported: 3 organisations invited.');
    const status = await campaign.status(token, id);
    expect(status.commitments.map((commitment) => commitment.email).sort()).toEqual([...good].sort());
    await expect.poll(() => page.locator('#list-body tr').count()).toBe(3);
    expect(await page.locator('#list-body').textContent()).toContain('Пристанище Варна');

    // The list's country filter offers the invited countries, each an option named by its code, and filters by it.
    await page.getByRole('tab', { name: 'Commitments' }).click();
    const countryFilter = page.getByLabel('Country', { exact: true });
    const countries = await countryFilter.locator('option').evaluateAll((options) => options.map((option) => [option.getAttribute('value'), option.textContent]));
    expect(countries).toEqual([['', 'Any'], ['BG', 'BG'], ['GR', 'GR'], ['PL', 'PL']]);
    await countryFilter.selectOption('BG');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('#list-count').textContent()).toBe('1 commitment matches (of 3).');
    expect(await page.locator('#list-body tr td:nth-child(2) a').allTextContents()).toEqual(['Пристанище Варна']);
    await page.getByRole('tab', { name: 'Invite' }).click();

    // The same file again: every good row is already invited, so nothing more is offered.
    await page.getByLabel('Invitation file (.csv)').setInputFiles({ name: 'invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.locator('#csv-summary').textContent()).toContain('3 already invited, 0 to invite');
    expect(await page.getByRole('button', { name: /Import/ }).count()).toBe(0);
    expect(admin.problems).toEqual([]);
  });

  it('refuses a file with unknown columns before reading any row', async () => {
    const campaign = client();
    const token = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(token, sampleDeclaration());
    const { page } = admin;
    await openConsolePage(admin, `/console/declarations/${id}`, '#list-body tr');
    await page.getByRole('tab', { name: 'Invite' }).click();
    await page.getByLabel('Invitation file (.csv)').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('name,phone\nA,123\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.locator('#csv-file-errors').textContent()).toMatch(/Unknown column\(s\): name, phone.*Missing column\(s\): organisation, category, country, email, contact_name/);
    expect(admin.problems).toEqual([]);
  });
});
