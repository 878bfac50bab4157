import type { LegalText } from './legal-text';

/** Legal text in nl: each string is hashed exactly as written, so a changed character is a new statement. */
export const nl: LegalText = {
  consent: 'Ik stem ermee in deze verklaring namens mijn organisatie elektronisch te ondertekenen, en ik bevestig dat ik daartoe bevoegd ben.',
  publication:
    'Wij stemmen ermee in dat de Europese Havenalliantie de naam, het land en de categorie van onze organisatie bekendmaakt in haar openbare register van ondertekenaars, zodra onze verbintenis is medeondertekend en verzegeld. Er wordt geen naam of adres van een persoon bekendgemaakt.',
};
