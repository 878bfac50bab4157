import type { RevocationData } from './revocation';

/** What a verification trusts, and when it runs. */
export interface TrustSettings {
  /** Certificates trusted for seals: the seal certificate itself, or a CA that issues seal certificates (DER). */
  readonly sealAnchors: readonly Uint8Array[];
  /** Certificates trusted for timestamps: an authority's certificate or the CA above it (DER). */
  readonly timestampAnchors?: readonly Uint8Array[];
  /** Revocation data from outside the document (fetched by a validation service), used beside the document's own. */
  readonly revocation?: RevocationData;
  /** The time of verification. @default now */
  readonly at?: Date;
}
