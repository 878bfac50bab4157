import type { LegalText } from './legal-text';

/** Legal text in it: each string is hashed exactly as written, so a changed character is a new statement. */
export const it: LegalText = {
  consent: 'Accetto di firmare elettronicamente questa dichiarazione a nome della mia organizzazione e confermo di essere autorizzato/a a farlo.',
  publication:
    'Accettiamo che l’Alleanza europea dei porti pubblichi il nome, il paese e la categoria della nostra organizzazione nel proprio registro pubblico dei firmatari, una volta che il nostro impegno sia stato controfirmato e sigillato. Non è pubblicato il nome né l’indirizzo di alcuna persona.',
};
