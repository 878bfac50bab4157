import { sha256Hex } from './hashing';
import { isOperatorLanguage, type OperatorLanguage } from './languages';
import { LEGAL_TEXTS } from './legal-text';

/**
 * The optional agreement that the organisation is listed in the Alliance's public register. Like
 * the consent statement (consent.ts) it is legal text: a signature that agrees records it exactly
 * as shown, with its language and SHA-256. It names what is published and what is not, so the
 * register may show nothing more.
 */

export interface PublicationStatement {
  readonly language: OperatorLanguage;
  readonly text: string;
  /** SHA-256 (hex) of the UTF-8 text. */
  readonly sha256: string;
}

export function publicationStatement(language: OperatorLanguage): PublicationStatement {
  const text = LEGAL_TEXTS[language].publication;
  return { language, text, sha256: sha256Hex(text) };
}

/** The statement a signing form says it showed, if we have one in that language with that SHA-256. */
export function publicationShown(language: string, sha256: string): PublicationStatement | undefined {
  if (!isOperatorLanguage(language)) return undefined;
  const statement = publicationStatement(language);
  return statement.sha256 === sha256 ? statement : undefined;
}
