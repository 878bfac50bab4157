import type { RegisterEntry } from '../domain/register';
import { keys, queryAll, tableName, type TransactItem } from './table';

/**
 * The register entry of one delivered commitment whose signatory agreed to be published. It is
 * written in the same transaction that records the delivery, so an entry exists exactly when
 * both are true, and the register is one Query of the declaration's partition.
 */
export function registerEntryPut(declarationId: string, entry: RegisterEntry, publishedAt: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.registerEntry(declarationId, entry.country, entry.category, entry.commitmentId), ...entry, publishedAt },
    },
  };
}

/** The published organisations of a declaration, by country, category and commitment id. */
export async function listRegisterEntries(declarationId: string): Promise<RegisterEntry[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.declaration(declarationId).PK, ':prefix': keys.registerPrefix },
    ProjectionExpression: 'commitmentId, organisation, country, category',
  });
  return items.map((item) => ({ commitmentId: String(item.commitmentId), organisation: String(item.organisation), country: String(item.country), category: item.category as RegisterEntry['category'] }));
}
