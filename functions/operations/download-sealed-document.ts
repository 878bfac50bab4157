import { DomainError } from '../domain/errors';
import { loggableError, logger } from '../shared/logger';
import { readSealedDocument, StoredDocumentMismatch } from '../store/documents';
import { sealedCertificateBytes } from './sealed-certificate-file';

export interface SealedDocumentDownload {
  /** The PDF exactly as sealed and stored. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The sealed certificate of a commitment, once it has one; never bytes that differ from those recorded when it was sealed. */
export async function downloadSealedDocument(commitmentId: string): Promise<SealedDocumentDownload> {
  const document = await readSealedDocument(commitmentId);
  if (!document) throw new DomainError('NOT_FOUND', `No sealed document exists for ${commitmentId} yet.`);
  try {
    return { bytes: await sealedCertificateBytes(document), sha256: document.record.sha256 };
  } catch (error) {
    if (!(error instanceof StoredDocumentMismatch)) throw error;
    logger.error('stored sealed document differs from its record', { commitmentId, error: loggableError(error, true) });
    throw new DomainError('WRONG_STATE', `The stored PDF of ${commitmentId} does not match the SHA-256 recorded when it was sealed (${document.record.sha256}), `
      + 'so it is not served. Report it to the security team.', [], { cause: error });
  }
}
