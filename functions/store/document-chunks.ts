import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { sha256Hex } from '../domain/hashing';
import { db, tableName } from './table';

/** The key of chunk `index` of one stored document, under its generation. */
export type ChunkKey = (index: number) => { PK: string; SK: string };

/**
 * Well under DynamoDB's 400 KB item limit, leaving room for keys and attributes. Every stored PDF is cut
 * into chunks of at most this size, whatever its length, so no item can reach the limit.
 */
export const CHUNK_BYTES = 350_000;

/** The largest document stored at all: a Lambda response body (6 MB) must still carry it, base64-encoded. */
export const MAX_DOCUMENT_BYTES = 4_000_000;

export function splitIntoChunks(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) chunks.push(bytes.subarray(offset, offset + CHUNK_BYTES));
  return chunks;
}

/** Stored bytes that differ from their record: never handed on. */
export class StoredDocumentMismatch extends Error {
  override readonly name = 'StoredDocumentMismatch';
}

/** Reassembles chunk items (sorted by key) and refuses bytes that differ from the recorded count, size or hash. */
export function joinChunks(items: readonly Record<string, unknown>[], expected: { chunkCount: number; size: number; sha256: string }, what: string): Buffer {
  const chunks = [...items].sort((a, b) => String(a.SK).localeCompare(String(b.SK))).map((item) => Buffer.from(item.bytes as Uint8Array));
  const bytes = Buffer.concat(chunks);
  if (chunks.length !== expected.chunkCount || bytes.length !== expected.size || sha256Hex(bytes) !== expected.sha256) {
    throw new StoredDocumentMismatch(`stored document ${what} does not match its recorded size and hash`);
  }
  return bytes;
}

/** Writes a document's chunks as new items, one after the other, before the record that will name them. */
export async function putChunks(chunks: readonly Uint8Array[], keyOf: ChunkKey): Promise<void> {
  for (const [index, chunk] of chunks.entries()) {
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keyOf(index), bytes: chunk }, ConditionExpression: 'attribute_not_exists(PK)' }));
  }
}

/** Removes the chunks of a write that lost its race to another: no record will ever name them. */
export async function deleteChunks(count: number, keyOf: ChunkKey): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => db().send(new DeleteCommand({ TableName: tableName(), Key: keyOf(index) }))));
}
