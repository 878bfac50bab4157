import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { LocalStackAnnouncement } from '../../tools/local-stack-process';
import './stack-files';

/*
 * The test side of the shared local stacks (test/support/stack-registry.ts starts them): what a
 * test reads of its project's stack, from the files the global set-up writes in the stack's
 * directory: `ready.json` (URLs, the handlers' environment, timings) once it has started,
 * `failed.txt` if it could not, and `stack.log` with everything its process logs.
 */

/** What a test reads of a stack that has started. */
export interface StartedStack {
  readonly urls: LocalStackAnnouncement['urls'];
  /** What a client of the stack's AWS services needs: region, credentials, table, state machine. */
  readonly aws: LocalStackAnnouncement['aws'];
  /** Each function's environment on the stack: what its resource declares, what Lambda provides, the endpoints. */
  readonly functionEnvironments: LocalStackAnnouncement['functionEnvironments'];
  readonly timings: LocalStackAnnouncement['timings'];
}

/** How long a test file waits for its project's stack to start: a loaded machine takes minutes. */
const START_TIMEOUT_MS = 280_000;

/** Waits until the local stack of this project has started (test/support/await-local-stack.ts calls it before the tests). */
export async function awaitLocalStack(): Promise<StartedStack> {
  const files = inject('localStack');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!existsSync(files.readyFile)) {
    if (existsSync(files.failedFile)) throw new Error(`the local stack did not start: ${readFileSync(files.failedFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the local stack did not start within ${START_TIMEOUT_MS} ms:\n${readFileSync(files.logFile, 'utf8').slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return localStack();
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
