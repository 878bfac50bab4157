import type { LegalText } from './legal-text';

/** Legal text in ro: each string is hashed exactly as written, so a changed character is a new statement. */
export const ro: LegalText = {
  consent: 'Sunt de acord să semnez electronic această declarație în numele organizației mele și confirm că sunt autorizat(ă) să fac acest lucru.',
  publication:
    'Suntem de acord ca Alianța Europeană a Porturilor să publice numele, țara și categoria organizației noastre în registrul său public al semnatarilor, după ce angajamentul nostru a fost contrasemnat și sigilat. Nu se publică numele sau adresa niciunei persoane.',
};
