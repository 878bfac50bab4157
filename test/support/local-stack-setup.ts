import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnLocalStack } from '../../infra/local/child-process';

/** Short waits, so that reminders and expiry happen within a test. */
export const TEST_TIMINGS = { reminderIntervalSeconds: 4, reminderCount: 1, reviewTimeoutSeconds: 3600, countersignTimeoutSeconds: 3600 };

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    mailboxUrl: string;
    dynamodbUrl: string;
    stepFunctionsUrl: string;
    tableName: string;
    timings: typeof TEST_TIMINGS;
  }
}

/** One local stack for all integration tests, in its own process as `npm start` runs it: the real services, an in-memory database. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-test-'));
  const stack = await spawnLocalStack({ dataDir, inMemory: true, timings: TEST_TIMINGS, logLevel: 'WARN' });
  project.provide('appUrl', stack.urls.app);
  project.provide('mailboxUrl', stack.urls.mailbox);
  project.provide('dynamodbUrl', stack.urls.dynamodb);
  project.provide('stepFunctionsUrl', stack.urls.stepFunctions);
  project.provide('tableName', stack.env.TABLE_NAME ?? '');
  project.provide('timings', TEST_TIMINGS);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
