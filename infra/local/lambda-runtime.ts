/**
 * The local stand-in for Lambda's runtime. Every function runs in this one process, imported once
 * from source (a warm container), yet each sees only its own environment: `process.env` is replaced
 * by a view onto the environment of the function whose code is running (an AsyncLocalStorage scope
 * follows each invocation through its awaits, timers and callbacks). Outside any function, the
 * stack's own services see the process's real environment.
 *
 * A function's environment is what its synthesized `AWS::Lambda::Function` declares (values resolved
 * locally, infra/local/synthesized.ts), plus what Lambda itself provides, plus `AWS_ENDPOINT_URL_*`,
 * which stand in for AWS's own endpoints. Each invocation gets a fresh copy of it, with its own
 * `_X_AMZN_TRACE_ID`, and a Lambda context (`handler(event, context)`).
 *
 * Why one process rather than a worker thread per function (each with its own `env`): loading the
 * 37 functions took 2.8 CPU-seconds here in one process, and 54 with a worker (and tsx) each. The
 * local stack runs a second instance of this runtime in one worker thread for the sealing function
 * (infra/local/worker-container.ts).
 *
 * Limits: a module shared by several functions (functions/shared/*, the SDK clients they keep) is
 * evaluated once, in the scope of the first function that imports it, so a value such a module
 * reads while loading comes from that function's environment; every function's first import happens
 * in its own scope, so this only matters for variables that differ between functions. The timeout is
 * not enforced (getRemainingTimeInMillis counts down, nothing stops the handler), and concurrent
 * invocations share the process, its memory and its event loop.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

/** A function as the local runtime runs it, taken from its synthesized resource. */
export interface LocalFunction {
  /** Source file exporting `handler`, relative to the repository root. */
  readonly entry: string;
  /** The variables its resource declares, with their local values. */
  readonly declaredEnvironment: Readonly<Record<string, string>>;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
  /** e.g. `nodejs24.x` */
  readonly runtime: string;
  readonly logFormat: string;
  readonly applicationLogLevel?: string;
}

export interface LocalLambdaRuntimeOptions {
  readonly repoRoot: string;
  readonly region: string;
  readonly account: string;
  /** The credentials Lambda would hand the function's role. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** `AWS_ENDPOINT_URL_<SERVICE>` for every local service. */
  readonly endpoints: Readonly<Record<string, string>>;
}

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const scopes = new AsyncLocalStorage<Record<string, string>>();
const scopedEnvironments = new WeakSet<object>();

/**
 * Makes `process.env` the environment of the function whose code is running (the real one outside
 * any function). Idempotent; for the lifetime of the process.
 */
export function scopeProcessEnvironment(): void {
  if (scopedEnvironments.has(process.env)) return;
  const real = process.env;
  const current = (): Record<string, string | undefined> => scopes.getStore() ?? real;
  const scoped = new Proxy(real, {
    get: (_, name) => Reflect.get(current(), name),
    // Like the real process.env: values become strings.
    set: (_, name, value) => Reflect.set(current(), name, String(value)),
    has: (_, name) => Reflect.has(current(), name),
    deleteProperty: (_, name) => Reflect.deleteProperty(current(), name),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, name) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), name);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, name, descriptor) => Reflect.defineProperty(current(), name, descriptor),
  });
  scopedEnvironments.add(scoped);
  process.env = scoped;
}

/** Runs the catalog's functions in this process as Lambda would run them, each in its own environment. */
export class LocalLambdaRuntime {
  private readonly handlers = new Map<string, Promise<LambdaHandler>>();
  private readonly environments: Readonly<Record<string, Readonly<Record<string, string>>>>;

  constructor(
    private readonly functions: Readonly<Record<string, LocalFunction>>,
    private readonly options: LocalLambdaRuntimeOptions,
  ) {
    scopeProcessEnvironment();
    this.environments = Object.fromEntries(Object.entries(functions).map(([functionId, fn]) => [functionId, Object.freeze(this.environmentFor(functionId, fn))]));
  }

  /** Each function's environment as it starts an invocation (without the per-invocation trace header). */
  environmentOf(functionId: string): Readonly<Record<string, string>> {
    const environment = this.environments[functionId];
    if (!environment) throw new Error(`${functionId} is not a function of this runtime`);
    return environment;
  }

  /** Every function's environment, by id. */
  allEnvironments(): Readonly<Record<string, Readonly<Record<string, string>>>> {
    return this.environments;
  }

