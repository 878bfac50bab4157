import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consentShown, consentStatement } from '../../functions/domain/consent';
import type { OperatorLanguage } from '../../functions/domain/languages';

describe('the consent statement', () => {
  it('keeps, in every language, the exact text whose SHA-256 earlier signatures recorded', () => {
    // Signatures already recorded carry these hashes: a changed word here would be a new statement.
    const recorded: Partial<Record<OperatorLanguage, string>> = {
      en: 'cdea75b26b0610dd83293f7092126a1dd614fdfa8214560d5ef438cba65dd3a8',
      fr: 'e810a36886411db302d007f22dc1ca95acd0d736e959766578e1d02adbf746d1',
      de: 'f06a5d1618914c09063af1fa9d7ee8f14b2a467831bccd3743a3cbd653c4a129',
      el: '3c5ad984f5a74adc95705b649ed3434dc2414e6f31447902587d273b0f7b69bc',
    };
    for (const language of ['en', 'fr', 'de', 'el'] as const) {
      const statement = consentStatement(language);
      expect(statement.language).toBe(language);
      expect(statement.sha256, language).toBe(recorded[language]);
      expect(createHash('sha256').update(statement.text, 'utf8').digest('hex'), language).toBe(statement.sha256);
    }
    expect(consentStatement('en').text).toBe('I agree to sign this declaration electronically on behalf of my organisation, and I confirm that I am authorised to do so.');
  });

  it('is recognised from a form only in a language we have and with the hash of its text', () => {
    const french = consentStatement('fr');
    expect(consentShown('fr', french.sha256)).toEqual(french);
    expect(consentShown('en', french.sha256)).toBeUndefined();
    expect(consentShown('bg', french.sha256)).toBeUndefined();
    expect(consentShown('toString', french.sha256)).toBeUndefined();
    expect(consentShown('fr', 'a'.repeat(64))).toBeUndefined();
  });
});
