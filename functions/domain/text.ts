import * as z from './zod';

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

/** A one-line field a person types (a name, a title): NFC-normalised, trimmed, no control characters. */
export function lineField(label: string, max = 200) {
  return z.pipe(
    z.pipe(z.string({ error: `${label} must be text` }).check(wellFormed(label)), z.transform((value) => value.normalize('NFC').trim())),
    z.string().check(
      z.minLength(1, `${label} is required`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine((value) => !FORBIDDEN_IN_LINE.test(value), `${label} must not contain control characters`),
    ),
  );
}

/** Multi-line text such as the declaration itself: newlines allowed, other controls not. */
export function textField(label: string, max = 50_000) {
  return z.pipe(
    z.pipe(z.string({ error: `${label} must be text` }).check(wellFormed(label)), z.transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())),
    z.string().check(
      z.minLength(1, `${label} is required`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine((value) => !FORBIDDEN_IN_TEXT.test(value), `${label} must not contain control characters`),
    ),
  );
}

export const languageCode = z.string().check(z.regex(/^[a-z]{2}$/, 'language must be a two-letter ISO 639-1 code such as "en"'));

/** Turn a zod error into one sentence per problem, naming the field. */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
    return `${where}: ${issue.message}`;
  });
}
