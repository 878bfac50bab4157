import { describe, expect, it } from 'vitest';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import { sealDetails } from '../../functions/pdf/seal-details';
import { messagesFor } from '../../templates/i18n';
import { GLOSSARY } from '../../templates/i18n/glossary';

const URL = 'https://signing.example.eu/verify/cmt_01jdsealdetails0000000000';

describe('the seal’s signature dictionary text', () => {
  it('names the Commission and what is sealed in each of the 24 languages, in the glossary’s terms', () => {
    for (const language of OPERATOR_LANGUAGES) {
      const { document } = messagesFor(language);
      const certificate = sealDetails('certificate', language, URL);
      const joint = sealDetails('joint-declaration', language, URL);
      expect(certificate.name, language).toBe(document.authority);
      expect(certificate.reason.toLocaleLowerCase(language), language).toContain(GLOSSARY[language].countersignature.toLocaleLowerCase(language));
      expect(joint.reason.toLocaleLowerCase(language), language).toContain(GLOSSARY[language].jointDeclaration.toLocaleLowerCase(language));
      expect(certificate.reason.endsWith(document.product), language).toBe(true);
      expect(certificate.contactInfo).toBe(URL);
      expect(certificate.location).toBeUndefined();
    }
  });

  it('reads as a sentence of its language: capitalised, with French spacing', () => {
    expect(sealDetails('certificate', 'en', URL).reason).toBe('Countersignature: European Ports Alliance');
    expect(sealDetails('joint-declaration', 'fr', URL).reason).toBe('Déclaration commune\u00a0: Alliance européenne des ports');
    expect(sealDetails('joint-declaration', 'el', URL).reason).toBe('Κοινή δήλωση: Ευρωπαϊκή Συμμαχία Λιμένων');
  });

  it('falls back to English for a language the product does not speak', () => {
    expect(sealDetails('certificate', 'zh', URL).name).toBe('European Commission');
  });
});
