import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { tableName } from '../shared/config';

let documentClient: DynamoDBDocumentClient | undefined;

/** The endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set (the local stack), as the SDK defines. */
export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
}

export { tableName };

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Runs a transaction. When a condition fails, returns the index of the first failed item
 * instead of throwing, so callers can say which rule stopped the change.
 */
export async function transact(items: TransactItem[]): Promise<{ ok: true } | { ok: false; failedIndex: number }> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const failedIndex = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failedIndex >= 0) return { ok: false, failedIndex };
    }
    throw error;
  }
}

/** Key builders: the whole single-table layout, documented in docs/records.md. */
export const keys = {
  declaration: (id: string) => ({ PK: `DECL#${id}`, SK: 'DECLARATION' }),
  /** The declaration's texts and clauses, kept out of its item so that GSI1 never copies them. */
  declarationContent: (id: string) => ({ PK: `DECL#${id}`, SK: 'DECLARATION#CONTENT' }),
  declarationsIndex: 'DECLARATIONS',
  invitee: (declarationId: string, email: string) => ({ PK: `DECL#${declarationId}`, SK: `INVITEE#${email}` }),
  commitment: (id: string) => ({ PK: `CMT#${id}`, SK: 'COMMITMENT' }),
  commitmentsOf: (declarationId: string) => `DECL#${declarationId}#CMT`,
  taskToken: (commitmentId: string) => ({ PK: `CMT#${commitmentId}`, SK: 'TASK' }),
  mailClaim: (commitmentId: string, kind: string) => ({ PK: `CMT#${commitmentId}`, SK: `MAIL#${kind}` }),
  /** One notification of the Commission team: `<kind>#<event id>`, or `digest#<day>`. */
  notificationClaim: (declarationId: string, claimKind: string) => ({ PK: `DECL#${declarationId}`, SK: `NOTIFY#${claimKind}` }),
  eventPrefix: 'EVENT#',
  auditOf: (declarationId: string) => `DECL#${declarationId}#AUDIT`,
  link: (hash: string) => ({ PK: `LINK#${hash}`, SK: 'LINK' }),
  signingSession: (hash: string) => ({ PK: `SESSION#${hash}`, SK: 'SESSION' }),
  oneTimeCode: (commitmentId: string) => ({ PK: `CMT#${commitmentId}`, SK: 'OTP' }),
  rateWindow: (scope: string, subject: string, windowStart: number) => ({ PK: `RATE#${scope}#${subject}`, SK: `WINDOW#${windowStart}` }),
  document: (commitmentId: string) => ({ PK: `CMT#${commitmentId}`, SK: 'DOC' }),
  documentChunk: (commitmentId: string, generation: string, index: number) => ({ PK: `CMT#${commitmentId}`, SK: `${keys.documentChunkPrefix(generation)}${String(index).padStart(4, '0')}` }),
  documentChunkPrefix: (generation: string) => `DOC#${generation}#CHUNK#`,
  documentsOf: (declarationId: string) => `DECL#${declarationId}#DOC`,
  documentHash: (sha256: string) => ({ PK: `DOCHASH#${sha256}`, SK: 'DOCHASH' }),
  jointDeclaration: (declarationId: string) => ({ PK: `DECL#${declarationId}`, SK: 'JOINT' }),
  jointDeclarationChunk: (declarationId: string, generation: string, index: number) => ({ PK: `DECL#${declarationId}`, SK: `JOINT#${generation}#CHUNK#${String(index).padStart(4, '0')}` }),
  registerEntry: (declarationId: string, country: string, category: string, commitmentId: string) => ({ PK: `DECL#${declarationId}`, SK: `${keys.registerPrefix}${country}#${category}#${commitmentId}` }),
  registerPrefix: 'REGISTER#',
  documentExport: (exportId: string) => ({ PK: `EXPORT#${exportId}`, SK: 'EXPORT' }),
} as const;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

/** Removes the table's key attributes from an item read back. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

/** Every item a query matches, following pagination. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

type ItemKey = { readonly PK: string; readonly SK: string };

/**
 * Several items by key in one round trip (BatchGetItem, strongly consistent), in the order of
 * `itemKeys`; undefined for an item that does not exist. Keys DynamoDB left unprocessed (throttling)
 * are asked for again.
 */
export async function getItems(itemKeys: readonly ItemKey[]): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  let pending: ItemKey[] = [...itemKeys];
  for (let pass = 0; pending.length > 0; pass++) {
    if (pass > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 50 * 2 ** pass)));
    const answer = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending.map(({ PK, SK }) => ({ PK, SK })), ConsistentRead: true } } }));
    for (const item of answer.Responses?.[tableName()] ?? []) found.set(`${String(item.PK)}\n${String(item.SK)}`, item);
    pending = (answer.UnprocessedKeys?.[tableName()]?.Keys ?? []) as ItemKey[];
  }
  return itemKeys.map(({ PK, SK }) => found.get(`${PK}\n${SK}`));
}
