import { DomainError } from '../domain/errors';
import { ID_PATTERN } from '../domain/ids';
import { textFor } from '../domain/declaration';
import { sha256Hex } from '../domain/hashing';
import { getCommitment } from '../store/commitments';
import { getDeclaration } from '../store/declarations';
import { findDocumentByHash, getDocumentRecord, type DocumentKind } from '../store/documents';
import { getJointDeclarationRecord } from '../store/joint-declarations';
import { verifySealedPdf, type SealReport } from '../pdf/verify-seal';
import { loadSealTrust } from '../seal/seal-trust';

export type VerificationQuery = { sha256: string } | { documentId: string } | { pdf: Uint8Array };

/** What anyone may learn about a document: whether we issued it, for whom, for what, when, and whether it was revoked. */
export interface VerificationAnswer {
  readonly issued: boolean;
  /** The SHA-256 asked about (of the uploaded file, or given). */
  readonly sha256?: string;
  readonly document?: {
    readonly documentId: string;
    readonly kind: DocumentKind;
    /** The SHA-256 of the document exactly as issued: a copy must have this hash. */
    readonly sha256: string;
    readonly declaration: { readonly id: string; readonly title: string; readonly version: string };
    /** The signatory organisation (certificates only). */
    readonly organisation?: { readonly name: string; readonly country: string };
    /** How many signatories the annex lists (joint declaration only). */
    readonly signatoryCount?: number;
    readonly sealedAt: string;
    readonly revoked: boolean;
  };
  /** For an uploaded file: its seal validated against the certificates this deployment trusts. */
  readonly seal?: SealValidation;
}

/** The seal's validation as the page and the API show it: level, coded reasons and the checks made. */
export type SealValidation = Omit<SealReport, 'fileSha256'>;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export async function verifyDocument(query: VerificationQuery): Promise<VerificationAnswer> {
  if ('pdf' in query) {
    const [answer, seal] = await Promise.all([verifyByHash(sha256Hex(query.pdf)), validateSeal(query.pdf)]);
    return { ...answer, seal };
  }
  if ('sha256' in query) {
    const sha256 = query.sha256.trim().toLowerCase();
    if (!SHA256_PATTERN.test(sha256)) throw new DomainError('INVALID_INPUT', 'A SHA-256 is 64 hexadecimal characters (0-9, a-f).');
    return verifyByHash(sha256);
  }
  if (!ID_PATTERN.test(query.documentId)) throw new DomainError('INVALID_INPUT', 'A document ID looks like cmt_01jd… or dcl_01jd…, as printed in the PDF.');
  return describeDocument(query.documentId);
}

async function validateSeal(pdf: Uint8Array): Promise<SealValidation> {
  const { fileSha256: _hash, ...validation } = await verifySealedPdf(Buffer.from(pdf), await loadSealTrust());
  return validation;
}

async function verifyByHash(sha256: string): Promise<VerificationAnswer> {
  const found = await findDocumentByHash(sha256);
  if (!found) return { issued: false, sha256 };
  const described = await describeDocument(found.documentId);
  return { ...described, issued: described.document !== undefined, sha256 };
}

/** Reads only what the answer may reveal. An id we never sealed answers "not issued". */
async function describeDocument(documentId: string): Promise<Pick<VerificationAnswer, 'issued' | 'document'>> {
  if (documentId.startsWith('dcl_')) {
    const record = await getJointDeclarationRecord(documentId);
    const declaration = record && (await getDeclaration(documentId));
    if (!record || !declaration) return { issued: false };
    const { text } = textFor(declaration, declaration.defaultLanguage);
    return {
      issued: true,
      document: {
        documentId,
        kind: 'joint-declaration',
        sha256: record.sha256,
        declaration: { id: declaration.id, title: text.title, version: declaration.version },
        signatoryCount: record.signatoryCount,
        sealedAt: record.sealedAt,
        revoked: false,
      },
    };
  }
  const record = await getDocumentRecord(documentId);
  const [commitment, declaration] = record ? await Promise.all([getCommitment(documentId), getDeclaration(record.declarationId)]) : [];
  if (!record || !commitment || !declaration) return { issued: false };
  const { text } = textFor(declaration, commitment.signature?.language ?? declaration.defaultLanguage);
  return {
    issued: true,
    document: {
      documentId,
      kind: 'certificate',
      sha256: record.sha256,
      declaration: { id: declaration.id, title: text.title, version: declaration.version },
      organisation: { name: commitment.organisation.name, country: commitment.organisation.country },
      sealedAt: record.sealedAt,
      revoked: commitment.state === 'REVOKED' || commitment.revocation !== undefined,
    },
  };
}
