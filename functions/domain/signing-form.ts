import { DomainError } from './errors';
import { FORBIDDEN_IN_LINE, FORBIDDEN_IN_TEXT, isWellFormedText } from './text';

/** A problem the signer can fix, tied to the field it is about. */
export type FieldProblem =
  | { readonly field: 'signerName' | 'signerTitle' | 'reason'; readonly problem: 'required' | 'control-characters' }
  | { readonly field: 'signerName' | 'signerTitle' | 'reason'; readonly problem: 'too-long'; readonly max: number }
  | { readonly field: 'consent'; readonly problem: 'required' }
  | { readonly field: 'accepted'; readonly problem: 'required-commitment'; readonly clauseId: string }
  | { readonly field: 'page'; readonly problem: 'outdated' };

export interface SignForm {
  readonly action: 'sign';
  readonly signerName: string;
  readonly signerTitle: string;
  readonly accepted: readonly string[];
  /** The language version of the declaration shown, and the SHA-256 of its text as shown. */
  readonly language: string;
  readonly textSha256: string;
  readonly consent: boolean;
  /** The language of the consent statement shown, and the statement's SHA-256 as shown. */
  readonly consentLanguage: string;
  readonly consentSha256: string;
  /** The optional agreement to be listed in the public register, and the statement shown (language, SHA-256). */
  readonly publish: boolean;
  readonly publicationLanguage: string;
  readonly publicationSha256: string;
}

export interface DeclineForm {
  readonly action: 'decline';
  readonly reason: string;
}

export const NAME_MAX = 200;
export const REASON_MAX = 2_000;
const MAX_ACCEPTED = 50;

const SHA256 = /^[0-9a-f]{64}$/;
const LANGUAGE = /^[a-z]{2}$/;
const CLAUSE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Reads the signing page's form. Anything the page itself could not have sent (a missing action
 * or hash, a repeated field, an unknown language) is refused whole; what a person typed wrong
 * comes back as problems, so that the page can be shown again with each one at its field.
 */
export function readSigningForm(fields: ReadonlyMap<string, readonly string[]>): { form: SignForm | DeclineForm; problems: FieldProblem[] } {
  const one = (name: string): string | undefined => {
    const values = fields.get(name);
    if (values && values.length > 1) throw malformed(`${name} was sent more than once`);
    return values?.[0];
  };
  const action = one('action');
  if (action === 'decline') {
    const { value: reason, problems } = typedText('reason', one('reason'), REASON_MAX, FORBIDDEN_IN_TEXT, true);
    return { form: { action, reason }, problems };
  }
  if (action !== 'sign') throw malformed('the form must say whether to sign or decline');
  const textSha256 = one('textSha256') ?? '';
  const consentSha256 = one('consentSha256') ?? '';
  const language = one('language') ?? '';
  const consentLanguage = one('consentLanguage') ?? '';
  if (!SHA256.test(textSha256) || !SHA256.test(consentSha256)) throw malformed('the page was incomplete');
  if (!LANGUAGE.test(language) || !LANGUAGE.test(consentLanguage)) throw malformed('the page named no valid language');
  const accepted = fields.get('accepted') ?? [];
  if (accepted.length > MAX_ACCEPTED || accepted.some((id) => !CLAUSE_ID.test(id))) throw malformed('the form named commitments this declaration does not have');
  const consentValue = one('consent');
  if (consentValue !== undefined && consentValue !== 'yes') throw malformed('the consent box sent an unexpected value');
  const publishValue = one('publish');
  if (publishValue !== undefined && publishValue !== 'yes') throw malformed('the publication box sent an unexpected value');
  const publish = publishValue === 'yes';
  const publicationLanguage = one('publicationLanguage') ?? '';
  const publicationSha256 = one('publicationSha256') ?? '';
  // Only an agreement needs the statement it agrees to; a page without the box still signs.
  if (publish && (!SHA256.test(publicationSha256) || !LANGUAGE.test(publicationLanguage))) throw malformed('the page named no publication statement');
  const name = typedText('signerName', one('signerName'), NAME_MAX, FORBIDDEN_IN_LINE, false);
  const title = typedText('signerTitle', one('signerTitle'), NAME_MAX, FORBIDDEN_IN_LINE, false);
  const problems: FieldProblem[] = [...name.problems, ...title.problems];
  if (consentValue !== 'yes') problems.push({ field: 'consent', problem: 'required' });
  return {
    form: { action, signerName: name.value, signerTitle: title.value, accepted: [...new Set(accepted)], language, textSha256, consent: consentValue === 'yes', consentLanguage, consentSha256, publish, publicationLanguage, publicationSha256 },
    problems,
  };
}

function typedText(field: 'signerName' | 'signerTitle' | 'reason', raw: string | undefined, max: number, forbidden: RegExp, multiline: boolean): { value: string; problems: FieldProblem[] } {
  let value = (raw ?? '').normalize('NFC');
  if (multiline) value = value.replace(/\r\n?/g, '\n');
  value = value.trim();
  if (value.length === 0) return { value, problems: [{ field, problem: 'required' }] };
  if (value.length > max) return { value, problems: [{ field, problem: 'too-long', max }] };
  // A form post cannot carry a lone surrogate (its bytes decode to U+FFFD), but the rule is the same everywhere.
  if (forbidden.test(value) || !isWellFormedText(value)) return { value, problems: [{ field, problem: 'control-characters' }] };
  return { value, problems: [] };
}

function malformed(detail: string): DomainError {
  return new DomainError('INVALID_INPUT', 'The signing form could not be read; go back to the signing page and send it again.', [detail]);
}
