import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitment';
import { transition, type TransitionResult } from './commitments';
import { joinChunks } from './document-chunks';
import { db, keys, queryAll, tableName, withoutKeys, type TransactItem } from './table';

export { CHUNK_BYTES, MAX_DOCUMENT_BYTES, StoredDocumentMismatch } from './document-chunks';

export interface DocumentRecord {
  readonly commitmentId: string;
  readonly declarationId: string;
  readonly sha256: string;
  readonly size: number;
  /** Where the sealed PDF is in the files bucket (stored there before this record names it). */
  readonly objectKey?: string;
  /** A certificate sealed before the files bucket held them: its bytes are chunks in the table, under this generation. */
  readonly chunkCount?: number;
  readonly generation?: string;
  readonly sealedAt: string;
  readonly organisation: string;
  readonly category: string;
  readonly country: string;
}

/** A document record whose bytes are chunks in the table. */
export type ChunkedDocumentRecord = DocumentRecord & { readonly chunkCount: number; readonly generation: string };

export function isChunked(record: DocumentRecord): record is ChunkedDocumentRecord {
  return record.chunkCount !== undefined && record.generation !== undefined;
}

/** A sealed document's record and, for one whose bytes are in the table, those bytes (joined and checked when asked for). */
export interface StoredDocument {
  readonly record: DocumentRecord;
  readonly tableBytes?: () => Buffer;
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

/** What the files bucket holds for a sealed certificate: where, how many bytes and their SHA-256. */
export interface StoredObject {
  readonly objectKey: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Records the sealed certificate, whose bytes are in the files bucket already, and moves the commitment
 * from COUNTERSIGNED to SEALED: one transaction with the record naming the object, the hash lookup item
 * and the audit event, so a record never names an object that is not stored. A seal that loses the race
 * leaves its object unnamed in the bucket.
 */
export async function storeSealedDocument(commitment: Commitment, stored: StoredObject, sealedAt: Date): Promise<TransitionResult & { record: DocumentRecord }> {
  const { objectKey, size, sha256 } = stored;
  const record: DocumentRecord = {
    commitmentId: commitment.id,
    declarationId: commitment.declarationId,
    sha256,
    size,
    objectKey,
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
    set: { document: { sha256, size, sealedAt: record.sealedAt } },
    event: { type: 'SEALED', actor: 'workflow', detail: { sha256, size } },
    alongside: items,
    now: sealedAt,
  });
  return { ...result, record };
}

/** The sealed document's record and, for one kept in the table, its chunks: one query of the commitment's `DOC` items. */
export async function readSealedDocument(commitmentId: string): Promise<StoredDocument | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :doc)',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':doc': 'DOC' },
    ConsistentRead: true,
  });
  return sealedDocumentIn(items, commitmentId);
}

/**
 * The commitment and its sealed document, in one query of the commitment's partition (its
 * `COMMITMENT` item sorts just before `DOC` and any chunks): what delivery reads.
 */
export async function readCommitmentWithSealedDocument(commitmentId: string): Promise<{ commitment: Commitment | undefined; sealedDocument: StoredDocument | undefined }> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :commitment AND :lastChunk',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':commitment': keys.commitment(commitmentId).SK, ':lastChunk': 'DOC#\uffff' },
    ConsistentRead: true,
  });
  const commitmentItem = items.find((item) => item.SK === keys.commitment(commitmentId).SK);
  return { commitment: commitmentItem ? withoutKeys<Commitment>(commitmentItem) : undefined, sealedDocument: sealedDocumentIn(items, commitmentId) };
}

function sealedDocumentIn(items: readonly Record<string, unknown>[], commitmentId: string): StoredDocument | undefined {
  const meta = items.find((item) => item.SK === 'DOC');
  if (!meta) return undefined;
  const record = withoutKeys<DocumentRecord>(meta);
  if (!isChunked(record)) return { record };
  // Chunks of a seal that crashed before its record was written are not this document's.
  const chunkPrefix = keys.documentChunkPrefix(record.generation);
  const chunkItems = items.filter((item) => String(item.SK).startsWith(chunkPrefix));
  // The bytes are joined and checked against their record only when asked for.
  return { record, tableBytes: () => joinChunks(chunkItems, record, `of ${commitmentId}`) };
}

/**
 * The bytes of a document kept in the table whose record was read already (one query for its chunks).
 * Refuses bytes whose count, size or SHA-256 differ from the record: they are never handed on.
 */
export async function readChunkedDocumentBytes(record: ChunkedDocumentRecord): Promise<Buffer> {
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
