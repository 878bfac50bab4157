import type { LegalText } from './legal-text';

/** Legal text in et: each string is hashed exactly as written, so a changed character is a new statement. */
export const et: LegalText = {
  consent: 'Nõustun allkirjastama käesoleva deklaratsiooni elektrooniliselt oma organisatsiooni nimel ja kinnitan, et mul on selleks volitus.',
  publication:
    'Nõustume, et Euroopa Sadamate Liit avaldab meie organisatsiooni nime, riigi ja kategooria oma allkirjastajate avalikus registris, kui meie kohustusele on lisatud kaasallkiri ja elektrooniline tempel. Ühegi isiku nime ega aadressi ei avaldata.',
};
