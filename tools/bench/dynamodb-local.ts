/**
 * `npm run bench:dynamodb -- --requests N [--concurrency C] [--by-kind]` (defaults 10,000 and 8): what
 * DynamoDB Local alone costs per request on this machine. It starts a local stack (in memory, `npm
 * start`'s entry in a process of its own) and talks to its DynamoDB Local directly, in the table the
 * stateful stack declares; the stack itself stays idle meanwhile (its start-up traffic is before the
 * measurement). Each round is the shape of a commitment's traffic: a conditional put, a read, a
 * conditional update, a two-item transaction and a query of the partition. With `--by-kind`, each kind
 * of request a commitment makes runs alone instead, N requests of each, and is measured on its own:
 * Java CPU, and this process's CPU (the AWS SDK's side of the same request). The last line of stdout is
 * JSON: requests, seconds, requests per second and milliseconds of Java CPU per request (`byKind` with
 * `--by-kind`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { spawnLocalStack } from '../local-stack-process';
import { cpuSecondsOf } from './cpu-time';
import { progress, round } from './stats';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '8' }, 'by-kind': { type: 'boolean', default: false } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(requests) || requests < 5) throw new Error('--requests must be a whole number of at least 5');
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a whole number of at least 1');

const REQUESTS_PER_ROUND = 5;
const PAYLOAD = 'x'.repeat(2_500); // about the size of a commitment item
const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bench-dynamodb-'));
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR' });
try {
  const TABLE = stack.aws.tableName;
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: stack.aws.region, credentials: stack.aws.credentials }));
  const commitment = (index: number) => ({ PK: `CMT#bench${index}`, SK: 'COMMITMENT' });
  const setState = (index: number, from: string, to: string) => ({
    TableName: TABLE,
    Key: commitment(index),
    UpdateExpression: 'SET #state = :next',
    ConditionExpression: '#state = :current',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':current': from, ':next': to },
  });
  const event = (index: number, name: string) => ({ TableName: TABLE, Item: { PK: commitment(index).PK, SK: `EVENT#${name}`, GSI1PK: 'DECL#bench#AUDIT', GSI1SK: `${name}#${index}`, detail: PAYLOAD.slice(0, 300) } });

  /** Runs `count` operations, `concurrency` at a time; returns the CPU seconds of DynamoDB Local and of this process, and the seconds taken. */
  const measure = async (count: number, operation: (index: number) => Promise<unknown>) => {
    let next = 0;
    const javaBefore = cpuSecondsOf(process.pid).descendants.java ?? 0;
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) await operation(index);
    }));
    const own = process.cpuUsage(ownBefore);
    return {
      seconds: (performance.now() - started) / 1000,
      javaCpuSeconds: (cpuSecondsOf(process.pid).descendants.java ?? 0) - javaBefore,
      clientCpuSeconds: (own.user + own.system) / 1e6,
    };
  };

  if (!values['by-kind']) {
    const rounds = Math.floor(requests / REQUESTS_PER_ROUND);
    const { seconds, javaCpuSeconds } = await measure(rounds, async (index) => {
      const key = commitment(index);
      await db.send(new PutCommand({ TableName: TABLE, Item: { ...key, GSI1PK: 'DECL#bench', GSI1SK: key.PK, state: 'INVITED', payload: PAYLOAD }, ConditionExpression: 'attribute_not_exists(PK)' }));
      await db.send(new GetCommand({ TableName: TABLE, Key: key }));
      await db.send(new UpdateCommand(setState(index, 'INVITED', 'SIGNED')));
      await db.send(new TransactWriteCommand({ TransactItems: [{ Update: setState(index, 'SIGNED', 'VERIFIED') }, { Put: { TableName: TABLE, Item: { PK: key.PK, SK: 'EVT#0001', payload: PAYLOAD.slice(0, 300) } } }] }));
      await db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': key.PK } }));
    });
    const done = rounds * REQUESTS_PER_ROUND;
    process.stdout.write(`${JSON.stringify({
      requests: done,
      seconds: round(seconds, 1),
      requestsPerSecond: round(done / seconds, 0),
      javaCpuMsPerRequest: round((javaCpuSeconds * 1000) / done, 2),
      concurrency,
    })}\n`);
  } else {
    // The kinds of request a commitment makes (`npm run cost` lists them as it makes them), each on items it wrote before.
    const kinds: [string, (index: number) => Promise<unknown>][] = [
      ['PutItem, item in GSI1', (index) => db.send(new PutCommand({ TableName: TABLE, Item: { ...commitment(index), GSI1PK: 'DECL#bench#CMT', GSI1SK: `${index}`, state: 'INVITED', payload: PAYLOAD }, ConditionExpression: 'attribute_not_exists(PK)' }))],
      ['GetItem', (index) => db.send(new GetCommand({ TableName: TABLE, Key: commitment(index) }))],
      ['BatchGetItem, 3 keys', (index) => db.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: [commitment(index), { PK: commitment(index).PK, SK: 'OTP' }, { PK: `SESSION#${index}`, SK: 'SESSION' }] } } }))],
      ['UpdateItem, a counter', (index) => db.send(new UpdateCommand({ TableName: TABLE, Key: { PK: `RATE#link#${index % 100}`, SK: 'WINDOW#0' }, UpdateExpression: 'ADD attempts :one SET #ttl = if_not_exists(#ttl, :ttl)', ExpressionAttributeNames: { '#ttl': 'ttl' }, ExpressionAttributeValues: { ':one': 1, ':ttl': 1 }, ReturnValues: 'UPDATED_NEW' }))],
      ['UpdateItem, conditional', (index) => db.send(new UpdateCommand(setState(index, 'INVITED', 'VIEWED')))],
      ['TransactWriteItems, 2 items', (index) => db.send(new TransactWriteCommand({ TransactItems: [{ Update: setState(index, 'VIEWED', 'SIGNED') }, { Put: event(index, 'SIGNED') }] }))],
      ['TransactWriteItems, 4 items', (index) => db.send(new TransactWriteCommand({ TransactItems: [
        { Update: setState(index, 'SIGNED', 'VERIFIED') },
        { Put: event(index, 'VERIFIED') },
        { Put: { TableName: TABLE, Item: { PK: commitment(index).PK, SK: 'MAIL#confirmation', claimedAt: 1 }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { ConditionCheck: { TableName: TABLE, Key: { PK: commitment(index).PK, SK: 'TASK' }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ] }))],
      ['Query, one partition', (index) => db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': commitment(index).PK } }))],
    ];
    // Each kind once over, unmeasured, so that both JVM and Node have compiled their paths.
    const warmUp = Math.min(requests, 2_000);
    for (const [, operation] of kinds) await measure(warmUp, (index) => operation(1_000_000 + index));
    const byKind: Record<string, { javaCpuMs: number; clientCpuMs: number; requestsPerSecond: number }> = {};
    let total = { seconds: 0, javaCpuSeconds: 0 };
    for (const [index, [name, operation]] of kinds.entries()) {
      progress('Request kinds', index, kinds.length);
      const measured = await measure(requests, operation);
      byKind[name] = {
        javaCpuMs: round((measured.javaCpuSeconds * 1000) / requests, 2),
        clientCpuMs: round((measured.clientCpuSeconds * 1000) / requests, 2),
        requestsPerSecond: round(requests / measured.seconds, 0),
      };
      total = { seconds: total.seconds + measured.seconds, javaCpuSeconds: total.javaCpuSeconds + measured.javaCpuSeconds };
    }
    progress('Request kinds', kinds.length, kinds.length);
    const done = requests * kinds.length;
    process.stdout.write(`${JSON.stringify({
      requests: done,
      seconds: round(total.seconds, 1),
      requestsPerSecond: round(done / total.seconds, 0),
      javaCpuMsPerRequest: round((total.javaCpuSeconds * 1000) / done, 2),
      concurrency,
      byKind,
    })}\n`);
  }
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
