import type { LegalText } from './legal-text';

/** Legal text in sl: each string is hashed exactly as written, so a changed character is a new statement. */
export const sl: LegalText = {
  consent: 'Strinjam se, da to izjavo elektronsko podpišem v imenu svoje organizacije, in potrjujem, da sem za to pooblaščen(-a).',
  publication:
    'Strinjamo se, da Evropsko zavezništvo pristanišč objavi ime, državo in kategorijo naše organizacije v svojem javnem registru podpisnikov, ko bo naša zaveza sopodpisana in opremljena z elektronskim žigom. Imena in naslovi oseb se ne objavljajo.',
};
