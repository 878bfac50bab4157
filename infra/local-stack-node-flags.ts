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
 *
 * `--max-semi-space-size=32` (MB, V8's default is 16 on this kind of machine): the stack's handlers
 * make many short-lived objects per request (the SDK's middleware, marshalling, PDF drawing). A
 * larger young generation lets more of them die before a scavenge copies them, and promotes fewer
 * to the old generation. In a 300-signatory campaign (`npm run bench -- --signatories 300`) the
 * stack's CPU per commitment went from 165-189 ms to 148-150 ms, its peak memory from 630-750 MB to
 * 790 MB.
 */
export const SEMI_SPACE_MB = 32;
const WANTED_FLAGS = ['--experimental-async-context-frame', `--max-semi-space-size=${SEMI_SPACE_MB}`] as const;

/**
 * A worker thread takes no V8 options in its `execArgv` (Node refuses them): it gets the same young
 * generation through its resource limits instead, three semi-spaces' worth as V8 counts it.
 */
export function workerThreadSettings(execArgv: readonly string[]): { execArgv: string[]; resourceLimits: { maxYoungGenerationSizeMb: number } } {
  return {
    execArgv: execArgv.filter((flag) => !flag.startsWith('--max-semi-space-size')),
    resourceLimits: { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB },
  };
}

/** The wanted flags that this Node accepts. */
export function localStackNodeFlags(): string[] {
  return WANTED_FLAGS.filter((flag) => process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!));
}

/** The wanted flags this Node accepts but this process was started without. */
export function missingLocalStackNodeFlags(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return localStackNodeFlags().filter((flag) => !given.includes(flag));
}
