import type { Category } from './categories';
import { textFor, type CommitmentClause, type DeclarationContent } from './declaration';
import { sha256Hex } from './hashing';

/** A commitment as a signer reads it in one language version. */
export interface ClauseShown {
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
}

/**
 * One language version of a declaration as a signatory of one category reads it: the title, the
 * text and that category's commitments, all in that language.
 */
export interface VersionShown {
  readonly language: string;
  readonly title: string;
  readonly text: string;
  /** SHA-256 (hex) of the declaration text alone. */
  readonly textSha256: string;
  readonly clauses: readonly ClauseShown[];
  /** SHA-256 (hex) of everything shown: see `versionSha256`. */
  readonly sha256: string;
}

/**
 * A commitment's text in a language version. Declarations stored before commitments were
 * translated hold one text, which every version showed.
 */
export function clauseTextIn(clause: Pick<CommitmentClause, 'text' | 'texts'>, language: string): string {
  return clause.texts ? (clause.texts[language] ?? '') : clause.text;
}

/**
 * The SHA-256 recorded when a signatory signs: it covers the declaration text and the commitments
 * shown with it, as the UTF-8 bytes of the JSON `{"text":…,"commitments":[{"id":…,"text":…,"required":…},…]}`
 * (keys in that order, commitments in the order shown, no spaces), so anyone holding the texts can
 * compute it again.
 */
export function versionSha256(text: string, clauses: readonly ClauseShown[]): string {
  return sha256Hex(JSON.stringify({ text, commitments: clauses.map(({ id, text: clauseText, required }) => ({ id, text: clauseText, required })) }));
}

/** The version shown for a language (the default language's when the declaration has none in it). */
export function versionShown(declaration: Pick<DeclarationContent, 'id' | 'texts' | 'defaultLanguage' | 'commitments'>, language: string, category: Category): VersionShown {
  const { language: shown, text } = textFor(declaration, language);
  const clauses = declaration.commitments[category].map((clause) => ({ id: clause.id, text: clauseTextIn(clause, shown), required: clause.required }));
  return { language: shown, title: text.title, text: text.text, textSha256: text.sha256, clauses, sha256: versionSha256(text.text, clauses) };
}
