import type { LegalText } from './legal-text';

/** Legal text in hu: each string is hashed exactly as written, so a changed character is a new statement. */
export const hu: LegalText = {
  consent: 'Hozzájárulok, hogy ezt a nyilatkozatot szervezetem nevében elektronikusan aláírjam, és megerősítem, hogy erre jogosult vagyok.',
  publication:
    'Hozzájárulunk, hogy az Európai Kikötői Szövetség az aláírók nyilvános nyilvántartásában közzétegye szervezetünk nevét, országát és kategóriáját, miután kötelezettségvállalásunkat ellenjegyezték és elektronikus bélyegzővel látták el. Személyek nevét vagy címét nem teszik közzé.',
};
