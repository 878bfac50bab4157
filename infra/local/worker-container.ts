/**
 * A second warm container for the functions that spend the most CPU per call (the local stack hosts
 * the sealing function there), in a worker thread of the local stack's process. Everything else shares the main thread's
 * event loop (infra/local/lambda-runtime.ts), which a campaign keeps busy with the SDK's request
 * pipeline, HTTP and the workflow: a seal taking tens of milliseconds of CPU there delays every
 * signing request queued behind it, while the machine's other core has room. On AWS each function
 * runs in containers of its own; here one worker stands for the hosted functions' containers.
 *
 * Inside the worker the same runtime runs the hosted functions: each invocation in its own
 * environment, the function's source imported once. Events and results cross as structured
 * clones (they are JSON on Lambda too); an error comes back with its name, message and stack, as
 * Lambda reports a function error. The worker starts with the first invocation (a cold start) and,
 * if it dies, the invocations it was running fail as a dead Lambda runtime's would and the next
 * one starts a fresh worker.
 *
 * Time: a stack with a controllable clock shares the clock's offset with the worker
 * (`LocalClock.sharedOffset`), so the hosted functions read the stack's time.
 */
import { Worker } from 'node:worker_threads';
import { deadRuntimeError, type LocalFunction, type LocalLambdaRuntimeOptions } from './lambda-runtime';

/** What the worker starts with (`workerData`). */
export interface WorkerContainerData {
  readonly functions: Readonly<Record<string, LocalFunction>>;
  readonly options: LocalLambdaRuntimeOptions;
  /** A controllable clock's offset from the system clock (infra/local/clock.ts), if the stack has one. */
  readonly clockOffset?: Float64Array;
}

export type WorkerContainerRequest = { readonly id: number; readonly kind: 'invoke'; readonly functionId: string; readonly event: unknown } | { readonly id: number; readonly kind: 'load'; readonly functionId: string };

export type WorkerContainerReply = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

export interface WorkerContainer {
  /** Whether this container runs `functionId`. */
  hosts(functionId: string): boolean;
  invoke(functionId: string, event: unknown): Promise<unknown>;
  /** Imports a function's source in the worker unless it is loaded already. */
  load(functionId: string): Promise<void>;
  stop(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

const THREAD_ENTRY = new URL('./worker-container-thread.ts', import.meta.url);

export function workerContainer(data: WorkerContainerData): WorkerContainer {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | undefined;
  let stopped = false;

  const failAll = (cause: string) => {
    for (const { reject } of pending.values()) reject(deadRuntimeError(cause));
    pending.clear();
  };

  const started = (): Worker => {
    if (worker) return worker;
    const thread = new Worker(THREAD_ENTRY, { workerData: data, execArgv: withTypeScript(process.execArgv) });
    thread.on('message', (reply: WorkerContainerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
      else waiting.resolve(reply.result);
    });
    thread.on('error', (error) => {
      if (worker === thread) worker = undefined;
      failAll(error.message);
    });
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined;
      failAll(`exit status ${code}`);
    });
    worker = thread;
    return thread;
  };

  const send = (request: WithoutId<WorkerContainerRequest>): Promise<unknown> => {
    if (stopped) return Promise.reject(new Error('the local stack is stopping'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const thread = started();
      pending.set(id, { resolve, reject });
      thread.postMessage({ ...request, id } as WorkerContainerRequest);
    });
  };

  return {
    hosts: (functionId) => functionId in data.functions,
    invoke: (functionId, event) => send({ kind: 'invoke', functionId, event }),
    load: async (functionId) => {
      await send({ kind: 'load', functionId });
    },
    stop: async () => {
      stopped = true;
      const thread = worker;
      worker = undefined;
      failAll('the local stack stopped');
      await thread?.terminate();
    },
  };
}

/**
 * The worker loads the functions' TypeScript sources as the main thread does: a local stack's
 * process runs under tsx, whose flags the worker inherits; any other (a test runner's) gets tsx's.
 */
function withTypeScript(execArgv: readonly string[]): string[] {
  return execArgv.some((flag) => flag.includes('tsx')) ? [...execArgv] : [...execArgv, '--import', 'tsx'];
}
