import type { LegalText } from './legal-text';

/** Legal text in fi: each string is hashed exactly as written, so a changed character is a new statement. */
export const fi: LegalText = {
  consent: 'Suostun allekirjoittamaan tämän julistuksen sähköisesti organisaationi puolesta ja vahvistan, että minulla on siihen valtuudet.',
  publication:
    'Suostumme siihen, että Euroopan satamaliittouma julkaisee organisaatiomme nimen, maan ja luokan allekirjoittajien julkisessa rekisterissään, kun sitoumuksemme on varmennettu ja varustettu sähköisellä leimalla. Kenenkään henkilön nimeä tai osoitetta ei julkaista.',
};
