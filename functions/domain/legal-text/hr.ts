import type { LegalText } from './legal-text';

/** Legal text in hr: each string is hashed exactly as written, so a changed character is a new statement. */
export const hr: LegalText = {
  consent: 'Pristajem elektronički potpisati ovu izjavu u ime svoje organizacije i potvrđujem da sam za to ovlašten/ovlaštena.',
  publication:
    'Pristajemo da Europski savez luka objavi naziv, državu i kategoriju naše organizacije u svojem javnom registru potpisnika nakon što se na našu obvezu stavi supotpis i elektronički pečat. Ne objavljuju se imena ni adrese osoba.',
};
