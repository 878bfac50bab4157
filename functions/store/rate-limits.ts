import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, tableName, type TransactItem } from './table';

/**
 * Counts one attempt in a fixed window and returns the count so far. One item per subject and
 * window; DynamoDB's TTL removes it once the window is long over.
 */
export async function countAttempt(scope: string, subject: string, windowStart: number, windowSeconds: number): Promise<number> {
  const { Attributes } = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateWindow(scope, subject, windowStart),
      UpdateExpression: 'ADD attempts :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': windowStart + 2 * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.attempts ?? 1);
}

/**
 * One attempt counted inside the transaction of the write it limits: the transaction holds only
 * while the window's count is below `limit`, so an attempt past the limit changes nothing (and is
 * not counted; the window refuses it anyway until it ends).
 */
export function attemptWithinLimit(scope: string, subject: string, windowStart: number, windowSeconds: number, limit: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.rateWindow(scope, subject, windowStart),
      UpdateExpression: 'ADD attempts :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': windowStart + 2 * windowSeconds, ':limit': limit },
    },
  };
}
