/**
 * Set-up of the projects on the exclusive stack (clock, resilience): each test file has the stack
 * to itself, and finds it settled: whatever the files before set going has come to rest, and no
 * wait of theirs falls due within the next hour of the stack's clock.
 */
import { beforeAll } from 'vitest';
import { awaitLocalStack } from './local-stack';
import { settleWithin } from './workflow-time';

beforeAll(async () => {
  const stack = await awaitLocalStack();
  await settleWithin(stack.urls.app, 3600);
}, 420_000);
