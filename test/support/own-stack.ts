import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeExecutionCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CampaignClient } from '../../tools/campaign/campaign-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { spawnLocalStack, type LocalStackProcess, type LocalStackProcessOptions } from '../../tools/local-stack-process';
import { localStack } from './local-stack';

/**
 * What the tests that break things reach into: the campaign's HTTP API, the table, the Step
 * Functions API and the stack's fault controls.
 */
export class StackAccess {
  readonly campaign: CampaignClient;
  readonly db: DynamoDBDocumentClient;
  readonly sfn: SFNClient;

  constructor(private readonly stack: Pick<LocalStackProcess, 'urls' | 'aws'>) {
    this.campaign = new CampaignClient(stack.urls.app, stack.urls.mailbox);
    this.db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
    this.sfn = new SFNClient({ endpoint: stack.urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  }

  get tableName(): string {
    return this.stack.aws.tableName;
  }

  /** `POST /local/faults/<kind>` (infra/local/faults.ts). */
  async fault(kind: 'mail' | 'dynamodb' | 'tasks', body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.stack.urls.app}/local/faults/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`arming the ${kind} fault answered ${response.status}: ${await response.text()}`);
  }

  async faultStats(): Promise<{ mail: { failed: number; pendingFailures: number; held: number }; dynamodb: { dropped: number; refused: number }; tasks: Record<string, { failed: number; crashed: number }> }> {
    return (await fetch(`${this.stack.urls.app}/local/faults`)).json() as never;
  }

  async clearFaults(): Promise<void> {
    const response = await fetch(`${this.stack.urls.app}/local/faults`, { method: 'DELETE' });
    if (!response.ok) throw new Error(`clearing the faults answered ${response.status}: ${await response.text()}`);
  }

  /** Every item of one commitment's partition, straight from DynamoDB Local. */
  async items(commitmentId: string): Promise<Record<string, unknown>[]> {
    const { Items } = await this.db.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}` } }));
    return Items ?? [];
  }

  /** The task token parked for a commitment's current wait (a backend secret, read here to play a late caller). */
  async parkedTask(commitmentId: string): Promise<{ token: string; stage: string } | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: `CMT#${commitmentId}`, SK: 'TASK' }, ConsistentRead: true }));
    return Item ? { token: String(Item.token), stage: String(Item.stage) } : undefined;
  }

  async parkTask(commitmentId: string, task: { token: string; stage: string }): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { PK: `CMT#${commitmentId}`, SK: 'TASK', ...task, parkedAt: new Date().toISOString() } }));
  }

  /** SendTaskSuccess as a handler would; answers the error name when refused. */
  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<'accepted' | string> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
      return 'accepted';
    } catch (error) {
      return (error as Error).name;
    }
  }

  async executionStatus(commitmentId: string): Promise<string | undefined> {
    const arn = `${this.stack.aws.stateMachineArn.replace(':stateMachine:', ':execution:')}:${commitmentId}`;
    try {
      return (await this.sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
  }
}

/** The exclusive stack of the clock and resilience projects (test/support/test-stacks.ts), which this test file has to itself. */
export function exclusiveStack(): StackAccess {
  return new StackAccess(localStack());
}

/** A local stack of a test's own, in its own process, for a test that stops it or starts it again. */
export class OwnStack extends StackAccess {
  private constructor(readonly process: LocalStackProcess, readonly dataDir: string, private readonly ownsDataDir: boolean) {
    super(process);
  }

  static async start(options: LocalStackProcessOptions & { dataDir?: string }): Promise<OwnStack> {
    const ownsDataDir = options.dataDir === undefined;
    const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ports-alliance-own-'));
    try {
      const process = await spawnLocalStack({ logLevel: 'WARN', ...options, dataDir }, 180_000);
      return new OwnStack(process, dataDir, ownsDataDir);
    } catch (error) {
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Stops the stack (and removes its data directory if this object made it). */
  async stop(): Promise<void> {
    await this.process.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
