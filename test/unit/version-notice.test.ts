import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../templates/html';
import { languageName, messagesFor } from '../../templates/i18n';
import { invitationEmail } from '../../templates/email/invitation';
import { landingPage } from '../../templates/pages/landing-page';

const invitation = (language: string, versionLanguage: string) =>
  invitationEmail({ language, kind: 'invitation', contactName: 'Zofia Wiśniewska', organisationName: 'Krajowa Administracja Skarbowa', declarationTitle: 'Joint declaration', signingUrl: 'https://signing.example/sign/abc', expiresAt: new Date('2026-12-01T00:00:00Z'), contactAddress: 'contact@ec.example', oneTimeCode: true, versionLanguage });

const landing = (language: string, titleLanguage: string) =>
  landingPage({ messages: messagesFor(language), language, title: 'Joint declaration', titleLanguage, organisationName: 'KAS', categoryLabel: 'Customs', expiresAt: new Date('2026-12-01T00:00:00Z'), formToken: 't', contactAddress: 'contact@ec.example' });

describe('an invitation in a language the declaration has no version of', () => {
  it('says in its email which version the signer will read', () => {
    const notice = messagesFor('pl').email.versionNotice(languageName('en'));
    const email = invitation('pl', 'en');
    expect(email.text).toContain(notice);
    expect(email.html).toContain(escapeHtml(notice));
    expect(invitation('pl', 'pl').text).not.toContain(notice);
  });

  it('says on its landing page which version the signer will read', () => {
    const notice = messagesFor('mt').landing.versionNotice(languageName('en'));
    expect(landing('mt', 'en')).toContain('id="version-notice"');
    expect(landing('mt', 'en')).toContain(escapeHtml(notice));
    expect(landing('mt', 'mt')).not.toContain('id="version-notice"');
  });
});
