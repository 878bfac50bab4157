import type { Commitment } from '../domain/commitment';
import { textFor, type Declaration } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import { sha256Hex } from '../domain/hashing';
import { newId } from '../domain/ids';
import { downloadUrl, FILE_PREFIXES, putFile } from '../files/bucket';
import type { JointDeclarationInput, JointSignatory } from '../pdf/joint-declaration';
import type { Caller } from '../shared/access';
import { logger } from '../shared/logger';
import { listCommitments } from '../store/commitments';
import { getJointDeclarationRecord, storeJointDeclaration, type JointDeclarationRecord } from '../store/joint-declarations';
import { loadDeclaration } from './load';
import { verificationUrl } from './verification-url';
import { clock } from '../shared/clock';

/**
 * The renderer (pdf-lib, the fonts) and the seal are evaluated by the first request that renders, not
 * when the function starts: asking again for a joint declaration already made, or a refusal, needs neither.
 */
const renderer = () => import('../pdf/joint-declaration');
const sealing = () => import('./joint-declaration-seal');

/**
 * The most signatories one joint declaration lists. It is made within one request: 50,000 took 12 s
 * to render and seal and came to 3.9 MB (`npm run bench:pdf -- --joint-signatories 50000`), close to
 * API Gateway's 29 seconds on a slower machine. (Its size no longer matters: it is downloaded from the
 * files bucket.)
 */
export const MAX_JOINT_SIGNATORIES = 40_000;

/** Refuses, before any rendering, a joint declaration longer than one request can make. */
export function assertJointDeclarationFits(signatoryCount: number): void {
  if (signatoryCount > MAX_JOINT_SIGNATORIES) {
    throw new DomainError('TOO_LARGE', `This declaration has ${signatoryCount.toLocaleString('en')} countersigned signatories; `
      + `a joint declaration can list at most ${MAX_JOINT_SIGNATORIES.toLocaleString('en')}, as it is made within one request. Nothing was made.`);
  }
}

/**
 * Makes the one sealed PDF of a closed declaration: its text and an annex of every countersigned
 * signatory. Asking again returns the stored document; concurrent requests store one.
 */
export async function generateJointDeclaration(declarationId: string, caller: Caller): Promise<{ created: boolean; record: JointDeclarationRecord }> {
  const declaration = await loadDeclaration(declarationId);
  if (declaration.status !== 'CLOSED') {
    throw new DomainError('WRONG_STATE', 'The joint declaration is made once the declaration is closed for signing; close it first.');
  }
  const existing = await getJointDeclarationRecord(declarationId);
  if (existing) return { created: false, record: existing };

  const signatories = jointSignatories(await listCommitments(declarationId));
  assertJointDeclarationFits(signatories.length);
  const [{ renderJointDeclaration }, { loadSealSigner, sealPdf, sealDetails, sealSubjectName, configuredTimestamps, assertOwnSealVerifies }] = await Promise.all([renderer(), sealing()]);
  const signer = await loadSealSigner();
  const sealedAt = clock.now();
  const timestamp = configuredTimestamps();
  // The first page names the seal to come: its certificate's subject, this time of sealing, its level.
  const seal = { sealedBy: sealSubjectName(signer.certificateChain[0]!), sealedAt: sealedAt.toISOString(), level: timestamp ? 'B-LTA' : 'B-B' } as const;
  const input = jointDeclarationInput(declaration, signatories);
  const doc = await renderJointDeclaration({ ...input, seal }, {
    onMissingGlyph: (character) => logger.warn('character missing from the embedded fonts', { declarationId, codePoint: character.codePointAt(0) }),
  });
  const bytes = await sealPdf(doc, signer, sealDetails('joint-declaration', input.declaration.language, input.verificationUrl), { timestamp, longTermValidation: {}, sealedAt });
  await assertOwnSealVerifies(bytes, sealedAt, { declarationId });
  // The bytes go to the bucket first under a key of their own; the record that names them is written last.
  const objectKey = `${FILE_PREFIXES.jointDeclarations}${declarationId}/${newId('gen')}.pdf`;
  await putFile(objectKey, bytes, 'application/pdf');
  const result = await storeJointDeclaration({
    declarationId, sha256: sha256Hex(bytes), size: bytes.length, sealedAt: sealedAt.toISOString(), signatoryCount: signatories.length, generatedBy: caller.userId, objectKey,
  });
  return { created: result.stored, record: result.record };
}

/**
 * An unsealed preview of the joint declaration of an open declaration, with the signatories so far,
 * for a few minutes in the files bucket: nothing is sealed or recorded.
 */
export async function previewJointDeclaration(declarationId: string): Promise<{ preview: { signatoryCount: number; renderedAt: string; size: number }; download: { url: string; expiresAt: string; filename: string } }> {
  const declaration = await loadDeclaration(declarationId);
  if (declaration.status !== 'OPEN') {
    throw new DomainError('WRONG_STATE', declaration.status === 'CLOSED'
      ? 'The declaration is closed: make the sealed joint declaration instead of a preview.'
      : 'A preview is made while the declaration is open for signing; open it first.');
  }
  const signatories = jointSignatories(await listCommitments(declarationId));
  assertJointDeclarationFits(signatories.length);
  const renderedAt = clock.now();
  const { renderJointDeclaration } = await renderer();
  const doc = await renderJointDeclaration({ ...jointDeclarationInput(declaration, signatories), previewAt: renderedAt.toISOString() }, {
    onMissingGlyph: (character) => logger.warn('character missing from the embedded fonts', { declarationId, codePoint: character.codePointAt(0) }),
  });
  const bytes = await doc.save();
  const objectKey = `${FILE_PREFIXES.previews}${declarationId}/${newId('prv')}.pdf`;
  await putFile(objectKey, bytes, 'application/pdf');
  const filename = `ports-alliance-joint-declaration-preview-${declarationId}.pdf`;
  return { preview: { signatoryCount: signatories.length, renderedAt: renderedAt.toISOString(), size: bytes.length }, download: { ...(await downloadUrl(objectKey, filename, renderedAt)), filename } };
}

/** Countersigned commitments (whatever happened after: sealing, delivery), by country then organisation. */
export function jointSignatories(commitments: readonly Commitment[]): JointSignatory[] {
  return commitments
    .filter((commitment) => commitment.countersignature && commitment.signature && commitment.state !== 'REVOKED')
    .map((commitment) => ({
      organisation: commitment.organisation.name,
      category: commitment.organisation.category,
      country: commitment.organisation.country,
      signer: commitment.signature!.signerName,
      signedAt: commitment.signature!.signedAt,
    }))
    .sort((a, b) => a.country.localeCompare(b.country) || a.organisation.localeCompare(b.organisation, 'en'));
}

function jointDeclarationInput(declaration: Declaration, signatories: JointSignatory[]): JointDeclarationInput {
  const { language, text } = textFor(declaration, declaration.defaultLanguage);
  return {
    documentId: declaration.id,
    declaration: { title: text.title, version: declaration.version, language, text: text.text, textSha256: text.sha256 },
    closedAt: declaration.closedAt ?? clock.now().toISOString(),
    signatories,
    verificationUrl: verificationUrl(declaration.id),
  };
}
