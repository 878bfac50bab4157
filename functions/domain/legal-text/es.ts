import type { LegalText } from './legal-text';

/** Legal text in es: each string is hashed exactly as written, so a changed character is a new statement. */
export const es: LegalText = {
  consent: 'Acepto firmar electrónicamente esta declaración en nombre de mi organización y confirmo que estoy autorizado/a para hacerlo.',
  publication:
    'Aceptamos que la Alianza Europea de Puertos publique el nombre, el país y la categoría de nuestra organización en su registro público de signatarios, una vez que nuestro compromiso haya sido refrendado y sellado. No se publica el nombre ni la dirección de ninguna persona.',
};
