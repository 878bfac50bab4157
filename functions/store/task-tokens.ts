import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CommitmentState, WaitStage } from '../domain/commitment';
import { db, keys, tableName, transact, type TransactItem } from './table';

/**
 * The workflow's task token for the wait a commitment is in. Kept in its own item so that no
 * read of the commitment (API answers, exports) can carry it out of the backend.
 */
export interface ParkedTask {
  readonly token: string;
  readonly stage: WaitStage;
  readonly parkedAt: string;
}

/**
 * Parks the token only while the commitment still waits in `waitingState` (and is of `round`,
 * when given), in one transaction: a user's change committed before it makes the park fail, and
 * one committed after it finds the token. False when the commitment was not waiting (or is
 * missing): the caller reads the record and resumes the task itself.
 */
export async function parkTaskTokenWhileWaiting(commitmentId: string, task: ParkedTask, waitingState: CommitmentState, round?: number): Promise<boolean> {
  const result = await transact(parkWhileWaitingItems(commitmentId, task, waitingState, round));
  return result.ok;
}

/**
 * parkTaskTokenWhileWaiting's two items, for a transaction that records something else with the
 * park: the token, and the condition that the commitment still waits in `waitingState`.
 */
export function parkWhileWaitingItems(commitmentId: string, task: ParkedTask, waitingState: CommitmentState, round?: number): TransactItem[] {
  const roundCondition = round === undefined ? '' : round === 1 ? ' AND (attribute_not_exists(#round) OR #round = :round)' : ' AND #round = :round';
  return [
    { Put: { TableName: tableName(), Item: { ...keys.taskToken(commitmentId), ...task } } },
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.commitment(commitmentId),
        ConditionExpression: `#state = :waiting${roundCondition}`,
        ExpressionAttributeNames: { '#state': 'state', ...(round === undefined ? {} : { '#round': 'round' }) },
        ExpressionAttributeValues: { ':waiting': waitingState, ...(round === undefined ? {} : { ':round': round }) },
      },
    },
  ];
}

export async function getParkedTask(commitmentId: string): Promise<ParkedTask | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.taskToken(commitmentId), ConsistentRead: true }));
  return parkedTaskOf(Item);
}

export function parkedTaskOf(Item: Record<string, unknown> | undefined): ParkedTask | undefined {
  if (!Item) return undefined;
  return { token: String(Item.token), stage: Item.stage as WaitStage, parkedAt: String(Item.parkedAt) };
}

/**
 * A transaction item that holds only while the parked task is still the one read before (or,
 * when none was, while none is): a change committed with it can answer that task's token
 * without reading it again, since any later park finds the change.
 */
export function parkedTaskUnchanged(commitmentId: string, seen: ParkedTask | undefined): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.taskToken(commitmentId),
      ConditionExpression: seen ? '#token = :token' : 'attribute_not_exists(PK)',
      ...(seen ? { ExpressionAttributeNames: { '#token': 'token' }, ExpressionAttributeValues: { ':token': seen.token } } : {}),
    },
  };
}
