import { messagesFor } from '../../templates/i18n';
import { GLOSSARY } from '../../templates/i18n/glossary';
import { isOperatorLanguage } from '../domain/languages';
import type { SealDetails } from './seal';

/**
 * What the seal's signature dictionary says, in the document's language, for a PDF reader's signature
 * panel: who sealed (Name), why (Reason) and where to check it (ContactInfo: the document's verification
 * address). Location is left out (optional in ISO 32000-1, 12.8.1): the seal certificate names the country.
 */
export function sealDetails(kind: 'certificate' | 'joint-declaration', language: string, verificationUrl: string): SealDetails {
  const code = isOperatorLanguage(language) ? language : 'en';
  const { document } = messagesFor(code);
  const terms = GLOSSARY[code];
  const subject = kind === 'certificate' ? terms.countersignature : terms.jointDeclaration;
  return {
    name: document.authority,
    // French sets a (no-break) space before a colon.
    reason: `${capitalise(subject, code)}${code === 'fr' ? '\u00a0:' : ':'} ${document.product}`,
    contactInfo: verificationUrl,
  };
}

function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
