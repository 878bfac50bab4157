import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Declaration } from '../domain/declaration';
import { db, keys, queryAll, tableName, withoutKeys } from './table';

export async function putDeclaration(declaration: Declaration): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.declaration(declaration.id),
        GSI1PK: keys.declarationsIndex,
        GSI1SK: `${declaration.createdAt}#${declaration.id}`,
        ...declaration,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getDeclaration(id: string): Promise<Declaration | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.declaration(id) }));
  return Item ? withoutKeys<Declaration>(Item) : undefined;
}

export interface DeclarationSummary {
  readonly id: string;
  readonly version: string;
  readonly status: Declaration['status'];
  readonly title: string;
  readonly createdAt: string;
}

/** Newest first. */
export async function listDeclarations(): Promise<DeclarationSummary[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.declarationsIndex },
    ScanIndexForward: false,
  });
  return items.map((item) => {
    const declaration = withoutKeys<Declaration>(item);
    return {
      id: declaration.id,
      version: declaration.version,
      status: declaration.status,
      title: declaration.texts[declaration.defaultLanguage]?.title ?? declaration.id,
      createdAt: declaration.createdAt,
    };
  });
}
