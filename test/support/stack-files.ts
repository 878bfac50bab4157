import path from 'node:path';

/**
 * The files a shared local stack's global set-up writes for its tests (test/support/stack-registry.ts):
 * `ready.json` (URLs, the handlers' environment, timings) once it has started, `failed.txt` if it
 * could not, and `stack.log` with everything its process logs.
 */
export interface SharedStackFiles {
  readonly dir: string;
  readonly readyFile: string;
  readonly failedFile: string;
  readonly logFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The files of the local stack this project's tests run against. */
    localStack: SharedStackFiles;
  }
}

export function stackFiles(dir: string): SharedStackFiles {
  return { dir, readyFile: path.join(dir, 'ready.json'), failedFile: path.join(dir, 'failed.txt'), logFile: path.join(dir, 'stack.log') };
}
