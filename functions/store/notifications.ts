import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NotificationSettings } from '../domain/notifications';
import { clock } from '../shared/clock';
import { auditEventPut, type NewDeclarationAuditEvent } from './audit';
import { db, keys, queryAll, tableName, transact } from './table';

/**
 * The Commission team's notifications: one claim item per notification, written before the
 * email is sent, so that a retried or concurrent delivery of the same event sends one email.
 * Event notifications are keyed by (declaration, kind, event id), the digest by (declaration, day).
 */
export async function claimNotification(declarationId: string, claimKind: string): Promise<boolean> {
  try {
    await db().send(new PutCommand({
      TableName: tableName(),
      Item: { ...keys.notificationClaim(declarationId, claimKind), claimedAt: clock.now().toISOString() },
      ConditionExpression: 'attribute_not_exists(PK)',
    }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives the claim back after a failed send, so that the retry sends. */
export async function releaseNotificationClaim(declarationId: string, claimKind: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.notificationClaim(declarationId, claimKind), ConditionExpression: 'attribute_not_exists(messageId)' }));
}

export async function recordNotificationSent(declarationId: string, claimKind: string, messageId: string): Promise<void> {
  await db().send(new UpdateCommand({
    TableName: tableName(),
    Key: keys.notificationClaim(declarationId, claimKind),
    UpdateExpression: 'SET messageId = :id, sentAt = :now',
    ExpressionAttributeValues: { ':id': messageId, ':now': clock.now().toISOString() },
  }));
}

/**
 * When the last digest of a day before `day` was claimed, if any (the digest says what changed
 * since). Claims are `NOTIFY#digest#<day>#<address>`: every claim of `day` sorts after the bound.
 */
export async function previousDigestAt(declarationId: string, day: string): Promise<string | undefined> {
  const { Items } = await db().send(new QueryCommand({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :before',
    ExpressionAttributeValues: { ':pk': `DECL#${declarationId}`, ':first': keys.notificationClaim(declarationId, 'digest#').SK, ':before': keys.notificationClaim(declarationId, `digest#${day}`).SK },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  }));
  const earlier = Items?.[0];
  return typeof earlier?.claimedAt === 'string' ? earlier.claimedAt : undefined;
}

/** The types of a declaration's audit events recorded at or after `since` (GSI1, projected to the type). */
export async function eventTypesSince(declarationId: string, since: string, before: string): Promise<string[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :since AND :before',
    ExpressionAttributeValues: { ':pk': keys.auditOf(declarationId), ':since': since, ':before': before },
    ProjectionExpression: '#type',
    ExpressionAttributeNames: { '#type': 'type' },
  });
  return items.map((item) => String(item.type));
}

export type SettingsChange = { ok: true } | { ok: false };

/**
 * Replaces a declaration's notification settings, with its audit event, while it is a draft or
 * open (a closed campaign notifies nobody any more).
 */
export async function replaceNotificationSettings(declarationId: string, settings: NotificationSettings, event: NewDeclarationAuditEvent): Promise<SettingsChange> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.declaration(declarationId),
        UpdateExpression: 'SET #notifications = :settings',
        ConditionExpression: 'attribute_exists(PK) AND #status IN (:draft, :open)',
        ExpressionAttributeNames: { '#notifications': 'notifications', '#status': 'status' },
        ExpressionAttributeValues: { ':settings': settings, ':draft': 'DRAFT', ':open': 'OPEN' },
      },
    },
    auditEventPut(event),
  ]);
  return result.ok ? { ok: true } : { ok: false };
}
