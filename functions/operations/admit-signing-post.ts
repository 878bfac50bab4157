import { hashClientAddress } from '../domain/hashing';
import { sameToken } from '../domain/signing';
import { loadSigningKey } from '../shared/signing-key';
import { SigningError } from '../shared/signing-errors';
import { limitAttempts } from './rate-limit';

/** A form's fields by name, each with every value sent. */
export type FormFields = ReadonlyMap<string, readonly string[]>;

/** A POST from the operator's pages, as its handler hands it over. */
export interface SigningPostRequest {
  /** The client's address as the edge saw it; only its keyed hash is kept. */
  readonly clientAddress: string;
  /**
   * Reads the form, refusing what the signing pages could not have sent (another origin, another
   * media type, too large). Called once the client address's attempt is counted, so refused posts
   * count against its limit too.
   */
  readonly readForm: () => FormFields;
}

export interface AdmittedPost {
  readonly fields: FormFields;
  readonly clientAddressHash: string;
}

/** What every signing POST passes before anything else: the rate limit of its client address, then the reading of its form. */
export async function admitSigningPost(request: SigningPostRequest, now: Date): Promise<AdmittedPost> {
  const clientAddressHash = hashClientAddress(request.clientAddress, await loadSigningKey());
  await limitAttempts({ scope: 'address', subject: clientAddressHash }, now);
  return { fields: request.readForm(), clientAddressHash };
}

/** The form's anti-CSRF token must be the one its page was given; exactly one, no more. */
export function requireFormToken(fields: FormFields, expected: string, language?: string): void {
  const sent = fields.get('csrf');
  if (!sent || sent.length !== 1 || !sameToken(expected, sent[0])) {
    throw new SigningError('FORBIDDEN', 'The form was out of date or did not come from the signing pages.', { language });
  }
}
