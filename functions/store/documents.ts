import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitment';
import { sha256Hex } from '../domain/hashing';
import { transition, type TransitionResult } from './commitments';
import { MAX_TRANSACTIONAL_DOCUMENT_BYTES, joinChunks, splitIntoChunks } from './document-chunks';
import { db, keys, queryAll, tableName, withoutKeys, type TransactItem } from './table';

export { CHUNK_BYTES, MAX_TRANSACTIONAL_DOCUMENT_BYTES as MAX_DOCUMENT_BYTES } from './document-chunks';

export interface DocumentRecord {
  readonly commitmentId: string;
  readonly declarationId: string;
  readonly sha256: string;
  readonly size: number;
  readonly chunkCount: number;
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
 * Stores the sealed bytes (in chunks), their hash and size, the hash lookup item, and moves the commitment
 * from COUNTERSIGNED to SEALED with the audit event recording the hash: all in one transaction.
 */
export async function storeSealedDocument(commitment: Commitment, bytes: Uint8Array, sealedAt: Date): Promise<TransitionResult & { record: DocumentRecord }> {
  if (bytes.length > MAX_TRANSACTIONAL_DOCUMENT_BYTES) {
    throw new Error(`sealed document of ${bytes.length} bytes exceeds the ${MAX_TRANSACTIONAL_DOCUMENT_BYTES}-byte limit of one transaction`);
  }
  const sha256 = sha256Hex(bytes);
  const chunks = splitIntoChunks(bytes);
  const record: DocumentRecord = {
    commitmentId: commitment.id,
    declarationId: commitment.declarationId,
    sha256,
    size: bytes.length,
    chunkCount: chunks.length,
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
    ...chunks.map((chunk, index) => ({
      Put: { TableName: tableName(), Item: { ...keys.documentChunk(commitment.id, index), bytes: chunk }, ConditionExpression: 'attribute_not_exists(PK)' },
    })),
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
  return { ...result, record };
}

/** The sealed bytes exactly as stored; refuses to return bytes whose hash does not match. */
export async function readSealedDocument(commitmentId: string): Promise<{ record: DocumentRecord; bytes: Buffer } | undefined> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :doc)',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':doc': 'DOC' },
    ConsistentRead: true,
  });
  const meta = items.find((item) => item.SK === 'DOC');
  if (!meta) return undefined;
  const record = withoutKeys<DocumentRecord>(meta);
  const chunkItems = items.filter((item) => String(item.SK).startsWith('DOC#CHUNK#'));
  return { record, bytes: joinChunks(chunkItems, record, `of ${commitmentId}`) };
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
