import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';
import { sha256Hex } from '../domain/hashing';
import { newId } from '../domain/ids';
import { MAX_DOCUMENT_BYTES, deleteChunks, joinChunks, putChunks, splitIntoChunks } from './document-chunks';
import { documentHashPut } from './documents';
import { db, keys, queryAll, tableName, transact, withoutKeys } from './table';

export interface JointDeclarationRecord {
  readonly declarationId: string;
  readonly sha256: string;
  readonly size: number;
  readonly chunkCount: number;
  /** Which set of chunks holds the bytes: chunks are written before the record that names them. */
  readonly generation: string;
  readonly sealedAt: string;
  readonly signatoryCount: number;
  readonly generatedBy: string;
}

export type StoreJointResult = { stored: true; record: JointDeclarationRecord } | { stored: false; record: JointDeclarationRecord };

/**
 * Stores the sealed joint declaration. It may be larger than one transaction can carry, so the chunks are
 * written first under a fresh generation id, invisible to readers, and the record naming them last, in one
 * transaction with the hash lookup item: a partial write never shows as a document. When another request
 * stored one first, this one's chunks are removed and the stored record is returned.
 */
export async function storeJointDeclaration(
  declarationId: string,
  bytes: Uint8Array,
  details: { sealedAt: Date; signatoryCount: number; generatedBy: string },
): Promise<StoreJointResult> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DomainError('TOO_LARGE', `The joint declaration of ${details.signatoryCount.toLocaleString('en')} signatories came to `
      + `${bytes.length.toLocaleString('en')} bytes, more than the ${MAX_DOCUMENT_BYTES.toLocaleString('en')} a download can carry. Nothing was stored.`);
  }
  const generation = newId('gen');
  const chunks = splitIntoChunks(bytes);
  const chunkKey = (index: number) => keys.jointDeclarationChunk(declarationId, generation, index);
  await putChunks(chunks, chunkKey);
  const record: JointDeclarationRecord = {
    declarationId,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    chunkCount: chunks.length,
    generation,
    sealedAt: details.sealedAt.toISOString(),
    signatoryCount: details.signatoryCount,
    generatedBy: details.generatedBy,
  };
  const result = await transact([
    { Put: { TableName: tableName(), Item: { ...keys.jointDeclaration(declarationId), ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
    documentHashPut({ sha256: record.sha256, kind: 'joint-declaration', documentId: declarationId, declarationId }),
  ]);
  if (result.ok) return { stored: true, record };
  await deleteChunks(chunks.length, chunkKey);
  const existing = await getJointDeclarationRecord(declarationId);
  if (!existing) throw new Error(`storing the joint declaration of ${declarationId} failed and none is stored`);
  return { stored: false, record: existing };
}

export async function getJointDeclarationRecord(declarationId: string): Promise<JointDeclarationRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.jointDeclaration(declarationId), ConsistentRead: true }));
  return Item ? withoutKeys<JointDeclarationRecord>(Item) : undefined;
}

/** The sealed bytes exactly as stored; refuses bytes whose size or hash differ from the record. */
export async function readJointDeclaration(declarationId: string): Promise<{ record: JointDeclarationRecord; bytes: Buffer } | undefined> {
  const record = await getJointDeclarationRecord(declarationId);
  if (!record) return undefined;
  const chunkItems = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': `DECL#${declarationId}`, ':prefix': `JOINT#${record.generation}#CHUNK#` },
    ConsistentRead: true,
  });
  return { record, bytes: joinChunks(chunkItems, record, `joint declaration of ${declarationId}`) };
}
