import { sha256Hex } from './hashing';
import { isOperatorLanguage, type OperatorLanguage } from './languages';
import { LEGAL_TEXTS } from './legal-text';

/**
 * The statement a signer ticks to sign electronically. It is legal text: each signature records it
 * exactly as shown, with its language and SHA-256, so a changed word is a new statement (and a new
 * hash) while the signatures made under the old one keep theirs.
 */

export interface ConsentStatement {
  readonly language: OperatorLanguage;
  readonly text: string;
  /** SHA-256 (hex) of the UTF-8 text. */
  readonly sha256: string;
}

export function consentStatement(language: OperatorLanguage): ConsentStatement {
  const text = LEGAL_TEXTS[language].consent;
  return { language, text, sha256: sha256Hex(text) };
}

/** The statement a signing form says it showed, if we have one in that language with that SHA-256. */
export function consentShown(language: string, sha256: string): ConsentStatement | undefined {
  if (!isOperatorLanguage(language)) return undefined;
  const statement = consentStatement(language);
  return statement.sha256 === sha256 ? statement : undefined;
}
