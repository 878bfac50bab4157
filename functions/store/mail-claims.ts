import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { db, keys, tableName } from './table';

/**
 * One email per purpose: a task claims the right to send (e.g. `invitation`, `reminder-2`,
 * `delivery`) before sending, so a retried task never sends the same email twice.
 */
export async function claimMail(commitmentId: string, kind: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.mailClaim(commitmentId, kind), claimedAt: new Date().toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives the claim back after a failed send, so the retry can send. */
export async function releaseMailClaim(commitmentId: string, kind: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.mailClaim(commitmentId, kind), ConditionExpression: 'attribute_not_exists(messageId)' }));
}

export async function recordMailSent(commitmentId: string, kind: string, messageId: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.mailClaim(commitmentId, kind),
      UpdateExpression: 'SET messageId = :messageId, sentAt = :now',
      ExpressionAttributeValues: { ':messageId': messageId, ':now': new Date().toISOString() },
    }),
  );
}
