/**
 * The vocabulary of a seal validation report: every finding carries a stable code (for programs, tests and
 * the audit trail) and a sentence an auditor reads. A failure makes the seal invalid; a limitation leaves it
 * valid but says why it does not reach a higher PAdES level or what could not be checked.
 */
export const FAILURE_CODES = [
  'NO_SEAL',
  'NOT_PADES',
  'BYTE_RANGE_INVALID',
  'BYTE_RANGE_INCOMPLETE',
  'APPENDED_BYTES',
  'MODIFIED_AFTER_SEALING',
  'CMS_MALFORMED',
  'DOCUMENT_HASH_MISMATCH',
  'SIGNER_CERTIFICATE_MISSING',
  'SIGNATURE_INVALID',
  'SIGNING_CERTIFICATE_NOT_BOUND',
  'WEAK_ALGORITHM',
  'CERTIFICATE_UNTRUSTED',
  'ISSUER_NOT_CA',
  'ISSUER_CANNOT_SIGN_CERTIFICATES',
  'PATH_LENGTH_EXCEEDED',
  'UNSUPPORTED_CRITICAL_EXTENSION',
  'SEAL_KEY_USAGE',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_REVOKED',
  'TIMESTAMP_MALFORMED',
  'TIMESTAMP_SIGNATURE_INVALID',
  'TIMESTAMP_UNTRUSTED',
  'TIMESTAMP_NOT_FOR_TIMESTAMPING',
  'TIMESTAMP_IMPRINT_MISMATCH',
  'TIMESTAMP_OUTSIDE_CERTIFICATE_VALIDITY',
  'EXPIRED_WITHOUT_LONG_TERM_DATA',
] as const;

export const LIMITATION_CODES = [
  'NO_SIGNATURE_TIMESTAMP',
  'VALIDITY_AT_VERIFICATION_TIME',
  'NO_REVOCATION_DATA',
  'REVOCATION_DATA_UNUSABLE',
  'REVOKED_AFTER_SEALING',
  'NO_LONG_TERM_DATA',
  'NO_DOCUMENT_TIMESTAMP',
  'DOCUMENT_TIMESTAMP_INVALID',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];
export type LimitationCode = (typeof LIMITATION_CODES)[number];

export interface Failure {
  readonly code: FailureCode;
  readonly message: string;
}

export interface Limitation {
  readonly code: LimitationCode;
  readonly message: string;
}

/** One step of the verification, as a person reads it. */
export interface SealCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** Collects findings in the order they are made. */
export class Findings {
  readonly failures: Failure[] = [];
  readonly limitations: Limitation[] = [];

  fail(code: FailureCode, message: string): false {
    this.failures.push({ code, message });
    return false;
  }

  limit(code: LimitationCode, message: string): void {
    this.limitations.push({ code, message });
  }

  get failed(): boolean {
    return this.failures.length > 0;
  }
}

/** A certificate's subject as a person reads it: "CN=..., O=..., C=...". */
export function describeName(x509Name: string): string {
  return x509Name.split('\n').filter(Boolean).reverse().join(', ');
}
