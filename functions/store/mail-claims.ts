import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { auditEventPut, type NewAuditEvent } from './audit';
import { db, keys, tableName, transact, type TransactItem } from './table';
import { isTransactionConflict, retryOnTransactionConflict } from './transaction-conflicts';
import { clock } from '../shared/clock';

/**
 * One email per purpose: a sender claims the right to send (e.g. `invitation`, `reminder-2`,
 * `delivery`) before sending, so a repeated or concurrent request never sends it twice.
 */
export async function claimMail(commitmentId: string, kind: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.mailClaim(commitmentId, kind), claimedAt: clock.now().toISOString(), attempts: 1 },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * The claim of a workflow task, whose attempts never overlap (Step Functions retries a task only
 * after its previous attempt ended, and Lambda's timeout is shorter than the task's). A claim
 * without a message id then belongs to an attempt that died between claiming and recording the
 * sent message (a crash, a timeout), so this attempt takes it over instead of losing the email.
 * The one case that sends twice is a crash in the instant between SES accepting the email and
 * the message id being recorded; SES has no idempotency key that could close it.
 */
export async function claimMailForTask(commitmentId: string, kind: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailClaim(commitmentId, kind),
        UpdateExpression: 'SET claimedAt = :now ADD attempts :one',
        ConditionExpression: 'attribute_not_exists(messageId)',
        ExpressionAttributeValues: { ':now': clock.now().toISOString(), ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The SES message id of an email already sent, if any. */
export async function sentMessageId(commitmentId: string, kind: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailClaim(commitmentId, kind), ConsistentRead: true }));
  return typeof Item?.messageId === 'string' ? Item.messageId : undefined;
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
      ExpressionAttributeValues: { ':messageId': messageId, ':now': clock.now().toISOString() },
    }),
  );
}

/**
 * The claim as an item of the transaction whose write it guards (claimMail's or, with `takeOver`,
 * claimMailForTask's condition): a failed condition at its index means the email is not this
 * sender's to send.
 */
export function mailClaimItem(commitmentId: string, kind: string, takeOver: boolean): TransactItem {
  const now = clock.now().toISOString();
  return takeOver
    ? {
        Update: {
          TableName: tableName(),
          Key: keys.mailClaim(commitmentId, kind),
          UpdateExpression: 'SET claimedAt = :now ADD attempts :one',
          ConditionExpression: 'attribute_not_exists(messageId)',
          ExpressionAttributeValues: { ':now': now, ':one': 1 },
        },
      }
    : { Put: { TableName: tableName(), Item: { ...keys.mailClaim(commitmentId, kind), claimedAt: now, attempts: 1 }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** recordMailSent as an item of the transaction that records what the email was for. */
export function mailSentItem(commitmentId: string, kind: string, messageId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.mailClaim(commitmentId, kind),
      UpdateExpression: 'SET messageId = :messageId, sentAt = :now',
      ExpressionAttributeValues: { ':messageId': messageId, ':now': clock.now().toISOString() },
    },
  };
}

/**
 * Records the sent message on its claim and the audit event that says it was sent, together, and
 * with them the `alongside` items (a next step's writes, such as a parked task token) when nothing
 * stands in their way. True when the `alongside` items were written; when one of their conditions
 * fails, or the transaction keeps meeting another one on the same items (an admin's change of the
 * commitment), the email's record is written without them and the answer is false.
 */
export async function recordMailSentWithEvent(commitmentId: string, kind: string, messageId: string, event: NewAuditEvent, alongside: readonly TransactItem[] = []): Promise<boolean> {
  const record = [mailSentItem(commitmentId, kind, messageId), auditEventPut(event)];
  if (alongside.length > 0) {
    const result = await retryOnTransactionConflict(() => transact([...record, ...alongside])).catch((error: unknown) => {
      if (isTransactionConflict(error)) return undefined;
      throw error;
    });
    if (result?.ok) return true;
    if (result && result.failedIndex < record.length) throw new Error('audit event id collision');
  }
  const result = await transact(record);
  if (!result.ok) throw new Error('audit event id collision');
  return false;
}

/**
 * Claims the email together with the writes it goes with (the link it carries), all or nothing.
 * False when the claim is not this sender's; a failure of another item is an error.
 */
export async function claimMailAlong(commitmentId: string, kind: string, takeOver: boolean, alongside: readonly TransactItem[]): Promise<boolean> {
  const result = await transact([mailClaimItem(commitmentId, kind, takeOver), ...alongside]);
  if (result.ok) return true;
  if (result.failedIndex === 0) return false;
  throw new Error(`claiming the ${kind} email of ${commitmentId} failed on item ${result.failedIndex} of its transaction`);
}
