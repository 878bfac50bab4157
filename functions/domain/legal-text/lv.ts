import type { LegalText } from './legal-text';

/** Legal text in lv: each string is hashed exactly as written, so a changed character is a new statement. */
export const lv: LegalText = {
  consent: 'Es piekrītu parakstīt šo deklarāciju elektroniski savas organizācijas vārdā un apliecinu, ka esmu tam pilnvarots(-a).',
  publication:
    'Mēs piekrītam, ka Eiropas Ostu alianse savā publiskajā parakstītāju reģistrā publicē mūsu organizācijas nosaukumu, valsti un kategoriju, kad mūsu apņemšanās ir līdzparakstīta un tai ir uzlikts elektroniskais zīmogs. Nevienas personas vārds vai adrese netiek publicēta.',
};
