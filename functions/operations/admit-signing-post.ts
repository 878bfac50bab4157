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

/**
 * What every signing POST passes before anything else: the rate limit of its client address, then
 * the reading of its form. `read` (the records the POST acts on) has no effect, so it runs alongside
 * the count, one round trip instead of two; the count's refusal and the form's come before anything
 * the read found, so a refused POST still counts and learns nothing.
 */
export async function admitSigningPost<T>(request: SigningPostRequest, now: Date, read: () => Promise<T>): Promise<AdmittedPost & { readonly read: T }> {
  const clientAddressHash = hashClientAddress(request.clientAddress, await loadSigningKey());
  const [counted, found] = await Promise.allSettled([limitAttempts({ scope: 'address', subject: clientAddressHash }, now), (async () => read())()]);
  if (counted.status === 'rejected') throw counted.reason;
  const fields = request.readForm();
  if (found.status === 'rejected') throw found.reason;
  return { fields, clientAddressHash, read: found.value };
}

/** The form's anti-CSRF token must be the one its page was given; exactly one, no more. */
export function requireFormToken(fields: FormFields, expected: string, language?: string): void {
  const sent = fields.get('csrf');
  if (!sent || sent.length !== 1 || !sameToken(expected, sent[0])) {
    throw new SigningError('FORBIDDEN', 'The form was out of date or did not come from the signing pages.', { language });
  }
}
