import { DomainError } from '../domain/errors';
import { downloadUrl, FILE_PREFIXES, putFile } from '../files/bucket';
import { clock } from '../shared/clock';
import { getJointDeclarationRecord, readChunkedJointDeclaration, type JointDeclarationRecord } from '../store/joint-declarations';

export interface JointDeclarationDownload {
  readonly jointDeclaration: JointDeclarationRecord;
  /** Downloads the PDF exactly as sealed, for a few minutes. */
  readonly download: { readonly url: string; readonly expiresAt: string; readonly filename: string };
}

/**
 * The sealed joint declaration of a declaration, once an admin has made it, with a short-lived
 * download URL: the PDF comes from the files bucket, so its size is not bound by a Lambda response.
 * One made before the bucket existed is copied there from the table first (checked against its hash).
 */
export async function downloadJointDeclaration(declarationId: string): Promise<JointDeclarationDownload> {
  const record = await getJointDeclarationRecord(declarationId);
  if (!record) throw new DomainError('NOT_FOUND', `No joint declaration has been made for ${declarationId} yet; an admin makes it once the declaration is closed.`);
  let objectKey = record.objectKey;
  if (!objectKey && record.chunkCount !== undefined && record.generation !== undefined) {
    const bytes = await readChunkedJointDeclaration({ ...record, chunkCount: record.chunkCount, generation: record.generation });
    objectKey = `${FILE_PREFIXES.jointDeclarations}${declarationId}/${record.generation}.pdf`;
    await putFile(objectKey, bytes, 'application/pdf');
  }
  if (!objectKey) throw new Error(`the joint declaration of ${declarationId} names no stored bytes`);
  const filename = `ports-alliance-joint-declaration-${declarationId}.pdf`;
  const { generation: _generation, chunkCount: _chunkCount, objectKey: _objectKey, ...jointDeclaration } = record;
  return { jointDeclaration, download: { ...(await downloadUrl(objectKey, filename, clock.now())), filename } };
}
