import type { LegalText } from './legal-text';

/** Legal text in sv: each string is hashed exactly as written, so a changed character is a new statement. */
export const sv: LegalText = {
  consent: 'Jag godtar att underteckna denna förklaring elektroniskt för min organisations räkning och bekräftar att jag är behörig att göra det.',
  publication:
    'Vi godtar att Europeiska hamnalliansen offentliggör vår organisations namn, land och kategori i sitt offentliga register över undertecknare, när vårt åtagande har kontrasignerats och förseglats. Inga personers namn eller adresser offentliggörs.',
};
