import type { LegalText } from './legal-text';

/** Legal text in sk: each string is hashed exactly as written, so a changed character is a new statement. */
export const sk: LegalText = {
  consent: 'Súhlasím s tým, že toto vyhlásenie podpíšem elektronicky v mene svojej organizácie, a potvrdzujem, že som na to oprávnený(-á).',
  publication:
    'Súhlasíme s tým, aby Európska aliancia prístavov zverejnila názov, krajinu a kategóriu našej organizácie vo svojom verejnom registri signatárov, keď bude náš záväzok kontrasignovaný a opatrený elektronickou pečaťou. Mená ani adresy žiadnych osôb sa nezverejňujú.',
};
