import type { LegalText } from './legal-text';

/** Legal text in pt: each string is hashed exactly as written, so a changed character is a new statement. */
export const pt: LegalText = {
  consent: 'Aceito assinar eletronicamente esta declaração em nome da minha organização e confirmo que estou autorizado(a) a fazê-lo.',
  publication:
    'Aceitamos que a Aliança Europeia dos Portos publique o nome, o país e a categoria da nossa organização no seu registo público dos signatários, depois de o nosso compromisso ter sido contra-assinado e selado. Não é publicado o nome nem o endereço de nenhuma pessoa.',
};
