import { createServer, request as httpRequest, type Server } from 'node:http';
import { closeServer, listenLocally } from './aws-local';

export interface InvocationTotals {
  count: number;
  totalMs: number;
}

export interface UsageSnapshot {
  readonly since: string;
  /** HTTP API requests, by catalog function id. */
  readonly api: Readonly<Record<string, InvocationTotals>>;
  /** Workflow task invocations (Lambda), by catalog function id. */
  readonly tasks: Readonly<Record<string, InvocationTotals>>;
  /** Each task invocation's duration in ms (the first 20,000 per function), for percentiles. */
  readonly taskSamples: Readonly<Record<string, readonly number[]>>;
  /** States entered by executions: what Step Functions Standard bills as state transitions. */
  readonly stateTransitions: number;
  readonly dynamodb: {
    readonly requests: number;
    /** As DynamoDB reports them (ReturnConsumedCapacity TOTAL), split by operation kind. */
    readonly readUnits: number;
    readonly writeUnits: number;
    /** Units consumed by TransactWriteItems/TransactGetItems, as reported: already twice the standard rate. */
    readonly transactionalWriteUnits: number;
    readonly transactionalReadUnits: number;
    /** Requests by operation and the kinds of items they touch (sort key up to its first `#`), e.g. `GetItem COMMITMENT`. */
    readonly requestsByKind: Readonly<Record<string, number>>;
    /** Capacity units consumed (read and write, as billed) by the same operation and item kinds. */
    readonly unitsByKind: Readonly<Record<string, number>>;
  };
  /** Requests to the files bucket, by S3's price tiers: PUT, COPY, POST and LIST; GET and the rest. */
  readonly s3: { readonly writeRequests: number; readonly readRequests: number };
  /** Tokens the timestamp authority issued. */
  readonly timestampTokens: number;
}

const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

/**
 * Counts what the product uses on the local stack, so that `npm run cost` can price one
 * commitment with AWS's public prices. Lives only in the local stack; handlers know nothing of it.
 */
export class UsageMeter {
  private since = new Date();
  private api = new Map<string, InvocationTotals>();
  private tasks = new Map<string, InvocationTotals>();
  private taskSamples = new Map<string, number[]>();
  private stateTransitions = 0;
  private dynamodb = { requests: 0, readUnits: 0, writeUnits: 0, transactionalWriteUnits: 0, transactionalReadUnits: 0 };
  private requestsByKind = new Map<string, number>();
  private unitsByKind = new Map<string, number>();
  private s3 = { writeRequests: 0, readRequests: 0 };
  private timestampTokens = 0;

  reset(): void {
    this.since = new Date();
    this.api.clear();
    this.tasks.clear();
    this.taskSamples.clear();
    this.stateTransitions = 0;
    this.dynamodb = { requests: 0, readUnits: 0, writeUnits: 0, transactionalWriteUnits: 0, transactionalReadUnits: 0 };
    this.requestsByKind.clear();
    this.unitsByKind.clear();
    this.s3 = { writeRequests: 0, readRequests: 0 };
    this.timestampTokens = 0;
  }

  recordApi(functionId: string, ms: number): void {
    add(this.api, functionId, ms);
  }

  recordTask(functionId: string, ms: number): void {
    add(this.tasks, functionId, ms);
    const samples = this.taskSamples.get(functionId) ?? [];
    if (samples.length < 20_000) samples.push(ms);
    this.taskSamples.set(functionId, samples);
  }

  recordStateEntered(): void {
    this.stateTransitions += 1;
  }

  recordTimestampToken(): void {
    this.timestampTokens += 1;
  }

  recordDynamoDb(operation: string, units: number, itemKinds: readonly string[] = []): void {
    this.dynamodb.requests += 1;
    const label = [operation, itemKinds.join('+')].filter(Boolean).join(' ');
    this.requestsByKind.set(label, (this.requestsByKind.get(label) ?? 0) + 1);
    this.unitsByKind.set(label, (this.unitsByKind.get(label) ?? 0) + units);
    if (operation === 'TransactWriteItems') this.dynamodb.transactionalWriteUnits += units;
    else if (operation === 'TransactGetItems') this.dynamodb.transactionalReadUnits += units;
    else if (WRITE_OPERATIONS.has(operation)) this.dynamodb.writeUnits += units;
    else if (READ_OPERATIONS.has(operation)) this.dynamodb.readUnits += units;
  }

  /** One request to S3: a GET of an object is priced as a read, anything else (PUT, POST, a listing) as a write. */
  recordS3(method: string, listing: boolean): void {
    if ((method === 'GET' || method === 'HEAD') && !listing) this.s3.readRequests += 1;
    else this.s3.writeRequests += 1;
  }

  snapshot(): UsageSnapshot {
    return {
      since: this.since.toISOString(),
      api: Object.fromEntries([...this.api].map(([id, totals]) => [id, { ...totals }])),
      tasks: Object.fromEntries([...this.tasks].map(([id, totals]) => [id, { ...totals }])),
      taskSamples: Object.fromEntries([...this.taskSamples].map(([id, samples]) => [id, [...samples]])),
      stateTransitions: this.stateTransitions,
      dynamodb: { ...this.dynamodb, requestsByKind: Object.fromEntries(this.requestsByKind), unitsByKind: Object.fromEntries(this.unitsByKind) },
      s3: { ...this.s3 },
      timestampTokens: this.timestampTokens,
    };
  }

