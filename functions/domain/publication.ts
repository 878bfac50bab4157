import { sha256Hex } from './hashing';
import { isOperatorLanguage, type OperatorLanguage } from './languages';

/**
 * The optional agreement that the organisation is listed in the Alliance's public register. Like
 * the consent statement (consent.ts) it is legal text: a signature that agrees records it exactly
 * as shown, with its language and SHA-256. It names what is published and what is not, so the
 * register may show nothing more.
 */
const STATEMENTS: Readonly<Record<OperatorLanguage, string>> = {
  en: 'We agree that the European Ports Alliance publishes the name, country and category of our organisation in its public register of signatories, once our commitment is countersigned and sealed. No person’s name or address is published.',
  fr: 'Nous acceptons que l’Alliance européenne des ports publie le nom, le pays et la catégorie de notre organisation dans son registre public des signataires, une fois notre engagement contresigné et scellé. Aucun nom ni aucune adresse de personne n’est publié.',
  de: 'Wir sind damit einverstanden, dass die Europäische Hafenallianz den Namen, das Land und die Kategorie unserer Organisation in ihrem öffentlichen Verzeichnis der Unterzeichner veröffentlicht, sobald unsere Verpflichtung gegengezeichnet und besiegelt ist. Namen und Adressen von Personen werden nicht veröffentlicht.',
  el: 'Συμφωνούμε η Ευρωπαϊκή Συμμαχία Λιμένων να δημοσιεύσει την επωνυμία, τη χώρα και την κατηγορία του οργανισμού μας στο δημόσιο μητρώο των υπογραφόντων, μόλις η δέσμευσή μας προσυπογραφεί και σφραγιστεί. Δεν δημοσιεύεται όνομα ή διεύθυνση κανενός προσώπου.',
};

export interface PublicationStatement {
  readonly language: OperatorLanguage;
  readonly text: string;
  /** SHA-256 (hex) of the UTF-8 text. */
  readonly sha256: string;
}

export function publicationStatement(language: OperatorLanguage): PublicationStatement {
  const text = STATEMENTS[language];
  return { language, text, sha256: sha256Hex(text) };
}

/** The statement a signing form says it showed, if we have one in that language with that SHA-256. */
export function publicationShown(language: string, sha256: string): PublicationStatement | undefined {
  if (!isOperatorLanguage(language)) return undefined;
  const statement = publicationStatement(language);
  return statement.sha256 === sha256 ? statement : undefined;
}
