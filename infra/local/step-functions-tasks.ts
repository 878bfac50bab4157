/**
 * Task states run by local handlers: which they are and how each runs (prepared from the ASL
 * definition), and what a Lambda invocation looks like to the state machine.
 */
import { randomUUID } from 'node:crypto';
import { taskFailure } from './step-functions-task-tokens';

/** How a Task state runs its handler (see step-functions.ts). */
export type LocalTaskKind = 'lambda-invoke' | 'lambda-callback' | 'other';

export interface LocalTask {
  readonly kind: LocalTaskKind;
  /** The state's `Resource`, as the definition names it. */
  readonly resource: string;
  /**
   * The task's timeout per attempt. The local service owns it for callback tasks (on its clock) and
   * for tasks that wait for a turn of a capped local concurrency (from when their handler runs);
   * the runtime times out the others.
   */
  readonly timeoutMs: number;
  /** Whether the local service times this task out (see `timeoutMs`). */
  readonly timedLocally: boolean;
}

export interface PreparedDefinition {
  /** What the runtime runs: callback tasks' and the execution's timeouts are left to the local service. */
  readonly definition: Record<string, unknown>;
  /** By state name, nested Map and Parallel states included. */
  readonly tasks: ReadonlyMap<string, LocalTask>;
  /** The execution's `TimeoutSeconds`, if it has one. */
  readonly executionTimeoutMs?: number;
}

/** aws-local-stepfunctions' timeout for a Task state without `TimeoutSeconds`. */
const RUNTIME_DEFAULT_TASK_TIMEOUT_SECONDS = 60;
/** Node fires a timer longer than 2^31-1 ms after 1 ms; a local run never lasts this long anyway. */
export const MAX_TIMER_SECONDS = Math.floor(0x7fff_ffff / 1000);

const LAMBDA_INVOKE = /^arn:[^:]+:states:::lambda:invoke$/;
const LAMBDA_INVOKE_CALLBACK = /^arn:[^:]+:states:::lambda:invoke\.waitForTaskToken$/;

interface AslMachine {
  States?: Record<string, AslState>;
  TimeoutSeconds?: number;
}

interface AslState {
  Type?: string;
  Resource?: string;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Seconds?: number;
  Retry?: { ErrorEquals?: string[] }[];
  Catch?: { ErrorEquals?: string[] }[];
  Branches?: AslMachine[];
  ItemProcessor?: AslMachine;
  Iterator?: AslMachine;
}

/**
 * A copy of the definition for the runtime, and its Task states. The local service times out
 * callback tasks and the execution itself on its clock, so the runtime gets them without a
 * timeout it would race on the wall clock (callback tasks keep one longer than any local run).
 * Other timers are kept within Node's limit. Throws when a Task state has no handler or needs
 * what the local runtime cannot provide.
 */