  /** Runs `work` as code of `functionId`: `process.env` is a fresh copy of that function's environment. */
  runAs<T>(functionId: string, work: () => T): T {
    return scopes.run({ ...this.environmentOf(functionId), _X_AMZN_TRACE_ID: traceHeader() }, work);
  }

  /**
   * Invokes a function as Lambda does: `handler(event, context)`, in its own environment. The first
   * invocation imports the function's source, inside that environment, and keeps it (a warm container).
   */
  invoke(functionId: string, event: unknown): Promise<unknown> {
    const fn = this.functions[functionId];
    if (!fn) return Promise.reject(new Error(`${functionId} is not a function of this runtime`));
    return this.runAs(functionId, async () => {
      const handler = await this.handlerOf(fn);
      return handler(event, this.contextFor(functionId, fn));
    });
  }

  /** Imports a function's source, in its own environment, unless it is loaded already (a warm container). */
  async load(functionId: string): Promise<void> {
    const fn = this.functions[functionId];
    if (!fn) throw new Error(`${functionId} is not a function of this runtime`);
    await this.runAs(functionId, () => this.handlerOf(fn));
  }

  private handlerOf(fn: LocalFunction): Promise<LambdaHandler> {
    let loading = this.handlers.get(fn.entry);
    if (!loading) {
      loading = import(pathToFileURL(path.join(this.options.repoRoot, fn.entry)).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`${fn.entry} does not export a handler`);
        return module.handler as LambdaHandler;
      });
      this.handlers.set(fn.entry, loading);
    }
    return loading;
  }

  /** What Lambda sets for every function (credentials of its role, its name, memory, log settings), its declared variables, and the local endpoints. */
  private environmentFor(functionId: string, fn: LocalFunction): Record<string, string> {
    const { region, credentials, endpoints } = this.options;
    return {
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: functionId,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(functionId),
      AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(),
      AWS_LAMBDA_LOG_FORMAT: fn.logFormat,
      ...(fn.applicationLogLevel ? { AWS_LAMBDA_LOG_LEVEL: fn.applicationLogLevel } : {}),
      ...endpoints,
      ...fn.declaredEnvironment,
    };
  }

  private contextFor(functionId: string, fn: LocalFunction): Context {
    const deadline = Date.now() + fn.timeoutSeconds * 1000;
    const callbacksUnsupported = () => {
      throw new Error('callback-style completion (context.done/succeed/fail) is not supported: return a promise');
    };
    return {
      callbackWaitsForEmptyEventLoop: true,
      functionName: functionId,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${this.options.region}:${this.options.account}:function:${functionId}`,
      memoryLimitInMB: String(fn.memorySize),
      awsRequestId: randomUUID(),
      logGroupName: logGroupName(functionId),
      logStreamName: this.environmentOf(functionId).AWS_LAMBDA_LOG_STREAM_NAME!,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: callbacksUnsupported,
      fail: callbacksUnsupported,
      succeed: callbacksUnsupported,
    };
  }
}

/** How Lambda reports an invocation whose runtime died under it (killed, crashed, exited). */
export function deadRuntimeError(cause: string): Error {
  return Object.assign(new Error(`RequestId: ${randomUUID()} Error: Runtime exited with error: ${cause}`), { name: 'Lambda.Unknown' });
}

const logGroupName = (functionId: string) => `/aws/lambda/${functionId}`;

function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** Random bytes for trace headers, drawn in blocks: one call to the system's generator per 200 invocations, not two per invocation. */
const TRACE_ID_BYTES = 20;
let traceIdPool = Buffer.alloc(0);
let traceIdOffset = 0;

function traceIdBytes(): string {
  if (traceIdOffset + TRACE_ID_BYTES > traceIdPool.length) {
    traceIdPool = randomBytes(TRACE_ID_BYTES * 200);
    traceIdOffset = 0;
  }
  const hex = traceIdPool.toString('hex', traceIdOffset, traceIdOffset + TRACE_ID_BYTES);
  traceIdOffset += TRACE_ID_BYTES;
  return hex;
}

/** An X-Ray trace header as Lambda passes it with active tracing; nothing records traces locally, so not sampled. */
function traceHeader(): string {
  const epochSeconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  const random = traceIdBytes();
  return `Root=1-${epochSeconds}-${random.slice(0, 24)};Parent=${random.slice(24)};Sampled=0`;
}
