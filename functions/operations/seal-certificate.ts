import type { Commitment } from '../domain/commitment';
import { CATEGORY_LABELS } from '../domain/categories';
import type { DeclarationContent } from '../domain/declaration';
import { signatureWithEvidence, verificationChecks } from '../domain/commitment-evidence';
import { versionShown } from '../domain/version-shown';
import type { AuditTrail } from '../pdf/certificate-audit';
import type { CertificateInput } from '../pdf/certificate';
import { renderSealedCertificate } from '../pdf/render-sealed-certificate';
import { loadSealSigner } from '../seal/seal-signer';
import { configuredTimestamps } from '../seal/timestamp-source';
import { logger } from '../shared/logger';
import { getCommitmentWithEvents, type AuditEvent } from '../store/audit';
import { DomainError } from '../domain/errors';
import { verificationUrl } from './verification-url';
import { loadCommitment, loadDeclarationContent } from './load';
import { clock } from '../shared/clock';
import { assertOwnSealVerifies } from './check-own-seal';
import { storeSealedCertificate } from './sealed-certificate-file';

/**
 * Renders the certificate, seals it once, checks the seal as a verifier would, and stores it. A retry after the bytes were stored
 * returns the stored document's hash instead of sealing again.
 */
export async function sealCertificate(commitmentId: string): Promise<{ sha256: string; size: number }> {
  // The record and the events the certificate prints, in one read.
  const { commitment, events } = await getCommitmentWithEvents(commitmentId);
  if (!commitment) throw new DomainError('NOT_FOUND', `There is no commitment ${commitmentId}.`);
  if (commitment.document) return { sha256: commitment.document.sha256, size: commitment.document.size };
  if (commitment.state !== 'COUNTERSIGNED' || !commitment.signature || !commitment.countersignature) {
    throw new Error(`commitment ${commitmentId} cannot be sealed in state ${commitment.state}`);
  }
  const [declaration, signer] = await Promise.all([loadDeclarationContent(commitment.declarationId), loadSealSigner()]);
  const sealedAt = clock.now();
  const bytes = await renderSealedCertificate(certificateInput(commitment, declaration, events), signer, {
    timestamp: configuredTimestamps(),
    // With a timestamp authority: PAdES B-LTA. Revocation data that cannot be fetched fails this attempt before anything is stored; the workflow retries.
    longTermValidation: {},
    sealedAt,
    onMissingGlyph: (character) => logger.warn('character missing from the embedded fonts', { commitmentId, codePoint: character.codePointAt(0) }),
  });
  await assertOwnSealVerifies(bytes, sealedAt, { commitmentId });
  const stored = await storeSealedCertificate(commitment, bytes, sealedAt);
  if (!stored.ok) {
    const current = await loadCommitment(commitmentId);
    if (current.document) return { sha256: current.document.sha256, size: current.document.size };
    throw new Error(`commitment ${commitmentId} changed while sealing; it is now ${current.state}`);
  }
  return { sha256: stored.record.sha256, size: stored.record.size };
}

/** What the certificate prints, from the record. */
export function certificateInput(commitment: Commitment, declaration: DeclarationContent, events: readonly AuditEvent[]): CertificateInput {
  const signature = commitment.signature;
  const countersignature = commitment.countersignature;
  if (!signature || !countersignature) throw new Error(`commitment ${commitment.id} is not signed and countersigned`);
  const category = commitment.organisation.category;
  const version = versionShown(declaration, signature.language, category);
  const accepted = new Set(signature.acceptedCommitmentIds);
  return {
    documentId: commitment.id,
    declaration: { id: declaration.id, title: version.title, version: declaration.version, language: version.language, text: version.text, textSha256: version.textSha256 },
    category: { id: category, label: CATEGORY_LABELS[category] },
    commitments: version.clauses.map((clause) => ({ ...clause, accepted: accepted.has(clause.id) })),
    organisation: { name: commitment.organisation.name, country: commitment.organisation.country },
    signer: { name: signature.signerName, title: signature.signerTitle, email: commitment.organisation.email, signedAt: signature.signedAt },
    ...(signature.publication ? { publishedInRegister: true } : {}),
    countersignature: { name: countersignature.name, title: countersignature.title, countersignedAt: countersignature.countersignedAt },
    verificationUrl: verificationUrl(commitment.id),
    audit: auditTrail(commitment, events),
  };
}

function auditTrail(commitment: Commitment, events: readonly AuditEvent[]): AuditTrail {
  // The client address's keyed hash is on the signature or on its own SIGNED event (not an earlier round's).
  const clientAddressHash = commitment.signature && signatureWithEvidence(commitment.signature, events).clientAddressHash;
  return {
    events: [...events].sort((a, b) => a.at.localeCompare(b.at)).map(({ at, type, actor }) => ({ at, type, actor })),
    checks: verificationChecks(commitment.verification, events).map(({ check, passed, detail }) => ({ check, passed, detail })),
    clientAddressHash: typeof clientAddressHash === 'string' && clientAddressHash !== '' ? clientAddressHash : undefined,
  };
}
