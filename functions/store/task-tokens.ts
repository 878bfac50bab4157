import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WaitStage } from '../domain/commitment';
import { db, keys, tableName } from './table';

/**
 * The workflow's task token for the wait a commitment is in. Kept in its own item so that no
 * read of the commitment (API answers, exports) can carry it out of the backend.
 */
export interface ParkedTask {
  readonly token: string;
  readonly stage: WaitStage;
  readonly parkedAt: string;
}

export async function parkTaskToken(commitmentId: string, task: ParkedTask): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.taskToken(commitmentId), ...task } }));
}

export async function getParkedTask(commitmentId: string): Promise<ParkedTask | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.taskToken(commitmentId), ConsistentRead: true }));
  if (!Item) return undefined;
  return { token: String(Item.token), stage: Item.stage as WaitStage, parkedAt: String(Item.parkedAt) };
}
