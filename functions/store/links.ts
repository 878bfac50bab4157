import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, keys, tableName, type TransactItem } from './table';

export interface SigningLink {
  readonly commitmentId: string;
  readonly issuedAt: string;
  /** Epoch milliseconds; compared inside the signing transaction's condition. */
  readonly expiresAt: number;
}

export async function putLink(hash: string, link: SigningLink): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.link(hash), ...link },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getLink(hash: string): Promise<SigningLink | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.link(hash), ConsistentRead: true }));
  if (!Item) return undefined;
  return { commitmentId: String(Item.commitmentId), issuedAt: String(Item.issuedAt), expiresAt: Number(Item.expiresAt) };
}

/** A transaction item that holds only while the link is unexpired and bound to this commitment. */
export function linkStillValid(hash: string, commitmentId: string, now: Date): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.link(hash),
      ConditionExpression: 'commitmentId = :commitmentId AND expiresAt > :now',
      ExpressionAttributeValues: { ':commitmentId': commitmentId, ':now': now.getTime() },
    },
  };
}
