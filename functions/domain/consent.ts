import { sha256Hex } from './hashing';
import { isOperatorLanguage, type OperatorLanguage } from './languages';

/**
 * The statement a signer ticks to sign electronically. It is legal text: each signature records it
 * exactly as shown, with its language and SHA-256, so a changed word is a new statement (and a new
 * hash) while the signatures made under the old one keep theirs.
 */
const STATEMENTS: Readonly<Record<OperatorLanguage, string>> = {
  en: 'I agree to sign this declaration electronically on behalf of my organisation, and I confirm that I am authorised to do so.',
  fr: 'J’accepte de signer cette déclaration par voie électronique au nom de mon organisation et je confirme y être habilité(e).',
  de: 'Ich bin damit einverstanden, diese Erklärung im Namen meiner Organisation elektronisch zu unterzeichnen, und bestätige, dass ich dazu befugt bin.',
  el: 'Συμφωνώ να υπογράψω ηλεκτρονικά αυτή τη δήλωση εκ μέρους του οργανισμού μου και επιβεβαιώνω ότι είμαι εξουσιοδοτημένος/η να το πράξω.',
};

export interface ConsentStatement {
  readonly language: OperatorLanguage;
  readonly text: string;
  /** SHA-256 (hex) of the UTF-8 text. */
  readonly sha256: string;
}

export function consentStatement(language: OperatorLanguage): ConsentStatement {
  const text = STATEMENTS[language];
  return { language, text, sha256: sha256Hex(text) };
}

/** The statement a signing form says it showed, if we have one in that language with that SHA-256. */
export function consentShown(language: string, sha256: string): ConsentStatement | undefined {
  if (!isOperatorLanguage(language)) return undefined;
  const statement = consentStatement(language);
  return statement.sha256 === sha256 ? statement : undefined;
}
