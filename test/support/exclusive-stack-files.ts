/**
 * Set-up of the projects on the exclusive stack (clock, resilience). Their files run beside the
 * other projects' files, but each has the exclusive stack to itself: it takes the stack's lease
 * before its tests and gives it back after them, while another file holding it makes it wait.
 * It finds the stack settled: whatever the files before set going has come to rest, and no wait
 * of theirs falls due within the next hour of the stack's clock.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { awaitLocalStack } from './local-stack';
import { settleWithin } from './workflow-time';

/** Long enough for every other file on the stack to finish first, on a loaded machine. */
const LEASE_TIMEOUT_MS = 900_000;

const lease = path.join(inject('localStack').dir, 'lease');
let held = false;

beforeAll(async () => {
  const stack = await awaitLocalStack();
  const holder = expect.getState().testPath ?? 'a test file';
  const deadline = Date.now() + LEASE_TIMEOUT_MS;
  for (;;) {
    try {
      // Creating a directory either succeeds or fails at once: one file holds the lease.
      mkdirSync(lease);
      writeFileSync(path.join(lease, 'holder'), holder);
      held = true;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`the exclusive stack stayed leased to ${readFileSync(path.join(lease, 'holder'), 'utf8')} for ${LEASE_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await settleWithin(stack.urls.app, 3600);
}, LEASE_TIMEOUT_MS + 300_000);

afterAll(() => {
  if (held) rmSync(lease, { recursive: true, force: true });
});
