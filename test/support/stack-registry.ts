import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnLocalStack, type LocalStackProcess } from '../../infra/local/child-process';
import type { LocalStackOptions } from '../../infra/local/stack';

/**
 * Local stacks that test projects share, started from their global set-up. Vitest runs every
 * project's global set-up in its own process before any test, one after the other: a stack is
 * started there but not waited for, so that its start-up overlaps the tests that need none (and
 * the other stacks' start-ups); the test files of a project wait for it in a `beforeAll`
 * (test/support/await-local-stack.ts). Projects naming the same stack share one, which stops
 * after the last of them.
 *
 * What a test reads of its stack is written to files in the stack's directory: `ready.json`
 * (URLs, the handlers' environment, timings) once it has started, `failed.txt` if it could not,
 * and `stack.log` with everything its process logs.
 */
export interface SharedStackFiles {
  readonly dir: string;
  readonly readyFile: string;
  readonly failedFile: string;
  readonly logFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The files of the local stack this project's tests run against (SharedStackFiles). */
    localStack: SharedStackFiles;
  }
}

interface RunningStack {
  readonly files: SharedStackFiles;
  readonly started: Promise<LocalStackProcess | undefined>;
  users: number;
}

/** Global set-ups of different projects share this process, though not their modules. */
const registry: Map<string, RunningStack> = ((globalThis as { __portsAllianceTestStacks?: Map<string, RunningStack> }).__portsAllianceTestStacks ??= new Map());

export function stackFiles(dir: string): SharedStackFiles {
  return { dir, readyFile: path.join(dir, 'ready.json'), failedFile: path.join(dir, 'failed.txt'), logFile: path.join(dir, 'stack.log') };
}

/**
 * Starts the stack called `name` with `options` (or joins it, if another project started it),
 * provides its files to the project's tests, and answers the teardown.
 */
export function shareLocalStack(project: TestProject, name: string, options: LocalStackOptions): () => Promise<void> {
  let stack = registry.get(name);
  if (!stack) {
    const files = stackFiles(mkdtempSync(path.join(tmpdir(), `ports-alliance-${name}-`)));
    writeFileSync(files.logFile, '');
    // One start-up at a time, in the order of the projects: the first stack is needed first.
    const previous = [...registry.values()].at(-1)?.started;
    const started = (previous ?? Promise.resolve()).then(() => spawnLocalStack({ ...options, dataDir: files.dir }, 300_000)).then(
      (process) => {
        writeFileSync(files.logFile, process.output());
        for (const stream of [process.child.stdout, process.child.stderr]) stream?.on('data', (chunk: Buffer) => appendFileSync(files.logFile, chunk));
        // Written whole, then renamed: a test never reads half of it.
        writeFileSync(`${files.readyFile}.part`, JSON.stringify({ urls: process.urls, env: process.env, timings: process.timings }));
        renameSync(`${files.readyFile}.part`, files.readyFile);
        return process;
      },
      (error: Error) => {
        writeFileSync(files.failedFile, error.message);
        return undefined;
      },
    );
    stack = { files, started, users: 0 };
    registry.set(name, stack);
  }
  stack.users += 1;
  project.provide('localStack', stack.files);
  const joined = stack;
  return async () => {
    joined.users -= 1;
    if (joined.users > 0) return;
    registry.delete(name);
    await (await joined.started)?.stop();
    rmSync(joined.files.dir, { recursive: true, force: true });
  };
}

/** What a test reads of a stack that has started. */
export interface StartedStack {
  readonly urls: LocalStackProcess['urls'];
  readonly env: LocalStackProcess['env'];
  readonly timings: LocalStackProcess['timings'];
}

/** Waits until the stack has started (or failed to), polling its files. */
export async function awaitStack(files: SharedStackFiles, timeoutMs: number): Promise<StartedStack> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(files.readyFile)) return JSON.parse(readFileSync(files.readyFile, 'utf8')) as StartedStack;
    if (existsSync(files.failedFile)) throw new Error(`the local stack did not start: ${readFileSync(files.failedFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the local stack did not start within ${timeoutMs} ms:\n${readFileSync(files.logFile, 'utf8').slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
