import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExportSelection, ExportState } from '../domain/document-export';
import { db, keys, tableName, withoutKeys } from './table';

/** An export of sealed PDFs as one ZIP: asked for by a POST, built by the export builder, read by GETs. */
export interface DocumentExportRecord {
  readonly exportId: string;
  readonly requestId: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly selection: ExportSelection;
  readonly state: ExportState;
  /** Where the ZIP is (or will be) in the files bucket. */
  readonly objectKey: string;
  /** Set when building starts: the documents selected. */
  readonly total?: number;
  /** Documents added so far, updated while building. */
  readonly added?: number;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly zipBytes?: number;
  readonly zipSha256?: string;
  /** Why it failed, in words for the person who asked. */
  readonly failure?: string;
  /** After this instant DynamoDB may remove the record (the ZIP expires from the bucket by then). */
  readonly ttl: number;
}

/** Stores a new export; when one with this id exists already, returns that one instead. */
export async function createDocumentExport(record: DocumentExportRecord): Promise<{ created: boolean; record: DocumentExportRecord }> {
  try {
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.documentExport(record.exportId), ...record }, ConditionExpression: 'attribute_not_exists(PK)' }));
    return { created: true, record };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await getDocumentExport(record.exportId);
    if (!existing) throw new Error(`export ${record.exportId} exists and cannot be read`, { cause: error });
    return { created: false, record: existing };
  }
}

export async function getDocumentExport(exportId: string): Promise<DocumentExportRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.documentExport(exportId), ConsistentRead: true }));
  return Item ? withoutKeys<DocumentExportRecord>(Item) : undefined;
}

/** PENDING -> BUILDING, once: a second builder of the same export (a repeated invocation) gets false and does nothing. */
export async function claimDocumentExport(exportId: string, details: { total: number; startedAt: string }): Promise<boolean> {
  return conditionalUpdate(exportId, {
    UpdateExpression: 'SET #state = :building, #total = :total, #added = :zero, startedAt = :startedAt',
    ConditionExpression: '#state = :pending',
    ExpressionAttributeNames: { '#state': 'state', '#total': 'total', '#added': 'added' },
    ExpressionAttributeValues: { ':building': 'BUILDING', ':pending': 'PENDING', ':total': details.total, ':zero': 0, ':startedAt': details.startedAt },
  });
}

export async function recordExportProgress(exportId: string, added: number): Promise<void> {
  await conditionalUpdate(exportId, {
    UpdateExpression: 'SET #added = :added',
    ConditionExpression: '#state = :building',
    ExpressionAttributeNames: { '#state': 'state', '#added': 'added' },
    ExpressionAttributeValues: { ':added': added, ':building': 'BUILDING' },
  });
}

export async function completeDocumentExport(exportId: string, details: { added: number; zipBytes: number; zipSha256: string; finishedAt: string }): Promise<boolean> {
  return conditionalUpdate(exportId, {
    UpdateExpression: 'SET #state = :ready, #added = :added, zipBytes = :zipBytes, zipSha256 = :zipSha256, finishedAt = :finishedAt',
    ConditionExpression: '#state = :building',
    ExpressionAttributeNames: { '#state': 'state', '#added': 'added' },
    ExpressionAttributeValues: { ':ready': 'READY', ':building': 'BUILDING', ':added': details.added, ':zipBytes': details.zipBytes, ':zipSha256': details.zipSha256, ':finishedAt': details.finishedAt },
  });
}

export async function failDocumentExport(exportId: string, details: { failure: string; finishedAt: string }): Promise<boolean> {
  return conditionalUpdate(exportId, {
    UpdateExpression: 'SET #state = :failed, failure = :failure, finishedAt = :finishedAt',
    ConditionExpression: '#state IN (:pending, :building)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':failed': 'FAILED', ':pending': 'PENDING', ':building': 'BUILDING', ':failure': details.failure, ':finishedAt': details.finishedAt },
  });
}

async function conditionalUpdate(exportId: string, update: Pick<ConstructorParameters<typeof UpdateCommand>[0], 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>): Promise<boolean> {
  try {
    await db().send(new UpdateCommand({ TableName: tableName(), Key: keys.documentExport(exportId), ...update }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
