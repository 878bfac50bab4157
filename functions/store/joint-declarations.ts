import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { joinChunks } from './document-chunks';
import { documentHashPut } from './documents';
import { db, keys, queryAll, tableName, transact, withoutKeys } from './table';

export interface JointDeclarationRecord {
  readonly declarationId: string;
  readonly sha256: string;
  readonly size: number;
  readonly sealedAt: string;
  readonly signatoryCount: number;
  readonly generatedBy: string;
  /** Where the sealed PDF is in the files bucket (stored there before this record names it). */
  readonly objectKey?: string;
  /** A joint declaration made before the files bucket existed: its bytes are chunks in the table, under this generation. */
  readonly chunkCount?: number;
  readonly generation?: string;
}

export type StoreJointResult = { stored: true; record: JointDeclarationRecord } | { stored: false; record: JointDeclarationRecord };

/**
 * Records the sealed joint declaration, whose bytes are in the files bucket already: one transaction
 * with the hash lookup item, so a partial write never shows as a document. When another request
 * recorded one first, returns that one (the loser's object stays unnamed in the bucket).
 */
export async function storeJointDeclaration(record: JointDeclarationRecord & { objectKey: string }): Promise<StoreJointResult> {
  const result = await transact([
    { Put: { TableName: tableName(), Item: { ...keys.jointDeclaration(record.declarationId), ...record }, ConditionExpression: 'attribute_not_exists(PK)' } },
    documentHashPut({ sha256: record.sha256, kind: 'joint-declaration', documentId: record.declarationId, declarationId: record.declarationId }),
  ]);
  if (result.ok) return { stored: true, record };
  const existing = await getJointDeclarationRecord(record.declarationId);
  if (!existing) throw new Error(`storing the joint declaration of ${record.declarationId} failed and none is stored`);
  return { stored: false, record: existing };
}

export async function getJointDeclarationRecord(declarationId: string): Promise<JointDeclarationRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.jointDeclaration(declarationId), ConsistentRead: true }));
  return Item ? withoutKeys<JointDeclarationRecord>(Item) : undefined;
}

/** The bytes of a joint declaration stored as chunks in the table; refuses bytes whose size or hash differ from the record. */
export async function readChunkedJointDeclaration(record: JointDeclarationRecord & { chunkCount: number; generation: string }): Promise<Buffer> {
  const chunkItems = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': `DECL#${record.declarationId}`, ':prefix': `JOINT#${record.generation}#CHUNK#` },
    ConsistentRead: true,
  });
  return joinChunks(chunkItems, { chunkCount: record.chunkCount, size: record.size, sha256: record.sha256 }, `joint declaration of ${record.declarationId}`);
}
