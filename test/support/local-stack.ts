import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { awaitStack, type StartedStack } from './stack-registry';

/** How long a test file waits for its project's stack to start: a loaded machine takes minutes. */
const START_TIMEOUT_MS = 280_000;

/** Waits until the local stack of this project has started (test/support/await-local-stack.ts calls it before the tests). */
export function awaitLocalStack(): Promise<StartedStack> {
  return awaitStack(inject('localStack'), START_TIMEOUT_MS);
}

let started: StartedStack | undefined;

/** The local stack of this project, once started: its URLs, the handlers' environment and the workflow's timings. */
export function localStack(): StartedStack {
  if (started) return started;
  const { readyFile } = inject('localStack');
  if (!existsSync(readyFile)) throw new Error('the local stack has not started yet: await awaitLocalStack() first');
  started = JSON.parse(readFileSync(readyFile, 'utf8')) as StartedStack;
  return started;
}

/** Everything the local stack's process has logged so far. */
export function stackLog(): string {
  return readFileSync(inject('localStack').logFile, 'utf8');
}
