import type { LegalText } from './legal-text';

/** Legal text in ga: each string is hashed exactly as written, so a changed character is a new statement. */
export const ga: LegalText = {
  consent: 'Aontaím an dearbhú seo a shíniú go leictreonach thar ceann m’eagraíochta, agus deimhním go bhfuil údarás agam é sin a dhéanamh.',
  publication:
    'Aontaímid go bhfoilseoidh Comhghuaillíocht Eorpach na gCalafort ainm, tír agus catagóir ár n-eagraíochta ina clár poiblí sínitheoirí, a luaithe a bheidh ár ngealltanas frithshínithe agus séalaithe. Ní fhoilseofar ainm ná seoladh aon duine.',
};
