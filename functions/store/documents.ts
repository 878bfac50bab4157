import type { Commitment } from '../domain/commitment';
import { sha256Hex } from '../domain/hashing';
import { transition, type TransitionResult } from './commitments';
import { keys, queryAll, tableName, withoutKeys, type TransactItem } from './table';

/** Well under DynamoDB's 400 KB item limit, leaving room for keys and attributes. */
export const CHUNK_BYTES = 350_000;
/** A transaction holds at most 100 items and 4 MB; certificates are far smaller. */
export const MAX_DOCUMENT_BYTES = 3_000_000;

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

/**
 * Stores the sealed bytes (in chunks), their hash and size, and moves the commitment from
 * COUNTERSIGNED to SEALED with the audit event recording the hash: all in one transaction.
 */
export async function storeSealedDocument(commitment: Commitment, bytes: Uint8Array, sealedAt: Date): Promise<TransitionResult & { record: DocumentRecord }> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new Error(`sealed document of ${bytes.length} bytes exceeds the ${MAX_DOCUMENT_BYTES}-byte limit of one transaction`);
  }
  const sha256 = sha256Hex(bytes);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) chunks.push(bytes.subarray(offset, offset + CHUNK_BYTES));
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
  const chunks = items
    .filter((item) => String(item.SK).startsWith('DOC#CHUNK#'))
    .sort((a, b) => String(a.SK).localeCompare(String(b.SK)))
    .map((item) => Buffer.from(item.bytes as Uint8Array));
  const bytes = Buffer.concat(chunks);
  if (chunks.length !== record.chunkCount || bytes.length !== record.size || sha256Hex(bytes) !== record.sha256) {
    throw new Error(`stored document of ${commitmentId} does not match its recorded size and hash`);
  }
  return { record, bytes };
}

export async function listDocuments(declarationId: string): Promise<DocumentRecord[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.documentsOf(declarationId) },
  });
  return items.map((item) => withoutKeys<DocumentRecord>(item));
}
