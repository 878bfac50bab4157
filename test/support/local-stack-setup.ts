import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnLocalStack } from '../../tools/local-stack-process';

/** Short waits, so that reminders and expiry happen within a test (a link expires 30 s after its invitation: room for a browser's signing on a busy machine). */
export const TEST_TIMINGS = { reminderIntervalSeconds: 15, reminderCount: 1, reviewTimeoutSeconds: 3600, countersignTimeoutSeconds: 3600 };

/** Signing POSTs per client address and 10-minute window: high enough for the whole suite from 127.0.0.1, low enough to reach in a test. */
export const TEST_RATE_LIMITS = { perAddress: 1500 };

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    mailboxUrl: string;
    dynamodbUrl: string;
    stepFunctionsUrl: string;
    tableName: string;
    timings: typeof TEST_TIMINGS;
    rateLimits: typeof TEST_RATE_LIMITS;
    /** Each function's environment on the stack, by catalog id: what its resource declares, what Lambda provides, the endpoints. */
    functionEnvironments: Record<string, Record<string, string>>;
    /** Everything the stack's process logged (its handlers included), appended as it runs. */
    stackLogFile: string;
  }
}

/** One local stack for all integration tests, in its own process as `npm start` runs it: the real services, an in-memory database. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-test-'));
  // INFO, so that tests read what the handlers log at the level they run with on AWS.
  const stack = await spawnLocalStack({ dataDir, inMemory: true, timings: TEST_TIMINGS, logLevel: 'INFO', rateLimits: TEST_RATE_LIMITS });
  const stackLogFile = path.join(dataDir, 'stack.log');
  writeFileSync(stackLogFile, stack.output());
  for (const stream of [stack.child.stdout, stack.child.stderr]) stream?.on('data', (chunk: Buffer) => appendFileSync(stackLogFile, chunk));
  project.provide('appUrl', stack.urls.app);
  project.provide('mailboxUrl', stack.urls.mailbox);
  project.provide('dynamodbUrl', stack.urls.dynamodb);
  project.provide('stepFunctionsUrl', stack.urls.stepFunctions);
  project.provide('tableName', stack.aws.tableName);
  project.provide('functionEnvironments', stack.functionEnvironments);
  project.provide('timings', TEST_TIMINGS);
  project.provide('rateLimits', TEST_RATE_LIMITS);
  project.provide('stackLogFile', stackLogFile);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
