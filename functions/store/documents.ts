import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitment';
import { sha256Hex } from '../domain/hashing';
import { newId } from '../domain/ids';
import { transition, type TransitionResult } from './commitments';
import { MAX_DOCUMENT_BYTES, deleteChunks, joinChunks, putChunks, splitIntoChunks } from './document-chunks';
import { db, keys, queryAll, tableName, withoutKeys, type TransactItem } from './table';

export { CHUNK_BYTES, MAX_DOCUMENT_BYTES, StoredDocumentMismatch } from './document-chunks';

export interface DocumentRecord {
  readonly commitmentId: string;
  readonly declarationId: string;
  readonly sha256: string;
  readonly size: number;
  readonly chunkCount: number;
  /** Which set of chunks holds the bytes: chunks are written before the record that names them. */
  readonly generation: string;
  readonly sealedAt: string;
  readonly organisation: string;
  readonly category: string;
  readonly country: string;
}

export type DocumentKind = 'certificate' | 'joint-declaration';

/** The `DOCHASH#<sha256>` item: which document has these exact bytes. */
export interface DocumentHashRecord {
  readonly sha256: string;
  readonly kind: DocumentKind;
  /** The commitment id for a certificate, the declaration id for the joint declaration. */
  readonly documentId: string;
  readonly declarationId: string;
}

/** The Put of the hash lookup item, in the same transaction (or write) as the document it names. */
export function documentHashPut(record: DocumentHashRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...keys.documentHash(record.sha256), ...record }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/**
 * Stores the sealed bytes and moves the commitment from COUNTERSIGNED to SEALED. The chunks are
 * written first under a fresh generation id, invisible to readers, with plain writes (a transaction
 * would bill every byte twice); then one transaction makes the change with the record naming them,
 * the hash lookup item and the audit event. A seal that loses the race removes its own chunks.
 */
export async function storeSealedDocument(commitment: Commitment, bytes: Uint8Array, sealedAt: Date): Promise<TransitionResult & { record: DocumentRecord }> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new Error(`sealed document of ${bytes.length} bytes exceeds the ${MAX_DOCUMENT_BYTES}-byte limit of a download`);
  }
  const sha256 = sha256Hex(bytes);
  const chunks = splitIntoChunks(bytes);
  const generation = newId('gen');
  const chunkKey = (index: number) => keys.documentChunk(commitment.id, generation, index);
  await putChunks(chunks, chunkKey);
  const record: DocumentRecord = {
    commitmentId: commitment.id,
    declarationId: commitment.declarationId,
    sha256,
    size: bytes.length,
    chunkCount: chunks.length,
    generation,
    sealedAt: sealedAt.toISOString(),
    organisation: commitment.organisation.name,
    category: commitment.organisation.category,
    country: commitment.organisation.country,
  };
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.document(commitment.id), GSI1PK: keys.documentsOf(commitment.declarationId), GSI1SK: `${record.sealedAt}#${commitment.id}`, ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    documentHashPut({ sha256, kind: 'certificate', documentId: commitment.id, declarationId: commitment.declarationId }),
  ];
  const result = await transition({
    commitment,
    from: ['COUNTERSIGNED'],
    to: 'SEALED',
    set: { document: { sha256, size: bytes.length, sealedAt: record.sealedAt } },
    event: { type: 'SEALED', actor: 'workflow', detail: { sha256, size: bytes.length } },
    alongside: items,
    now: sealedAt,
  });
  if (!result.ok) {
    await deleteChunks(chunks.length, chunkKey);
  }
  return { ...result, record };
}

/** The sealed bytes exactly as stored; refuses to return bytes whose hash does not match. */
export async function readSealedDocument(commitmentId: string): Promise<{ record: DocumentRecord; bytes: Buffer } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :doc)',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':doc': 'DOC' },
    ConsistentRead: true,
  });
  return sealedDocumentIn(items, commitmentId);
}

/**
 * The commitment and its sealed document, in one query of the commitment's partition (its
 * `COMMITMENT` item sorts just before `DOC` and the document's chunks): what delivery reads.
 */
export async function readCommitmentWithSealedDocument(commitmentId: string): Promise<{ commitment: Commitment | undefined; sealedDocument: () => { record: DocumentRecord; bytes: Buffer } | undefined }> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :commitment AND :lastChunk',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':commitment': keys.commitment(commitmentId).SK, ':lastChunk': 'DOC#\uffff' },
    ConsistentRead: true,
  });
  const commitmentItem = items.find((item) => item.SK === keys.commitment(commitmentId).SK);
  // The bytes are joined and checked against their record only when asked for.
  return { commitment: commitmentItem ? withoutKeys<Commitment>(commitmentItem) : undefined, sealedDocument: () => sealedDocumentIn(items, commitmentId) };
}

function sealedDocumentIn(items: readonly Record<string, unknown>[], commitmentId: string): { record: DocumentRecord; bytes: Buffer } | undefined {
  const meta = items.find((item) => item.SK === 'DOC');
  if (!meta) return undefined;
  const record = withoutKeys<DocumentRecord>(meta);
  // Chunks of a seal that crashed before its record was written are not this document's.
  const chunkPrefix = keys.documentChunkPrefix(record.generation);
  const chunkItems = items.filter((item) => String(item.SK).startsWith(chunkPrefix));
  return { record, bytes: joinChunks(chunkItems, record, `of ${commitmentId}`) };
}

/**
 * The bytes of a document whose record was read already (one query for its chunks). Refuses bytes
 * whose count, size or SHA-256 differ from the record: they are never handed on.
 */
export async function readDocumentBytes(record: DocumentRecord): Promise<Buffer> {
  const chunkItems = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': `CMT#${record.commitmentId}`, ':prefix': keys.documentChunkPrefix(record.generation) },
  });
  return joinChunks(chunkItems, record, `of ${record.commitmentId}`);
}

/** The document's record without its bytes. */
export async function getDocumentRecord(commitmentId: string): Promise<DocumentRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.document(commitmentId) }));
  return Item ? withoutKeys<DocumentRecord>(Item) : undefined;
}

export async function findDocumentByHash(sha256: string): Promise<DocumentHashRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.documentHash(sha256.toLowerCase()) }));
  return Item ? withoutKeys<DocumentHashRecord>(Item) : undefined;
}

export async function listDocuments(declarationId: string): Promise<DocumentRecord[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.documentsOf(declarationId) },
  });
  return items.map((item) => withoutKeys<DocumentRecord>(item));
}
