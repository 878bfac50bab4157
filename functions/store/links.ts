import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Commitment } from '../domain/commitment';
import { codeStateOf, type CodeState } from './one-time-codes';
import { db, getItems, keys, tableName, withoutKeys, type TransactItem } from './table';

export interface SigningLink {
  readonly commitmentId: string;
  readonly issuedAt: string;
  /** Epoch milliseconds: the expiry it was issued with (the commitment's `linksExpireAt`, once set, wins). */
  readonly expiresAt: number;
  /** The commitment's link generation it was issued in; 0 when absent. */
  readonly generation?: number;
}

export async function putLink(hash: string, link: SigningLink): Promise<void> {
  await db().send(new PutCommand(linkPut(hash, link).Put!));
}

/** The new link as an item of a transaction (with the mail claim of the email that carries it). */
export function linkPut(hash: string, link: SigningLink): TransactItem & { Put: NonNullable<TransactItem['Put']> } {
  return { Put: { TableName: tableName(), Item: { ...keys.link(hash), ...link }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

export async function getLink(hash: string): Promise<SigningLink | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.link(hash), ConsistentRead: true }));
  return linkOf(Item);
}

/**
 * The link and what opening it reads with it, the commitment and its one-time code state, in one
 * round trip. `commitmentId` is the one the secret names; the link comes back only if it is bound
 * to that commitment.
 */
export async function getLinkWithCommitment(hash: string, commitmentId: string): Promise<{ link: SigningLink; commitment: Commitment | undefined; codeState: CodeState } | undefined> {
  const [linkItem, commitmentItem, codeItem] = await getItems([keys.link(hash), keys.commitment(commitmentId), keys.oneTimeCode(commitmentId)]);
  const link = linkOf(linkItem);
  if (!link || link.commitmentId !== commitmentId) return undefined;
  return { link, commitment: commitmentItem ? withoutKeys<Commitment>(commitmentItem) : undefined, codeState: codeStateOf(codeItem) };
}

function linkOf(Item: Record<string, unknown> | undefined): SigningLink | undefined {
  if (!Item) return undefined;
  return {
    commitmentId: String(Item.commitmentId),
    issuedAt: String(Item.issuedAt),
    expiresAt: Number(Item.expiresAt),
    ...(typeof Item.generation === 'number' ? { generation: Item.generation } : {}),
  };
}

/**
 * A transaction item that holds only while the link is bound to this commitment and, when
 * `ownExpiry` (the commitment keeps no `linksExpireAt` of its own), unexpired by the expiry it was
 * issued with. Its generation is checked on the commitment, in the same transaction.
 */
export function linkStillValid(hash: string, commitmentId: string, now: Date, ownExpiry = true): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.link(hash),
      ConditionExpression: ownExpiry ? 'commitmentId = :commitmentId AND expiresAt > :now' : 'commitmentId = :commitmentId',
      ExpressionAttributeValues: { ':commitmentId': commitmentId, ...(ownExpiry ? { ':now': now.getTime() } : {}) },
    },
  };
}