  /** Wraps a handler so that each call is counted with its duration. */
  timed<A extends unknown[], R>(kind: 'api' | 'task', functionId: string, handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      const started = performance.now();
      try {
        return await handler(...args);
      } finally {
        const ms = performance.now() - started;
        if (kind === 'api') this.recordApi(functionId, ms);
        else this.recordTask(functionId, ms);
      }
    };
  }
}

function add(map: Map<string, InvocationTotals>, id: string, ms: number): void {
  const totals = map.get(id) ?? { count: 0, totalMs: 0 };
  totals.count += 1;
  totals.totalMs += ms;
  map.set(id, totals);
}

/**
 * An HTTP proxy in front of DynamoDB Local that asks for ReturnConsumedCapacity on every call and
 * records what each call consumed, passing requests and answers through otherwise unchanged.
 */
export async function startDynamoDbMeteringProxy(options: { target: string; meter: UsageMeter; port?: number }): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new URL(options.target);
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let body = Buffer.concat(chunks);
      const metered = WRITE_OPERATIONS.has(operation) || READ_OPERATIONS.has(operation) || operation.startsWith('Transact');
      let itemKinds: string[] = [];
      if (metered) {
        try {
          const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          itemKinds = itemKindsOf(json);
          json.ReturnConsumedCapacity ??= 'TOTAL';
          body = Buffer.from(JSON.stringify(json));
        } catch {
          // Not JSON: pass it on untouched and let DynamoDB answer.
        }
      }
      // The request is re-serialised, so its signature no longer matches; DynamoDB Local does not check it.
      const headers = { ...incoming.headers, host: target.host, 'content-length': String(body.length) };
      const forward = httpRequest({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          const payload = Buffer.concat(answerChunks);
          if (metered && answer.statusCode === 200) options.meter.recordDynamoDb(operation, consumedUnits(payload), itemKinds);
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(payload);
        });
      });
      forward.on('error', (error) => {
        outgoing.writeHead(502, { 'content-type': 'application/x-amz-json-1.0' });
        outgoing.end(JSON.stringify({ __type: 'ServiceUnavailable', message: error.message }));
      });
      forward.end(body);
    });
  });
  const url = await listenLocally(server, options.port ?? 0);
  return { url, stop: () => closeServer(server) };
}

type KeyedRequest = { Key?: AttributeMap; Item?: AttributeMap; IndexName?: string; ExpressionAttributeValues?: AttributeMap };
type AttributeMap = Record<string, { S?: string } | undefined>;

/** What a request touches, named by sort key prefix (`COMMITMENT`, `EVENT`, ...) or, for a query, its index or partition prefix. */
function itemKindsOf(request: Record<string, unknown>): string[] {
  const kindOf = (entry: KeyedRequest): string => {
    const sortKey = (entry.Key ?? entry.Item)?.SK?.S;
    if (sortKey !== undefined) return sortKey.split('#')[0] ?? '';
    if (entry.IndexName) return entry.IndexName;
    const partition = Object.values(entry.ExpressionAttributeValues ?? {})[0]?.S;
    return partition ? `${partition.split('#')[0]}#…` : '';
  };
  const transactItems = request.TransactItems as Record<string, KeyedRequest>[] | undefined;
  if (transactItems) return transactItems.map((item) => kindOf(Object.values(item)[0] ?? {}));
  // BatchGetItem: the kinds of the keys it asks for, table by table.
  const batch = request.RequestItems as Record<string, { Keys?: AttributeMap[] }> | undefined;
  if (batch) return Object.values(batch).flatMap((table) => (table.Keys ?? []).map((Key) => kindOf({ Key })));
  return [kindOf(request as KeyedRequest)];
}

function consumedUnits(payload: Buffer): number {
  try {
    const json = JSON.parse(payload.toString('utf8')) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
    const consumed = json.ConsumedCapacity;
    if (!consumed) return 0;
    return (Array.isArray(consumed) ? consumed : [consumed]).reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
  } catch {
    return 0;
  }
}

/**
 * An HTTP proxy in front of the local S3 server that counts each request, passing requests and
 * answers through byte for byte (the host header too, so that SigV4 signatures still match).
 */
export async function startS3MeteringProxy(options: { target: string; meter: UsageMeter; port?: number }): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new URL(options.target);
  const server: Server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://local');
    // Path-style: /bucket is the bucket itself (a listing when read), /bucket/key an object.
    const listing = url.pathname.split('/').filter(Boolean).length < 2;
    const forward = httpRequest({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      options.meter.recordS3(incoming.method ?? 'GET', listing);
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(error.message);
    });
    incoming.pipe(forward);
  });
  const url = await listenLocally(server, options.port ?? 0);
  return { url, stop: () => closeServer(server) };
}
