import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditEventPut, type NewAuditEvent } from './audit';
import type { Commitment } from '../domain/commitment';
import { codeStateOf, type CodeState } from './one-time-codes';
import { parkedTaskOf, type ParkedTask } from './task-tokens';
import { db, getItems, keys, tableName, transact, withoutKeys, type TransactItem } from './table';

/**
 * A short signing session, made when the operator pressed Continue on the landing page. The
 * cookie holds its id; the table holds only the id's SHA-256 (the item's key).
 */
export interface SigningSession {
  readonly commitmentId: string;
  readonly declarationId: string;
  /** The link it was opened from. */
  readonly linkHash: string;
  /** When that link stopped working when the session was opened (epoch ms); the session never outlives it. */
  readonly linkExpiresAt: number;
  /** The commitment's link generation of that link; 0 when absent. */
  readonly linkGeneration?: number;
  /** The language of the pages, chosen when the session was opened. */
  readonly language: string;
  readonly createdAt: string;
  /** Epoch ms; checked in the condition of every write under the session. */
  readonly expiresAt: number;
  readonly codeVerifiedAt?: string;
  readonly usedAt?: string;
}

/**
 * Records the session and the operator's opening of the link ("viewed") together, and `alongside`
 * (what the same request writes next, such as the first one-time code) in the same transaction.
 */
export async function createSession(hash: string, session: SigningSession, viewed: NewAuditEvent, alongside: readonly TransactItem[] = []): Promise<SessionCreation> {
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        // DynamoDB's TTL removes the item a day after it expired; expiry itself is checked in conditions.
        Item: { ...keys.signingSession(hash), ...session, ttl: Math.ceil(session.expiresAt / 1000) + 86_400 },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    auditEventPut(viewed),
    ...alongside,
  ]);
  if (result.ok) return { created: true };
  return result.failedIndex < 2 ? { created: false } : { created: false, alongsideFailedIndex: result.failedIndex - 2 };
}

/** Created, or not: the id was taken, or (`alongsideFailedIndex`) an item written alongside refused. */
export type SessionCreation = { readonly created: true } | { readonly created: false; readonly alongsideFailedIndex?: number };

export async function getSession(hash: string): Promise<SigningSession | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.signingSession(hash), ConsistentRead: true }));
  return sessionOf(Item);
}

/**
 * The session and what every request under it reads with it, the commitment and its one-time
 * code state (and, `withParkedTask`, the workflow's parked task, for the POST that ends the
 * wait), in one round trip. `commitmentId` is the one the session id names; the session comes
 * back only if it belongs to that commitment.
 */
export async function getSessionWithCommitment(
  hash: string,
  commitmentId: string,
  withParkedTask = false,
): Promise<{ session: SigningSession; commitment: Commitment | undefined; codeState: CodeState; parkedTask?: { task: ParkedTask | undefined } } | undefined> {
  const [sessionItem, commitmentItem, codeItem, taskItem] = await getItems([
    keys.signingSession(hash),
    keys.commitment(commitmentId),
    keys.oneTimeCode(commitmentId),
    ...(withParkedTask ? [keys.taskToken(commitmentId)] : []),
  ]);
  const session = sessionOf(sessionItem);
  if (!session || session.commitmentId !== commitmentId) return undefined;
  return {
    session,
    commitment: commitmentItem ? withoutKeys<Commitment>(commitmentItem) : undefined,
    codeState: codeStateOf(codeItem),
    ...(withParkedTask ? { parkedTask: { task: parkedTaskOf(taskItem) } } : {}),
  };
}

function sessionOf(Item: Record<string, unknown> | undefined): SigningSession | undefined {
  if (!Item) return undefined;
  return {
    commitmentId: String(Item.commitmentId),
    declarationId: String(Item.declarationId),
    linkHash: String(Item.linkHash),
    linkExpiresAt: Number(Item.linkExpiresAt),
    language: String(Item.language),
    createdAt: String(Item.createdAt),
    expiresAt: Number(Item.expiresAt),
    ...(typeof Item.linkGeneration === 'number' ? { linkGeneration: Item.linkGeneration } : {}),
    ...(typeof Item.codeVerifiedAt === 'string' ? { codeVerifiedAt: Item.codeVerifiedAt } : {}),
    ...(typeof Item.usedAt === 'string' ? { usedAt: Item.usedAt } : {}),
  };
}

const USABLE = 'commitmentId = :commitmentId AND expiresAt > :now AND attribute_not_exists(usedAt)';

/** Marks the session's code as confirmed, while it is still usable. */
export function confirmCodeInSession(hash: string, commitmentId: string, now: Date): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.signingSession(hash),
      UpdateExpression: 'SET codeVerifiedAt = :at',
      ConditionExpression: USABLE,
      ExpressionAttributeValues: { ':commitmentId': commitmentId, ':now': now.getTime(), ':at': now.toISOString() },
    },
  };
}

/** Uses the session up: the final sign or decline, once, while it is usable (and its code confirmed, when required). */
export function consumeSession(hash: string, commitmentId: string, now: Date, codeRequired: boolean): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.signingSession(hash),
      UpdateExpression: 'SET usedAt = :at',
      ConditionExpression: codeRequired ? `${USABLE} AND attribute_exists(codeVerifiedAt)` : USABLE,
      ExpressionAttributeValues: { ':commitmentId': commitmentId, ':now': now.getTime(), ':at': now.toISOString() },
    },
  };
}
