/** Set-up of the projects that run on a shared local stack: every test file waits until it has started. */
import { beforeAll } from 'vitest';
import { awaitLocalStack } from './local-stack';

beforeAll(async () => {
  await awaitLocalStack();
}, 300_000);
