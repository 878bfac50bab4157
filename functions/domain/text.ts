import * as z from './zod';
import { isOperatorLanguage, OPERATOR_LANGUAGES } from './languages';

// C0/C1 controls other than tab and newline, plus bidi overrides that can disguise text.
export const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
export const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A UTF-16 surrogate standing alone: ill-formed text (JSON can carry one as `\ud800`), which no font
 * draws, no email encodes and no hash of "the text as shown" can mean. With the `u` flag a proper pair
 * is one code point and does not match.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** A check for any text field: refuses ill-formed UTF-16 with a message that names the field. */
export function wellFormed(label: string) {
  return z.refine<string>((value) => isWellFormedText(value), `${label} holds a broken character (an unpaired UTF-16 surrogate); type or paste the text again`);
}

/** A one-line field a person types (a name, a title): NFC-normalised, trimmed, no control characters; empty only when `allowEmpty`. */
export function lineField(label: string, max = 200, { allowEmpty = false } = {}) {
  return z.pipe(
    z.pipe(z.string({ error: `${label} must be text` }).check(wellFormed(label)), z.transform((value) => value.normalize('NFC').trim())),
    z.string().check(
      z.minLength(allowEmpty ? 0 : 1, `${label} is required`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine((value) => !FORBIDDEN_IN_LINE.test(value), `${label} must not contain control characters`),
    ),
  );
}

/** Multi-line text such as the declaration itself: newlines allowed, other controls not; empty only when `allowEmpty`. */
export function textField(label: string, max = 50_000, { allowEmpty = false } = {}) {
  return z.pipe(
    z.pipe(z.string({ error: `${label} must be text` }).check(wellFormed(label)), z.transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())),
    z.string().check(
      z.minLength(allowEmpty ? 0 : 1, `${label} is required`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine((value) => !FORBIDDEN_IN_TEXT.test(value), `${label} must not contain control characters`),
    ),
  );
}

export const languageCode = z.string().check(z.regex(/^[a-z]{2}$/, 'language must be a two-letter ISO 639-1 code such as "en"'));

/**
 * The language an operator is invited in: one the product speaks to operators (pages, emails and
 * the consent statement exist in each), never silently another.
 */
export const operatorLanguageCode = z.pipe(
  z.string({ error: 'language must be text' }).check(z.trim(), z.toLowerCase()),
  z.string().check(
    z.refine((value) => isOperatorLanguage(value), {
      error: (issue) => `${JSON.stringify(issue.input)} is not a language the product supports; use one of ${OPERATOR_LANGUAGES.join(', ')}`,
    }),
  ),
);

/** Where a path points in a request, in words a person reads; by default the path itself. */
export type DescribePlace = (path: readonly PropertyKey[]) => string;

const pathItself: DescribePlace = (path) => (path.length > 0 ? path.map(String).join('.') : 'request');

/** Turn a zod error into one sentence per problem, naming the field. */
export function describeIssues(error: z.core.$ZodError, place: DescribePlace = pathItself): string[] {
  return fieldProblems(error, place).map((problem) => problem.message);
}

/** Each problem with the path of its field (machine-readable) and a sentence naming the field. */
export function fieldProblems(error: z.core.$ZodError, place: DescribePlace = pathItself): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: `${place(issue.path)}: ${issue.message}` }));
}
