import type { LegalText } from './legal-text';

/** Legal text in mt: each string is hashed exactly as written, so a changed character is a new statement. */
export const mt: LegalText = {
  consent: 'Naqbel li niffirma din id-dikjarazzjoni elettronikament f’isem l-organizzazzjoni tiegħi, u nikkonferma li jien awtorizzat/a nagħmel dan.',
  publication:
    'Naqblu li l-Alleanza Ewropea tal-Portijiet tippubblika l-isem, il-pajjiż u l-kategorija tal-organizzazzjoni tagħna fir-reġistru pubbliku tal-firmatarji tagħha, ladarba l-impenn tagħna jkun ġie kontrafirmat u ssiġillat. L-ebda isem jew indirizz ta’ persuna ma jiġi ppubblikat.',
};
