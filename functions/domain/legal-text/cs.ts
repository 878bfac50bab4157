import type { LegalText } from './legal-text';

/** Legal text in cs: each string is hashed exactly as written, so a changed character is a new statement. */
export const cs: LegalText = {
  consent: 'Souhlasím s tím, že toto prohlášení podepíšu elektronicky jménem své organizace, a potvrzuji, že jsem k tomu oprávněn(a).',
  publication:
    'Souhlasíme s tím, aby Evropská aliance přístavů zveřejnila název, zemi a kategorii naší organizace ve svém veřejném rejstříku signatářů, jakmile bude náš závazek spolupodepsán a opatřen elektronickou pečetí. Jména ani adresy žádných osob se nezveřejňují.',
};
