import { DomainError } from '../domain/errors';
import { readSealedDocument } from '../store/documents';
import { sealedCertificateBytes } from './sealed-certificate-file';

export interface SealedDocumentDownload {
  /** The PDF exactly as sealed and stored. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The sealed certificate of a commitment, once it has one. */
export async function downloadSealedDocument(commitmentId: string): Promise<SealedDocumentDownload> {
  const document = await readSealedDocument(commitmentId);
  if (!document) throw new DomainError('NOT_FOUND', `No sealed document exists for ${commitmentId} yet.`);
  return { bytes: await sealedCertificateBytes(document), sha256: document.record.sha256 };
}
