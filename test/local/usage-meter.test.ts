import { CreateTableCommand, DynamoDBClient, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { startDynamoDbMeteringProxy, UsageMeter } from '../../infra/local/usage-meter';
import type { UsageReport } from '../../tools/campaign/local-usage';

// `npm run cost` prices DynamoDB from these counts, so they must be the units AWS bills.
describe('the DynamoDB metering proxy', () => {
  const meter = new UsageMeter();
  let stops: (() => Promise<void>)[] = [];
  let client: DynamoDBClient;

  beforeAll(async () => {
    const dynamodb = await startDynamoDbLocal({ port: await freePort() });
    const proxy = await startDynamoDbMeteringProxy({ target: dynamodb.url, meter });
    stops = [() => proxy.stop(), () => dynamodb.stop()];
    client = new DynamoDBClient({ endpoint: proxy.url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    await client.send(new CreateTableCommand({
      TableName: 'metered',
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    for (const stop of stops) await stop();
  });

  it('counts one unit per started KB for a write, and twice that inside a transaction', async () => {
    meter.reset();
    const fiveKb = 'x'.repeat(5_000);
    await client.send(new PutItemCommand({ TableName: 'metered', Item: { PK: { S: 'plain' }, value: { S: fiveKb } } }));
    await client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'metered', Item: { PK: { S: 'transactional' }, value: { S: fiveKb } } } }] }));
    await client.send(new PutItemCommand({ TableName: 'metered', Item: { PK: { S: 'binary' }, value: { B: new Uint8Array(45_000) } } }));

    // What `npm run cost` reads from GET /local/usage.
    const report: UsageReport = meter.snapshot();
    const { dynamodb } = report;
    expect(dynamodb.requests).toBe(3);
    expect(dynamodb.writeUnits).toBe(5 + 44);
    expect(dynamodb.transactionalWriteUnits).toBe(10);
    // Where the units went, by the same labels as the requests (the table's key has no sort key here).
    expect(dynamodb.unitsByKind).toEqual({ PutItem: 49, TransactWriteItems: 10 });
  });
});
