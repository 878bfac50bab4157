/**
 * `npm run bench:dynamodb -- --requests N [--concurrency C]` (defaults 10,000 and 8): what DynamoDB Local alone costs per request on this
 * machine. It starts a local stack (in memory, `npm start`'s entry in a process of its own) and talks to
 * its DynamoDB Local directly, in the table the stateful stack declares; the stack itself stays idle
 * meanwhile (its start-up traffic is before the measurement). Each round is the shape of a commitment's traffic: a conditional put, a read, a
 * conditional update, a two-item transaction and a query of the partition. The last line of stdout
 * is JSON: requests, seconds, requests per second and milliseconds of Java CPU per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { spawnLocalStack } from '../local-stack-process';
import { cpuSecondsOf } from './cpu-time';
import { round } from './stats';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '8' } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(requests) || requests < 5) throw new Error('--requests must be a whole number of at least 5');
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a whole number of at least 1');

const REQUESTS_PER_ROUND = 5;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bench-dynamodb-'));
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR' });
try {
  const TABLE = stack.aws.tableName;
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: stack.aws.region, credentials: stack.aws.credentials }));
  const payload = 'x'.repeat(2_500); // about the size of a commitment item
  let nextRound = 0;
  const rounds = Math.floor(requests / REQUESTS_PER_ROUND);
  const worker = async () => {
    for (let index = nextRound++; index < rounds; index = nextRound++) {
      const key = { PK: `CMT#bench${index}`, SK: 'CMT' };
      await db.send(new PutCommand({ TableName: TABLE, Item: { ...key, GSI1PK: 'DECL#bench', GSI1SK: key.PK, state: 'INVITED', payload }, ConditionExpression: 'attribute_not_exists(PK)' }));
      await db.send(new GetCommand({ TableName: TABLE, Key: key }));
      await db.send(new UpdateCommand({ TableName: TABLE, Key: key, UpdateExpression: 'SET #state = :next', ConditionExpression: '#state = :current', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':current': 'INVITED', ':next': 'SIGNED' } }));
      await db.send(new TransactWriteCommand({ TransactItems: [
        { Update: { TableName: TABLE, Key: key, UpdateExpression: 'SET #state = :next', ConditionExpression: '#state = :current', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':current': 'SIGNED', ':next': 'VERIFIED' } } },
        { Put: { TableName: TABLE, Item: { PK: key.PK, SK: 'EVT#0001', payload: payload.slice(0, 300) } } },
      ] }));
      await db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key.PK } }));
    }
  };
  const javaBefore = cpuSecondsOf(process.pid).descendants.java ?? 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const javaCpuSeconds = (cpuSecondsOf(process.pid).descendants.java ?? 0) - javaBefore;
  const done = rounds * REQUESTS_PER_ROUND;
  process.stdout.write(`${JSON.stringify({
    requests: done,
    seconds: round(seconds, 1),
    requestsPerSecond: round(done / seconds, 0),
    javaCpuMsPerRequest: round((javaCpuSeconds * 1000) / done, 2),
    concurrency,
  })}\n`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
