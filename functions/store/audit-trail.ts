import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from './audit';
import { db, keys, tableName, withoutKeys } from './table';

/** Where a page of a declaration's trail ends: the last event read (its keys follow from it). */
export interface TrailPosition {
  /** Empty for a declaration's own event. */
  readonly commitmentId: string;
  readonly at: string;
  readonly id: string;
}

/**
 * A declaration's audit events in order (time, then event id), from GSI1 `DECL#id#AUDIT`, at
 * most `limit` of them after `after`. `more` tells whether events follow.
 */
export async function declarationEventsPage(declarationId: string, after: TrailPosition | undefined, limit: number): Promise<{ events: AuditEvent[]; more: boolean }> {
  const trailPage = (startKey: Record<string, unknown> | undefined, pageLimit: number, projection?: string) =>
    db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOf(declarationId) },
        ExclusiveStartKey: startKey,
        Limit: pageLimit,
        ProjectionExpression: projection,
      }),
    );
  const events: AuditEvent[] = [];
  let startKey: Record<string, unknown> | undefined = after
    ? { PK: after.commitmentId ? `CMT#${after.commitmentId}` : `DECL#${declarationId}`, SK: `${keys.eventPrefix}${after.at}#${after.id}`, GSI1PK: keys.auditOf(declarationId), GSI1SK: `${after.at}#${after.id}` }
    : undefined;
  do {
    const page = await trailPage(startKey, limit - events.length);
    events.push(...(page.Items ?? []).map((item) => withoutKeys<AuditEvent>(item)));
    startKey = page.LastEvaluatedKey;
  } while (startKey && events.length < limit);
  if (!startKey) return { events, more: false };
  const last = events[events.length - 1];
  if (!last) return { events, more: false };
  // DynamoDB may hand back a key at the very end: look once more to know for sure.
  const next = await trailPage(startKey, 1, 'PK');
  return { events, more: (next.Items ?? []).length > 0 };
}
