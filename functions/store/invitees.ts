import { keys, queryAll } from './table';

/**
 * The addresses already invited to a declaration, with their commitment: read from the small
 * guard items that keep each address unique (one Query, no commitment bodies).
 */
export async function invitedAddresses(declarationId: string): Promise<Map<string, string>> {
  const prefix = 'INVITEE#';
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.declaration(declarationId).PK, ':prefix': prefix },
    ProjectionExpression: 'SK, commitmentId',
  });
  return new Map(items.map((item) => [String(item.SK).slice(prefix.length), String(item.commitmentId)]));
}
