import type { Commitment, Signature, VerificationCheck } from './commitment';
import { requiresOneTimeCode, type DeclarationContent } from './declaration';
import { versionShown } from './version-shown';

export interface VerificationResult {
  readonly outcome: 'VERIFIED' | 'NEEDS_REVIEW';
  readonly checks: readonly VerificationCheck[];
}

/** The verification as the record keeps it: the checks themselves only when one failed (see `Commitment.verification`). */
export function recordedVerification(result: VerificationResult, verifiedAt: string): NonNullable<Commitment['verification']> {
  return result.outcome === 'VERIFIED' ? { outcome: result.outcome, verifiedAt } : { outcome: result.outcome, checks: result.checks, verifiedAt };
}

/** The automatic checks on a signature. Any failed check sends the commitment to an admin. */
export function verifySignature(commitment: Commitment, signature: Signature, declaration: DeclarationContent): VerificationResult {
  const checks: VerificationCheck[] = [
    checkTextHash(commitment, signature, declaration),
    checkRequiredCommitments(commitment, signature, declaration),
    checkEmailDomain(commitment),
    checkOneTimeCode(commitment, signature, declaration),
  ];
  return { outcome: checks.every((check) => check.passed) ? 'VERIFIED' : 'NEEDS_REVIEW', checks };
}

function checkTextHash(commitment: Commitment, signature: Signature, declaration: DeclarationContent): VerificationCheck {
  if (!declaration.texts[signature.language]) {
    return { check: 'text-hash', passed: false, detail: `The declaration has no text in the language the signer saw (${signature.language}).` };
  }
  const version = versionShown(declaration, signature.language, commitment.organisation.category);
  // Signatures recorded before the hash covered the commitments are checked against the text alone.
  if (signature.hashCovers !== 'text-and-commitments') {
    return version.textSha256 === signature.textSha256
      ? { check: 'text-hash', passed: true, detail: `The signer saw the declaration text exactly as issued in this language (${signature.language}); this signature's hash covers the text alone.` }
      : { check: 'text-hash', passed: false, detail: 'The declaration text the signer saw differs from the text issued with the invitation.' };
  }
  return version.sha256 === signature.textSha256
    ? { check: 'text-hash', passed: true, detail: `The signer saw the declaration text and the commitments exactly as issued in this language (${signature.language}).` }
    : { check: 'text-hash', passed: false, detail: 'The declaration text or the commitments the signer saw differ from those issued with the invitation.' };
}

function checkRequiredCommitments(commitment: Commitment, signature: Signature, declaration: DeclarationContent): VerificationCheck {
  const accepted = new Set(signature.acceptedCommitmentIds);
  const missing = declaration.commitments[commitment.organisation.category].filter((clause) => clause.required && !accepted.has(clause.id));
  return missing.length === 0
    ? { check: 'required-commitments', passed: true, detail: 'Every required commitment was accepted.' }
    : { check: 'required-commitments', passed: false, detail: `Required commitments not accepted: ${missing.map((clause) => clause.id).join(', ')}.` };
}

function checkEmailDomain(commitment: Commitment): VerificationCheck {
  const { email, emailDomains } = commitment.organisation;
  if (emailDomains.length === 0) {
    return { check: 'email-domain', passed: false, detail: 'No email domain is registered for the organisation, so the signer’s address could not be checked.' };
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const matches = emailDomains.some((registered) => domain === registered || domain.endsWith(`.${registered}`));
  return matches
    ? { check: 'email-domain', passed: true, detail: `The signer’s address belongs to a registered domain (${domain}).` }
    : { check: 'email-domain', passed: false, detail: `The signer’s address domain ${domain} is not among the organisation’s registered domains (${emailDomains.join(', ')}).` };
}

/** When the declaration asks for it, the signer proved control of the invited address with the emailed code. */
function checkOneTimeCode(commitment: Commitment, signature: Signature, declaration: DeclarationContent): VerificationCheck {
  if (!requiresOneTimeCode(declaration)) {
    return { check: 'one-time-code', passed: true, detail: 'The declaration does not ask for a one-time code; the emailed link alone identified the signer.' };
  }
  const proof = signature.oneTimeCode;
  if (!proof) {
    return { check: 'one-time-code', passed: false, detail: 'The declaration asks for a one-time code, but the signature carries no proof that the signer confirmed one.' };
  }
  if (proof.sentTo !== commitment.organisation.email) {
    return { check: 'one-time-code', passed: false, detail: `The one-time code was confirmed from ${proof.sentTo}, which is not the invited address ${commitment.organisation.email}.` };
  }
  if (Date.parse(proof.verifiedAt) > Date.parse(signature.signedAt)) {
    return { check: 'one-time-code', passed: false, detail: 'The one-time code was confirmed after the signature, which the signing pages do not allow.' };
  }
  return { check: 'one-time-code', passed: true, detail: `The signer confirmed the 6-digit code emailed to the invited address (${commitment.organisation.email}).` };
}
