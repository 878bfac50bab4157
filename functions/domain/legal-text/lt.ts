import type { LegalText } from './legal-text';

/** Legal text in lt: each string is hashed exactly as written, so a changed character is a new statement. */
export const lt: LegalText = {
  consent: 'Sutinku savo organizacijos vardu elektroniniu būdu pasirašyti šią deklaraciją ir patvirtinu, kad esu tam įgaliotas (-a).',
  publication:
    'Sutinkame, kad Europos uostų aljansas, kai mūsų įsipareigojimas bus kontrasignuotas ir patvirtintas elektroniniu spaudu, savo viešajame signatarų registre paskelbtų mūsų organizacijos pavadinimą, šalį ir kategoriją. Jokių asmenų vardai, pavardės ar adresai neskelbiami.',
};
