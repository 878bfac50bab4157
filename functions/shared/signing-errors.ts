import { DomainError, type DomainErrorCode } from '../domain/errors';

/**
 * A refusal on the operator's pages, with what its page needs: the language to speak (once the
 * invitation is known), when to try again (429), or what the organisation already did (a used link).
 */
export class SigningError extends DomainError {
  constructor(
    code: DomainErrorCode,
    message: string,
    readonly context: { readonly language?: string; readonly retryAfterSeconds?: number; readonly outcome?: 'signed' | 'declined'; readonly replaced?: true } = {},
  ) {
    super(code, message);
  }
}

export const unknownLink = () => new SigningError('LINK_UNKNOWN', 'We do not recognise this link.');
export const unknownSession = () => new SigningError('SESSION_UNKNOWN', 'There is no signing session for this request.');
