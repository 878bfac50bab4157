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
import { escapeHtml } from '../../templates/html';
import { languageName } from '../../templates/i18n';
import { SAMPLE_TEXTS } from '../../tools/campaign/sample-texts';
import type { HttpError } from '../../tools/campaign/campaign-client';
import { client, invitation, uniqueAddress, waitForState } from '../support/campaign';
import { invitedOperator, openForm } from '../support/signing';

const titles = sampleDeclaration().texts;
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as HttpError);

describe('the languages of the signing pages and emails', () => {
  it('speak the invitation’s language, each of the 24 official EU languages, on every page and in every email', async () => {
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

  it('refuse an invitation in a language the product does not speak, naming the field and the supported codes, and invite nobody', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const supported = invitation(uniqueAddress(), {}, 'pl');
    const refused = await failure(campaign.invite(admin, id, [supported, invitation(uniqueAddress(), {}, 'zh')]));
    expect(refused).toMatchObject({ status: 400 });
    expect((JSON.parse(refused!.body) as { details: string[] }).details).toEqual([`invitations.1.language: "zh" is not a language the product supports; use one of ${OPERATOR_LANGUAGES.join(', ')}`]);
    expect((await campaign.api<{ total: number }>(admin, 'GET', `/api/declarations/${id}`)).total).toBe(0);
  });

  it('accept an invitation in a language the declaration has no version of, and say in the emails and pages which version the signer reads', async () => {
    const m = messagesFor('mt');
    const notice = m.landing.versionNotice(languageName('en'));
    const { campaign, admin, commitmentId, email, operator } = await invitedOperator({ language: 'mt', declaration: sampleDeclaration({ languages: ['en', 'fr'] }) });
    const [invitationMail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    expect(invitationMail!.body.text).toContain(m.email.versionNotice(languageName('en')));
    const landing = await (await operator.landing()).text();
    expect(landing).toContain('<html lang="mt">');
    expect(landing).toContain(escapeHtml(notice));
    await openForm(operator);
    const form = await operator.readForm();
    expect(form.language).toBe('en');
    expect(form.html).toContain(escapeHtml(notice));
    expect((await operator.sign({ name: 'Ġorġ Borġ', title: 'Direttur' }, {}, form)).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    const { commitment } = await campaign.api<{ commitment: { signature: { language: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.signature.language).toBe('en');
  });

  it('record the language version the signer chose with that version’s hash, and the sealed PDF carries it', async () => {
    const { campaign, admin, commitmentId, operator } = await invitedOperator();
    await openForm(operator);
    const french = await operator.readForm('?lang=fr');
    expect(french.language).toBe('fr');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain(titles.fr!.title);
    // The commitments are shown in the version's language, and the hash posted covers them with the text.
    for (const id of ['risk-analysis', 'scanning'] as const) expect(french.html).toContain(escapeHtml(SAMPLE_TEXTS.fr.commitments[id]));
    expect(french.html).not.toContain(escapeHtml(SAMPLE_TEXTS.en.commitments['risk-analysis']));
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Directeur' }, {}, french)).status).toBe(200);
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    const { commitment } = await campaign.api<{ commitment: { signature: { language: string; textSha256: string; consent: { language: string; text: string } }; verification: { checks: { check: string; passed: boolean; detail: string }[] } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.signature).toMatchObject({ language: 'fr', consent: { language: 'fr', text: consentStatement('fr').text, sha256: consentStatement('fr').sha256 } });
    expect(commitment.verification.checks.find((check) => check.check === 'text-hash')).toMatchObject({ passed: true, detail: expect.stringContaining('the commitments exactly as issued in this language (fr)') });

    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');
    const auditor = await campaign.token('auditor');
    const { bytes } = await campaign.downloadDocument(auditor, commitmentId);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'french-')), 'certificate.pdf');
    writeFileSync(file, bytes);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Nous, services répressifs');
    expect(text).toContain(SAMPLE_TEXTS.fr.commitments.scanning.replace(/\s+/g, ' '));
    // The checks that all passed are kept in the VERIFIED audit event alone; the certificate still lists each of them.
    const audit = messagesFor('fr').document.audit;
    expect(text).not.toContain(audit.noChecks);
    for (const name of Object.values(audit.checks)) expect(text).toContain(name);
  });
});
