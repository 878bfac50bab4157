import { DomainError } from '../domain/errors';
import { readJointDeclaration } from '../store/joint-declarations';

export interface JointDeclarationDownload {
  /** The PDF exactly as sealed and stored. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The sealed joint declaration of a declaration, once an admin has made it. */
export async function downloadJointDeclaration(declarationId: string): Promise<JointDeclarationDownload> {
  const document = await readJointDeclaration(declarationId);
  if (!document) throw new DomainError('NOT_FOUND', `No joint declaration has been made for ${declarationId} yet; an admin makes it once the declaration is closed.`);
  return { bytes: document.bytes, sha256: document.record.sha256 };
}