export function prepareDefinition(
  original: Record<string, unknown>,
  handlers: Readonly<Record<string, unknown>>,
  queuedStates: ReadonlySet<string> = new Set(),
): PreparedDefinition {
  const definition = structuredClone(original);
  const machine = definition as AslMachine;
  const executionTimeoutMs = machine.TimeoutSeconds === undefined ? undefined : machine.TimeoutSeconds * 1000;
  delete machine.TimeoutSeconds;

  const tasks = new Map<string, LocalTask>();
  const problems: string[] = [];
  forEachState(machine, (name, state) => {
    if (state.Type === 'Wait') clampTimer(state, 'Seconds');
    if (state.Type !== 'Task') return;

    const kind = taskKind(state.Resource);
    if (!Object.hasOwn(handlers, name)) problems.push(`Task state '${name}' has no local handler`);
    const timeoutMs = (state.TimeoutSeconds || RUNTIME_DEFAULT_TASK_TIMEOUT_SECONDS) * 1000;
    if (kind === 'lambda-callback') {
      // The token must expire with the task; the runtime resolves this path out of our sight.
      if (state.TimeoutSecondsPath !== undefined) problems.push(`Task state '${name}': TimeoutSecondsPath is not supported on a callback task locally`);
      // The local timeout is not the runtime's own error, which States.TaskFailed would skip.
      const matchers = [...(state.Retry ?? []), ...(state.Catch ?? [])].flatMap((matcher) => matcher.ErrorEquals ?? []);
      if (matchers.includes('States.TaskFailed')) problems.push(`Task state '${name}': States.TaskFailed is not supported on a callback task locally`);
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
    } else if (queuedStates.has(name)) {
      // The local service times it out once it runs; its timeout error, like the runtime's own, is
      // neither retried nor caught as States.TaskFailed, which only these matchers could tell apart.
      if (kind !== 'lambda-invoke') problems.push(`Task state '${name}': only a Lambda invoke task can wait for a local concurrency turn`);
      if (state.TimeoutSecondsPath !== undefined) problems.push(`Task state '${name}': TimeoutSecondsPath is not supported locally on a task with capped concurrency`);
      const retriers = (state.Retry ?? []).flatMap((matcher) => matcher.ErrorEquals ?? []);
      if (retriers.some((error) => error === 'States.Timeout' || error === 'States.ALL')) problems.push(`Task state '${name}': retrying States.Timeout is not supported locally on a task with capped concurrency`);
      if ((state.Catch ?? []).flatMap((matcher) => matcher.ErrorEquals ?? []).includes('States.TaskFailed')) problems.push(`Task state '${name}': catching States.TaskFailed is not supported locally on a task with capped concurrency`);
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
    } else {
      clampTimer(state, 'TimeoutSeconds');
    }
    tasks.set(name, { kind, resource: state.Resource ?? '', timeoutMs, timedLocally: kind === 'lambda-callback' || queuedStates.has(name) });
  });
  if (problems.length > 0) throw new Error(`Cannot run this state machine locally:\n- ${problems.join('\n- ')}`);
  return { definition, tasks, executionTimeoutMs };
}

function taskKind(resource: string | undefined): LocalTaskKind {
  if (resource !== undefined && LAMBDA_INVOKE.test(resource)) return 'lambda-invoke';
  if (resource !== undefined && LAMBDA_INVOKE_CALLBACK.test(resource)) return 'lambda-callback';
  return 'other';
}

function clampTimer<K extends string>(holder: Partial<Record<K, number>>, field: K): void {
  const seconds = holder[field];
  if (typeof seconds === 'number' && seconds > MAX_TIMER_SECONDS) holder[field] = MAX_TIMER_SECONDS;
}

function forEachState(machine: AslMachine, visit: (name: string, state: AslState) => void): void {
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    visit(name, state);
    const nested = [...(state.Branches ?? []), state.ItemProcessor ?? state.Iterator];
    for (const child of nested) if (child) forEachState(child, visit);
  }
}

/** The `Payload` of a `lambda:invoke` task's effective input (`{ FunctionName, Payload }`). */
export function lambdaPayload(input: unknown): unknown {
  return isRecord(input) && 'Payload' in input ? input.Payload : {};
}

/** What the `lambda:invoke` service integration returns for a successful invocation. */
export function lambdaInvokeResult(payload: unknown): object {
  const requestId = randomUUID();
  const headers = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/**
 * A handler's thrown value as Step Functions reports a Lambda function error: the error is its
 * `name` (the runtime's `errorType`), the Cause `{"errorType", "errorMessage", "trace"}`.
 */
export function lambdaFunctionError(thrown: unknown): Error {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const cause = { errorType: error.name, errorMessage: error.message, trace: error.stack?.split('\n') ?? [] };
  return taskFailure(error.name, JSON.stringify(cause));
}

/** What crosses the Lambda boundary: JSON (an `undefined` result is `null`). */
export function toJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** Replaces `search` in every string of a JSON value (e.g. the task token placeholder in a Payload). */
export function replaceInStrings(value: unknown, search: string, replacement: string): unknown {
  if (typeof value === 'string') return value.replaceAll(search, replacement);
  if (Array.isArray(value)) return value.map((item) => replaceInStrings(item, search, replacement));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceInStrings(item, search, replacement)]));
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
