/**
 * Node flags the local stack's process runs with, where this Node offers them. `npm start`
 * (infra/local/start.ts) starts itself again with them when they are missing, and tools and tests
 * that start a stack (tools/local-stack-process.ts) pass them, so every stack runs the same way.
 *
 * `--experimental-async-context-frame`: the local Lambda runtime gives each function its own
 * `process.env` through an AsyncLocalStorage (infra/local/lambda-runtime.ts). On Node 22 that
 * storage is built on async hooks by default, which run on every promise the process creates
 * (the AWS SDK's middleware chain alone creates dozens per request); with this flag it rides on
 * V8's continuation context instead. A CPU profile of a campaign put about 2% of the stack's CPU
 * in those hooks. Node 24 does this by default.
 */
const WANTED_FLAGS = ['--experimental-async-context-frame'] as const;

/** The wanted flags that this Node accepts. */
export function localStackNodeFlags(): string[] {
  return WANTED_FLAGS.filter((flag) => process.allowedNodeEnvironmentFlags.has(flag));
}

/** The wanted flags this Node accepts but this process was started without. */
export function missingLocalStackNodeFlags(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return localStackNodeFlags().filter((flag) => !given.includes(flag));
}
