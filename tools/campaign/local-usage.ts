/**
 * What a local stack has counted (DynamoDB too when started with `--meter-usage`), as `GET /local/usage`
 * answers it. infra/local/usage-meter.ts serves it; its test holds the two in line.
 */
export interface InvocationTotals {
  count: number;
  totalMs: number;
}

export interface UsageReport {
  readonly since: string;
  /** HTTP API requests, by catalog function id. */
  readonly api: Readonly<Record<string, InvocationTotals>>;
  /** Workflow task invocations, by catalog function id. */
  readonly tasks: Readonly<Record<string, InvocationTotals>>;
  /** Each task invocation's duration in ms (the first 20,000 per function). */
  readonly taskSamples: Readonly<Record<string, readonly number[]>>;
  /** States entered by executions: what Step Functions Standard bills as state transitions. */
  readonly stateTransitions: number;
  readonly dynamodb: {
    readonly requests: number;
    readonly readUnits: number;
    readonly writeUnits: number;
    readonly transactionalWriteUnits: number;
    readonly transactionalReadUnits: number;
    /** Requests by operation and the kinds of items they touch, e.g. `GetItem COMMITMENT`. */
    readonly requestsByKind: Readonly<Record<string, number>>;
    /** Capacity units consumed (read and write, as billed) by the same operation and item kinds. */
    readonly unitsByKind: Readonly<Record<string, number>>;
  };
  /** Requests to the files bucket, by S3's price tiers (PUT, COPY, POST, LIST; GET and the rest). */
  readonly s3: { readonly writeRequests: number; readonly readRequests: number };
  /** Tokens the timestamp authority issued. */
  readonly timestampTokens: number;
}

export async function readUsage(appUrl: string): Promise<UsageReport> {
  const response = await fetch(`${appUrl}/local/usage`);
  if (!response.ok) throw new Error(`GET /local/usage answered ${response.status}`);
  return (await response.json()) as UsageReport;
}

export async function resetUsage(appUrl: string): Promise<void> {
  const response = await fetch(`${appUrl}/local/usage/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST /local/usage/reset answered ${response.status}`);
}
