import { DomainError } from '../domain/errors';
import { LINK_SECRET_PATTERN } from '../domain/hashing';
import { ID_PATTERN } from '../domain/ids';

/** What a path parameter may hold, and the refusal for a value that cannot be one of ours. */
interface PathParameterRule {
  readonly pattern: RegExp;
  readonly refusal: () => DomainError;
}

/**
 * Every path parameter of the catalog's routes, by name. Each is an id or a link secret, made of
 * letters, digits, `_` and `-` only, so a value holding anything else (a `%` left by a malformed
 * percent-encoding, a slash, a space) is answered like an unknown id before any other work: it
 * never reaches an operation, the table or a log line.
 */
export const PATH_PARAMETER_RULES = {
  declarationId: { pattern: ID_PATTERN, refusal: () => new DomainError('NOT_FOUND', 'There is no declaration with that id.') },
  commitmentId: { pattern: ID_PATTERN, refusal: () => new DomainError('NOT_FOUND', 'There is no commitment with that id.') },
  documentId: { pattern: ID_PATTERN, refusal: () => new DomainError('NOT_FOUND', 'There is no document with this ID. A document ID looks like cmt_01jd... or dcl_01jd..., as printed in the PDF.') },
  exportId: { pattern: ID_PATTERN, refusal: () => new DomainError('NOT_FOUND', 'There is no export with that id.') },
  linkSecret: { pattern: LINK_SECRET_PATTERN, refusal: () => new DomainError('LINK_UNKNOWN', 'This link is not valid.') },
} as const satisfies Readonly<Record<string, PathParameterRule>>;

export type PathParameterName = keyof typeof PATH_PARAMETER_RULES;

/** A parameter no rule names (a route added without one) still holds only these characters. */
const ANY_PARAMETER: PathParameterRule = { pattern: /^[A-Za-z0-9_-]{1,200}$/, refusal: () => new DomainError('NOT_FOUND', 'There is nothing at this address.') };

function ruleFor(name: string): PathParameterRule {
  return Object.hasOwn(PATH_PARAMETER_RULES, name) ? PATH_PARAMETER_RULES[name as PathParameterName] : ANY_PARAMETER;
}

/** The refusal for the first path parameter that cannot be one of ours, or undefined when all can be. */
export function pathParameterRefusal(parameters: Readonly<Record<string, string | undefined>> | undefined): DomainError | undefined {
  for (const [name, value] of Object.entries(parameters ?? {})) {
    const rule = ruleFor(name);
    if (value === undefined || !rule.pattern.test(value)) return rule.refusal();
  }
  return undefined;
}

/**
 * One path segment, percent-decoded as API Gateway decodes a path parameter; undefined when its
 * percent-encoding is malformed (`%ZZ`, a truncated UTF-8 sequence such as `%E0%A4%A`).
 */
export function decodePathSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
