import type { Commitment, Signature, VerificationCheck } from './commitment';

/**
 * What a commitment's later steps never need is written once, in the audit event of the step that
 * produced it, instead of on the commitment item that every later step rewrites (and DynamoDB
 * bills whole, twice inside a transaction, and once more for its GSI1 copy): the consent and
 * publication statements' texts and the client address's keyed hash in the `SIGNED` event, the
 * checks that all passed in the `VERIFIED` event. The commitment keeps the statements' SHA-256.
 * These functions give the commitment back whole from the record and its events; commitments
 * recorded before hold everything themselves and come back unchanged.
 */

/** An audit event as far as the evidence needs it (functions/store/audit.ts holds the whole shape). */
export interface EvidenceEvent {
  readonly type: string;
  readonly at: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * The checks of a commitment's verification: on the record when one failed (an admin reviews
 * them), else from the `VERIFIED` event that the verification's transaction wrote at the same
 * instant. Empty when there was no verification or its event is not among `events`.
 */
export function verificationChecks(verification: Commitment['verification'], events: readonly EvidenceEvent[]): readonly VerificationCheck[] {
  if (!verification) return [];
  if (verification.checks) return verification.checks;
  const checks = events.find((event) => event.type === 'VERIFIED' && event.at === verification.verifiedAt)?.detail?.checks;
  return Array.isArray(checks) ? (checks as VerificationCheck[]) : [];
}

/** The signature with the statements' texts and the client address hash of its `SIGNED` event (written at `signedAt`). */
export function signatureWithEvidence(signature: Signature, events: readonly EvidenceEvent[]): Signature {
  const detail = events.find((event) => event.type === 'SIGNED' && event.at === signature.signedAt)?.detail;
  if (!detail) return signature;
  const textOf = (statement: unknown, sha256: string | undefined): string | undefined => {
    const recorded = statement as { text?: unknown; sha256?: unknown } | undefined;
    return typeof recorded?.text === 'string' && recorded.sha256 === sha256 ? recorded.text : undefined;
  };
  const consentText = signature.consent && signature.consent.text === undefined ? textOf(detail.consent, signature.consent.sha256) : undefined;
  const publicationText = signature.publication && signature.publication.text === undefined ? textOf(detail.publication, signature.publication.sha256) : undefined;
  const clientAddressHash = signature.clientAddressHash ?? (typeof detail.clientAddressHash === 'string' ? detail.clientAddressHash : undefined);
  return {
    ...signature,
    ...(signature.consent && consentText !== undefined ? { consent: { ...signature.consent, text: consentText } } : {}),
    ...(signature.publication && publicationText !== undefined ? { publication: { ...signature.publication, text: publicationText } } : {}),
    ...(clientAddressHash !== undefined ? { clientAddressHash } : {}),
  };
}

/** The commitment as the API shows it: its signature and verification whole, wherever the record keeps their parts. */
export function commitmentWithEvidence(commitment: Commitment, events: readonly EvidenceEvent[]): Commitment {
  const { signature, verification } = commitment;
  return {
    ...commitment,
    ...(signature ? { signature: signatureWithEvidence(signature, events) } : {}),
    ...(verification && !verification.checks ? { verification: { ...verification, checks: verificationChecks(verification, events) } } : {}),
  };
}
