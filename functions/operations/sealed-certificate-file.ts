import type { Commitment } from '../domain/commitment';
import { sha256Hex } from '../domain/hashing';
import { FILE_PREFIXES } from '../files/prefixes';
import { isChunked, MAX_DOCUMENT_BYTES, readChunkedDocumentBytes, storeSealedDocument, StoredDocumentMismatch, type DocumentRecord, type StoredDocument } from '../store/documents';

/**
 * The S3 client, loaded on first use: the sealing function's cold start (its fonts and pdf-lib) does
 * not also pay for evaluating a client it needs only once the PDF is sealed.
 */
const bucketObjects = () => import('../files/objects');

/**
 * Where a sealed certificate's bytes go in the files bucket: named by the commitment and the bytes' own
 * SHA-256. A retried seal that produced other bytes (a new timestamp) writes under another key, so it can
 * never replace the bytes a record names and an email carried; the same bytes land on the same key, unchanged.
 */
export function certificateObjectKey(commitmentId: string, sha256: string): string {
  return `${FILE_PREFIXES.certificates}${commitmentId}/${sha256}.pdf`;
}

/**
 * Stores the sealed certificate: the bytes in the files bucket first, then the record naming them, with
 * the commitment's move to SEALED, in one transaction. A seal that crashes between the two, or loses
 * the race to another, leaves an object no record names: never served, a few kilobytes kept.
 */
export async function storeSealedCertificate(commitment: Commitment, bytes: Uint8Array, sealedAt: Date): Promise<Awaited<ReturnType<typeof storeSealedDocument>>> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new Error(`sealed document of ${bytes.length} bytes exceeds the ${MAX_DOCUMENT_BYTES}-byte limit of a download`);
  }
  const sha256 = sha256Hex(bytes);
  const objectKey = certificateObjectKey(commitment.id, sha256);
  await (await bucketObjects()).putFile(objectKey, bytes, 'application/pdf');
  return storeSealedDocument(commitment, { objectKey, size: bytes.length, sha256 }, sealedAt);
}

/**
 * The sealed bytes exactly as recorded: from the files bucket, or from the table for a certificate sealed
 * before the bucket held them. Bytes whose size or SHA-256 differ from the record, or a missing object,
 * are refused (StoredDocumentMismatch), never handed on.
 */
export async function sealedCertificateBytes(document: StoredDocument | DocumentRecord): Promise<Buffer> {
  const record = 'record' in document ? document.record : document;
  if (record.objectKey === undefined) {
    if ('tableBytes' in document && document.tableBytes) return document.tableBytes();
    if (isChunked(record)) return readChunkedDocumentBytes(record);
    throw new Error(`the record of the sealed document of ${record.commitmentId} names no stored bytes`);
  }
  const stored = await (await bucketObjects()).readFile(record.objectKey);
  if (!stored) throw new StoredDocumentMismatch(`the sealed document of ${record.commitmentId} is missing from the files bucket (${record.objectKey})`);
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes.length !== record.size || sha256Hex(bytes) !== record.sha256) {
    throw new StoredDocumentMismatch(`the sealed document of ${record.commitmentId} in the files bucket (${record.objectKey}) does not match the size and SHA-256 recorded when it was sealed`);
  }
  return bytes;
}
