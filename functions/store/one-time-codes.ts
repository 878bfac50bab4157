import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditEventPut, type NewAuditEvent } from './audit';
import { confirmCodeInSession } from './signing-sessions';
import { db, keys, tableName, transact, type TransactItem } from './table';

/**
 * The one-time code of a commitment: the keyed hash of the latest code, never the code, and the
 * wrong tries counted across codes and sessions, so that neither a new code nor a new session
 * resets them. Only an admin's resend clears a lock.
 */
export interface CodeState {
  readonly codeHash?: string;
  readonly sentAt?: string;
  /** Epoch ms. */
  readonly expiresAt?: number;
  readonly sentTo?: string;
  readonly failedAttempts: number;
  readonly lockedAt?: string;
}

export async function getCodeState(commitmentId: string): Promise<CodeState> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.oneTimeCode(commitmentId), ConsistentRead: true }));
  return codeStateOf(Item);
}

/** The code state an `OTP` item holds (none yet when it does not exist). */
export function codeStateOf(Item: Record<string, unknown> | undefined): CodeState {
  return {
    failedAttempts: Number(Item?.failedAttempts ?? 0),
    ...(typeof Item?.codeHash === 'string' ? { codeHash: Item.codeHash } : {}),
    ...(typeof Item?.sentAt === 'string' ? { sentAt: Item.sentAt } : {}),
    ...(Item?.expiresAt !== undefined ? { expiresAt: Number(Item.expiresAt) } : {}),
    ...(typeof Item?.sentTo === 'string' ? { sentTo: Item.sentTo } : {}),
    ...(typeof Item?.lockedAt === 'string' ? { lockedAt: Item.lockedAt } : {}),
  };
}

/**
 * Replaces the pending code (an earlier one stops working), unless the link is locked or the
 * `limit` item (the attempt counted in the same transaction) refuses it: `limited` when that item
 * failed, `locked` when the lock did.
 */
export async function storeNewCode(commitmentId: string, code: NewCode, event: NewAuditEvent, limit: TransactItem): Promise<'stored' | 'limited' | 'locked'> {
  const result = await transact(newCodeItems(commitmentId, code, event, limit));
  return result.ok ? 'stored' : newCodeRefusal(result.failedIndex);
}

export interface NewCode {
  readonly hash: string;
  readonly sentTo: string;
  readonly sentAt: Date;
  readonly expiresAt: Date;
}

/** What storeNewCode writes, as items of a transaction: the attempt `limit`, the code, its event. */
export function newCodeItems(commitmentId: string, code: NewCode, event: NewAuditEvent, limit: TransactItem): TransactItem[] {
  return [
    limit,
    {
      Update: {
        TableName: tableName(),
        Key: keys.oneTimeCode(commitmentId),
        UpdateExpression: 'SET codeHash = :hash, sentTo = :sentTo, sentAt = :sentAt, expiresAt = :expiresAt, failedAttempts = if_not_exists(failedAttempts, :zero) ADD sends :one',
        ConditionExpression: 'attribute_not_exists(lockedAt)',
        ExpressionAttributeValues: {
          ':hash': code.hash,
          ':sentTo': code.sentTo,
          ':sentAt': code.sentAt.toISOString(),
          ':expiresAt': code.expiresAt.getTime(),
          ':zero': 0,
          ':one': 1,
        },
      },
    },
    auditEventPut(event),
  ];
}

/** Why the items of newCodeItems were refused, from the index of the one that failed among them. */
export function newCodeRefusal(failedIndex: number): 'limited' | 'locked' {
  return failedIndex === 0 ? 'limited' : 'locked';
}

/**
 * Accepts the code: it is used up, the count of wrong tries starts again, and the session is
 * marked confirmed, in one transaction that holds only while the code is the pending one,
 * unexpired, and the link unlocked.
 */
export async function acceptCode(commitmentId: string, codeHash: string, sessionHash: string, now: Date, event: NewAuditEvent): Promise<{ ok: true } | { ok: false; failed: 'code' | 'session' }> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.oneTimeCode(commitmentId),
        UpdateExpression: 'SET failedAttempts = :zero, verifiedAt = :at REMOVE codeHash, expiresAt',
        ConditionExpression: 'codeHash = :hash AND expiresAt > :now AND attribute_not_exists(lockedAt)',
        ExpressionAttributeValues: { ':hash': codeHash, ':now': now.getTime(), ':zero': 0, ':at': now.toISOString() },
      },
    },
    confirmCodeInSession(sessionHash, commitmentId, now),
    auditEventPut(event),
  ]);
  if (result.ok) return { ok: true };
  return { ok: false, failed: result.failedIndex === 1 ? 'session' : 'code' };
}

/**
 * Counts a wrong code, conditioned on the count read before, so that concurrent wrong tries are
 * each counted; the try that reaches the limit locks the link.
 */
export async function countWrongCode(commitmentId: string, seenAttempts: number, lock: boolean, now: Date, events: readonly NewAuditEvent[]): Promise<boolean> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.oneTimeCode(commitmentId),
        UpdateExpression: lock ? 'SET failedAttempts = :next, lockedAt = :now' : 'SET failedAttempts = :next',
        ConditionExpression: 'failedAttempts = :seen AND attribute_not_exists(lockedAt)',
        ExpressionAttributeValues: { ':seen': seenAttempts, ':next': seenAttempts + 1, ...(lock ? { ':now': now.toISOString() } : {}) },
      },
    },
    ...events.map(auditEventPut),
  ]);
  return result.ok;
}

/** Forgets the pending code and the wrong tries: part of an admin's resend, which unlocks the link. */
export function clearCodes(commitmentId: string): TransactItem {
  return { Delete: { TableName: tableName(), Key: keys.oneTimeCode(commitmentId) } };
}
