import type { LegalText } from './legal-text';

/** Legal text in fr: each string is hashed exactly as written, so a changed character is a new statement. */
export const fr: LegalText = {
  consent: 'J’accepte de signer cette déclaration par voie électronique au nom de mon organisation et je confirme y être habilité(e).',
  publication:
    'Nous acceptons que l’Alliance européenne des ports publie le nom, le pays et la catégorie de notre organisation dans son registre public des signataires, une fois notre engagement contresigné et scellé. Aucun nom ni aucune adresse de personne n’est publié.',
};
