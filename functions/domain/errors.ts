/**
 * Typed outcomes of domain operations. Handlers map them to HTTP answers; anything else is a bug
 * or an outage and becomes a 500 (or a workflow retry).
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'LINK_UNKNOWN'
  | 'LINK_EXPIRED'
  | 'LINK_USED'
  | 'LINK_REVOKED'
  | 'ALREADY_DONE'
  | 'WRONG_STATE'
  | 'DECLARATION_CLOSED'
  | 'LINK_LOCKED'
  | 'SESSION_UNKNOWN'
  | 'SESSION_EXPIRED'
  | 'SESSION_USED'
  | 'CODE_REQUIRED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_LARGE'
  /** A change that must say which version its sender saw (428 Precondition Required) did not. */
  | 'PRECONDITION_REQUIRED';

/** One problem of a request at one field: its path in the request (`texts.en.title`) and what is wrong, in words. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** The problems by field, for a form to mark each field; their messages are also in `details`. */
  readonly fields: readonly FieldProblem[];
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: readonly string[] = [],
    /** `cause`: the error that led to this refusal (a JSON parser's, for example), kept for the logs. */
    options?: ErrorOptions & { readonly fields?: readonly FieldProblem[] },
  ) {
    super(message, options);
    this.fields = options?.fields ?? [];
  }
}
