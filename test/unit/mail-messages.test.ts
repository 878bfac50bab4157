import { describe, expect, it } from 'vitest';
import { deliveryMessage, invitationMessage, oneTimeCodeMessage, signatureConfirmationMessage } from '../../functions/mail/messages';
import { messagesFor } from '../../templates/i18n';

const recipient = { contactName: 'Ana Popescu', contactAddress: 'contact@ec.example' };
const invitation = (language: string) => invitationMessage({
  ...recipient, language, kind: 'invitation', organisationName: 'Portul Constanța', declarationTitle: 'Joint declaration',
  signingUrl: 'https://signing.example/sign/abc', expiresAt: new Date('2026-12-01T00:00:00Z'), oneTimeCode: false,
});

describe('the emails an organisation receives', () => {
  it('are written in the invitation’s language when the product speaks it', () => {
    const greek = invitation('el');
    expect(greek.subject).toBe(messagesFor('el').email.invitationSubject('Joint declaration'));
    expect(greek.html).toContain('<html lang="el">');
  });

  it('are written in English for an invitation in a language the product does not speak', () => {
    const emails = [
      invitation('ja'),
      oneTimeCodeMessage({ ...recipient, language: 'ja', code: '012345', expiresAt: new Date('2026-12-01T00:10:00Z') }),
      signatureConfirmationMessage({ ...recipient, language: 'ja', organisationName: 'B', declarationTitle: 'C', signerName: 'D', signerTitle: 'E', signedAt: new Date('2026-12-01T00:00:00Z'), signedLanguage: 'ja', textSha256: 'a'.repeat(64) }),
      deliveryMessage({ ...recipient, language: 'ja', organisationName: 'B', declarationTitle: 'C', documentSha256: 'b'.repeat(64), verificationUrl: 'https://signing.example/verify/cmt' }),
    ];
    for (const email of emails) expect(email.html).toContain('<html lang="en">');
    expect(emails[0]!.subject).toBe(messagesFor('en').email.invitationSubject('Joint declaration'));
  });
});
