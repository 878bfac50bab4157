import type { LegalText } from './legal-text';

/** Legal text in da: each string is hashed exactly as written, so a changed character is a new statement. */
export const da: LegalText = {
  consent: 'Jeg accepterer at underskrive denne erklæring elektronisk på vegne af min organisation, og jeg bekræfter, at jeg er bemyndiget hertil.',
  publication:
    'Vi accepterer, at Den Europæiske Havnealliance offentliggør vores organisations navn, land og kategori i sit offentlige register over underskrivere, når vores tilsagn er forsynet med kontrasignatur og forseglet. Ingen personers navne eller adresser offentliggøres.',
};
