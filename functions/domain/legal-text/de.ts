import type { LegalText } from './legal-text';

/** Legal text in de: each string is hashed exactly as written, so a changed character is a new statement. */
export const de: LegalText = {
  consent: 'Ich bin damit einverstanden, diese Erklärung im Namen meiner Organisation elektronisch zu unterzeichnen, und bestätige, dass ich dazu befugt bin.',
  publication:
    'Wir sind damit einverstanden, dass die Europäische Hafenallianz den Namen, das Land und die Kategorie unserer Organisation in ihrem öffentlichen Verzeichnis der Unterzeichner veröffentlicht, sobald unsere Verpflichtung gegengezeichnet und besiegelt ist. Namen und Adressen von Personen werden nicht veröffentlicht.',
};
