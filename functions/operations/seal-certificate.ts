import { CATEGORY_LABELS } from '../domain/categories';
import { textFor } from '../domain/declaration';
import type { CertificateInput } from '../pdf/certificate';
import { renderSealedCertificate } from '../pdf/render-sealed-certificate';
import { loadSealKey } from '../seal/seal-key';
import { appUrl } from '../shared/config';
import { logger } from '../shared/logger';
import { storeSealedDocument } from '../store/documents';
import { loadCommitment, loadDeclaration } from './load';

/**
 * Renders the certificate, seals it once and stores it. A retry after the bytes were stored
 * returns the stored document's hash instead of sealing again.
 */
export async function sealCertificate(commitmentId: string): Promise<{ sha256: string; size: number }> {
  const commitment = await loadCommitment(commitmentId);
  if (commitment.document) return { sha256: commitment.document.sha256, size: commitment.document.size };
  if (commitment.state !== 'COUNTERSIGNED' || !commitment.signature || !commitment.countersignature) {
    throw new Error(`commitment ${commitmentId} cannot be sealed in state ${commitment.state}`);
  }
  const declaration = await loadDeclaration(commitment.declarationId);
  const { language, text } = textFor(declaration, commitment.signature.language);
  const accepted = new Set(commitment.signature.acceptedCommitmentIds);
  const category = commitment.organisation.category;
  const input: CertificateInput = {
    documentId: commitment.id,
    declaration: { id: declaration.id, title: text.title, version: declaration.version, language, text: text.text, textSha256: text.sha256 },
    category: { id: category, label: CATEGORY_LABELS[category] },
    commitments: declaration.commitments[category].map((clause) => ({ ...clause, accepted: accepted.has(clause.id) })),
    organisation: { name: commitment.organisation.name, country: commitment.organisation.country },
    signer: { name: commitment.signature.signerName, title: commitment.signature.signerTitle, email: commitment.organisation.email, signedAt: commitment.signature.signedAt },
    countersignature: { name: commitment.countersignature.name, title: commitment.countersignature.title, countersignedAt: commitment.countersignature.countersignedAt },
    verificationUrl: `${appUrl()}/verify/${commitment.id}`,
  };
  const bytes = await renderSealedCertificate(input, await loadSealKey(), {
    onMissingGlyph: (character) => logger.warn('character missing from the embedded fonts', { commitmentId, codePoint: character.codePointAt(0) }),
  });
  const stored = await storeSealedDocument(commitment, bytes, new Date());
  if (!stored.ok) {
    const current = await loadCommitment(commitmentId);
    if (current.document) return { sha256: current.document.sha256, size: current.document.size };
    throw new Error(`commitment ${commitmentId} changed while sealing; it is now ${current.state}`);
  }
  return { sha256: stored.record.sha256, size: stored.record.size };
}
