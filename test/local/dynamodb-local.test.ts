import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/aws-local';
import { startDynamoDbLocal, type LocalDynamoDb } from '../../infra/local/dynamodb';

/** The environment a running process was started with (Linux's /proc). */
function environmentOf(pid: number): Map<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('DynamoDB Local as the local stack starts it', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-dynamodb-local-'));
  let dynamodb: LocalDynamoDb | undefined;
  afterAll(async () => {
    await dynamodb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.runIf(process.platform === 'linux')('runs with telemetry off and its JVM options, leaving this process environment as it was', async () => {
    const before = { options: process.env.JDK_JAVA_OPTIONS, telemetry: process.env.DDB_LOCAL_TELEMETRY };
    dynamodb = await startDynamoDbLocal({ port: await freePort(), dataDir });
    // With a data directory, the stack records the Java process's id to stop a leftover one later.
    const javaEnvironment = environmentOf(Number(readFileSync(path.join(dataDir, 'dynamodb-local.pid'), 'utf8')));

    expect(javaEnvironment.get('DDB_LOCAL_TELEMETRY')).toBe('0');
    expect(javaEnvironment.get('JDK_JAVA_OPTIONS')).toContain('-XX:+UseSerialGC');
    expect({ options: process.env.JDK_JAVA_OPTIONS, telemetry: process.env.DDB_LOCAL_TELEMETRY }).toEqual(before);
  }, 60_000);
});
