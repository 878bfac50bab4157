import type { LegalText } from './legal-text';

/** Legal text in en: each string is hashed exactly as written, so a changed character is a new statement. */
export const en: LegalText = {
  consent: 'I agree to sign this declaration electronically on behalf of my organisation, and I confirm that I am authorised to do so.',
  publication:
    'We agree that the European Ports Alliance publishes the name, country and category of our organisation in its public register of signatories, once our commitment is countersigned and sealed. No person’s name or address is published.',
};
