/**
 * The statements a signer agrees to, in one language. They are legal text, not page wording:
 * a signature records the statement exactly as shown, with its language and SHA-256.
 */
export interface LegalText {
  /** The statement a signer ticks to sign electronically on behalf of the organisation. */
  readonly consent: string;
  /**
   * The optional agreement to be listed in the Alliance's public register. It names what is
   * published and what is not, so the register may show nothing more.
   */
  readonly publication: string;
}
