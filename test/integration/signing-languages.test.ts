import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { consentStatement } from '../../functions/domain/consent';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { messagesFor } from '../../templates/i18n';
import { waitForState } from '../support/campaign';
import { invitedOperator, openForm } from '../support/signing';

const titles = sampleDeclaration().texts;

describe('the languages of the signing pages and emails', () => {
  it('speak the invitation’s language, French, German, Greek or English, on every page and in every email', async () => {
    await Promise.all(OPERATOR_LANGUAGES.map(async (language) => {
      const m = messagesFor(language);
      const { campaign, email, operator } = await invitedOperator({ language });
      const title = (titles[language] ?? titles.en)!.title;
      const [invitation] = await campaign.waitForEmails(email, isEmailFor('invitation'));
      expect(invitation!.subject, language).toBe(m.email.invitationSubject(title));
      expect(invitation!.body.html, language).toContain(`<html lang="${language}">`);
      const landing = await (await operator.landing()).text();
      expect(landing, language).toContain(`<html lang="${language}">`);
      expect(landing, language).toContain(m.landing.continueButton);
      await operator.open();
      expect((await operator.page()).html, language).toContain(m.code.title);
      const [code] = await campaign.waitForEmails(email, isEmailFor('one-time-code'));
      expect(code!.subject, language).toBe(m.email.codeSubject);
      await operator.enterCode();
      const form = await operator.readForm();
      expect(form.html, language).toContain(consentStatement(language).text);
      const signed = await operator.sign({ name: 'Test Signer', title: 'Director' }, {}, form);
      expect(await signed.text(), language).toContain(m.outcome.signedTitle);
      const [confirmation] = await campaign.waitForEmails(email, isEmailFor('signature-confirmation'), 1);
      expect(confirmation!.subject, language).toBe(m.email.confirmationSubject(title));
    }));
  });

  it('fall back to the browser’s language for an invitation in a language the pages are not written in, and then to English', async () => {
    const { link, campaign } = await invitedOperator({ language: 'bg' });
    const german = await campaign.operator(link, { acceptLanguage: 'bg;q=0.9, de-AT, en;q=0.5' }).landing();
    expect(await german.text()).toContain('<html lang="de">');
    const english = await campaign.operator(link, { acceptLanguage: 'ja' }).landing();
    expect(await english.text()).toContain('<html lang="en">');
  });

  it('record the language version the signer chose with that version’s hash, and the sealed PDF carries it', async () => {
    const { campaign, admin, commitmentId, operator } = await invitedOperator();
    await openForm(operator);
    const french = await operator.readForm('?lang=fr');
    expect(french.language).toBe('fr');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain(titles.fr!.title);
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Directeur' }, {}, french)).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    const { commitment } = await campaign.api<{ commitment: { signature: { language: string; textSha256: string; consent: { language: string; text: string } }; verification: { checks: { check: string; passed: boolean; detail: string }[] } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.signature).toMatchObject({ language: 'fr', consent: { language: 'fr', text: consentStatement('fr').text, sha256: consentStatement('fr').sha256 } });
    expect(commitment.verification.checks.find((check) => check.check === 'text-hash')).toMatchObject({ passed: true, detail: expect.stringContaining('(fr)') });

    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');
    const auditor = await campaign.token('auditor');
    const { bytes } = await campaign.downloadDocument(auditor, commitmentId);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'french-')), 'certificate.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Nous, services répressifs');
  });
});
