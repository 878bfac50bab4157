import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { spawnLocalStack, type LocalStackProcess, type LocalStackProcessOptions } from '../../tools/local-stack-process';
import { stackFiles, type SharedStackFiles } from './stack-files';

/**
 * Local stacks that test projects share, started from their global set-up. Vitest runs the
 * projects' global set-ups in its main process, one after the other, before any test: a stack is
 * started there but not waited for, so that its start-up overlaps the tests that need none (and
 * the other stacks' start-ups); the test files of a project wait for it in a `beforeAll`
 * (test/support/await-local-stack.ts). Projects naming the same stack share one, which stops
 * after the last of them. What the tests read of a stack, it writes to files (test/support/stack-files.ts).
 */

interface RunningStack {
  readonly files: SharedStackFiles;
  readonly started: Promise<LocalStackProcess | undefined>;
  users: number;
}

/** Global set-ups of different projects share this process, though not their modules. */
const registry: Map<string, RunningStack> = ((globalThis as { __portsAllianceTestStacks?: Map<string, RunningStack> }).__portsAllianceTestStacks ??= new Map());

/**
 * Starts the stack called `name` with `options` (or joins it, if another project started it),
 * provides its files to the project's tests, and answers the teardown.
 */
export function shareLocalStack(project: TestProject, name: string, options: LocalStackProcessOptions): () => Promise<void> {
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
        writeFileSync(`${files.readyFile}.part`, JSON.stringify({ urls: process.urls, aws: process.aws, functionEnvironments: process.functionEnvironments, timings: process.timings }));
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
