/**
 * The executions of one state machine and the Step Functions API operations on them.
 */
import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  type RunOptions,
  type StateMachine,
} from 'aws-local-stepfunctions';
import type { LocalClock } from './clock';
import { withConcurrencyLimit } from './concurrency-limit';
import type { LocalStepFunctionsOptions } from './step-functions';
import {
  epochSeconds,
  optionalInteger,
  optionalString,
  requiredString,
  StepFunctionsServiceError,
  type ApiOperation,
  type ApiRequest,
} from './step-functions-protocol';
import { executionHistory, EXECUTION_CLOSED_CAUSE, type RuntimeEvent } from './step-functions-history';
import { TASK_TIMEOUT_ERROR, TaskTokenRegistry } from './step-functions-task-tokens';
import {
  lambdaFunctionError,
  lambdaInvokeResult,
  lambdaPayload,
  replaceInStrings,
  toJson,
  type LocalTask,
} from './step-functions-tasks';

type JsonValue = Parameters<StateMachine['run']>[0];
type TaskOverrides = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type ExecutionEventLog = ReturnType<StateMachine['run']>['eventLogs'];
type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface StateMachineIdentity {
  readonly arn: string;
  readonly name: string;
  readonly region: string;
  /** The role the state machine runs as (reported by DescribeStateMachine and in the history). */
  readonly roleArn: string;
  /** The definition as given (`cdk synth`'s), for DescribeStateMachine. */
  readonly definition: string;
  readonly creationDate: Date;
  /** `arn:<partition>:states:<region>:<account>:execution:<state machine name>:` */
  readonly executionArnPrefix: string;
}

interface ExecutionEnd {
  readonly status: Exclude<ExecutionStatus, 'RUNNING'>;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

interface Execution extends Partial<Omit<ExecutionEnd, 'status'>> {
  readonly arn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  abort?: () => void;
  cancelTimeout?: () => void;
  /** Task handlers of this execution still running. */
  tasksInFlight: number;
  /** Callback tasks whose handler has returned and which wait for their callback. */
  readonly parkedTokens: Set<string>;
  /** What the runtime reported, and what each task returned, for GetExecutionHistory. */
  readonly events: RuntimeEvent[];
  readonly taskResults: Map<string, unknown[]>;
}

/** What the workflow is doing, as `GET /local/idle` reports it. */
export interface WorkflowActivity {
  readonly idle: boolean;
  /** Executions running, and how many of them wait at a callback with nothing else to do. */
  readonly running: number;
  readonly parked: number;
  readonly tasksInFlight: number;
}

interface IdleWaiter {
  /** Every execution (undefined), or these ones. */
  readonly executionArns?: readonly string[];
  readonly resolve: () => void;
}

/** What `$$.Task.Token` resolves to; each callback task swaps it for a freshly issued token. */
const TASK_TOKEN_PLACEHOLDER = '__local-step-functions:task-token__';
export const STATE_MACHINE_ARN = /^arn:([^:]+):states:([^:]+):(\d{12}):stateMachine:([^:]+)$/;
const EXECUTION_ARN = /^arn:[^:]+:states:[^:]+:\d{12}:execution:[^:]+:[^:]+$/;
/** AWS: 1-80 characters, no whitespace, brackets, wildcards, special or control characters. */
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/u;
const MAX_PAYLOAD_CHARS = 262_144;
const MAX_TOKEN_CHARS = 2048;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/**
 * A task that ran past its timeout. Like the runtime's own it is never retried (`isRetryable`); a catcher of
 * States.TaskFailed would take it, so `prepareDefinition` refuses one on the tasks timed out here.
 */
class TaskTimeoutError extends Error {
  override readonly name = TASK_TIMEOUT_ERROR;
  readonly isRetryable = false;

  constructor(timeoutMs: number) {
    super(`The task did not finish within its TimeoutSeconds (${timeoutMs / 1000} s)`);
  }
}

function withTaskTimeout<T>(task: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TaskTimeoutError(timeoutMs)), timeoutMs);
  });
  task.catch(() => undefined); // settles unobserved once the timeout has won
  return Promise.race([task, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The runtime keeps running the current state of an aborted execution (and may even retry it);
 * this error ends that run at once: it is neither retried nor caught.
 */
class ExecutionClosedError extends Error {
  override readonly name = 'States.Runtime';
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor() {
    super(EXECUTION_CLOSED_CAUSE);
  }
}

export class LocalStepFunctionsService {
  private readonly executions = new Map<string, Execution>();
  private readonly tokens: TaskTokenRegistry;
  private readonly handlersInFlight = new Set<Promise<unknown>>();
  /** Task states whose handlers take turns (see `taskConcurrency`). */
  private readonly turns = new Map<string, (run: () => Promise<unknown>) => Promise<unknown>>();
  private idleWaiters: IdleWaiter[] = [];
  private runningCount = 0;
  /** Running executions with at least one parked callback task. */
  private parkedCount = 0;

  readonly operations: Readonly<Record<string, ApiOperation>> = {
    StartExecution: (request) => this.startExecution(request),
    DescribeExecution: (request) => describe(this.findExecution(request), this.stateMachine.arn),
    StopExecution: (request) => this.stopExecution(request),
    ListExecutions: (request) => this.listExecutions(request),
    GetExecutionHistory: (request) => this.executionHistory(request),
    ListStateMachines: (request) => {
      const { items, nextToken } = page([this.stateMachine], request);
      return { stateMachines: items.map(({ arn, name, creationDate }) => ({ stateMachineArn: arn, name, type: 'STANDARD', creationDate: epochSeconds(creationDate) })), nextToken };
    },
    DescribeStateMachine: (request) => {
      this.checkStateMachine(requiredString(request, 'stateMachineArn', 2048));
      const { arn, name, definition, roleArn, creationDate } = this.stateMachine;
      return { stateMachineArn: arn, name, status: 'ACTIVE', definition, roleArn, type: 'STANDARD', creationDate: epochSeconds(creationDate), loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } };
    },
    SendTaskSuccess: (request) => {
      const token = requiredString(request, 'taskToken', MAX_TOKEN_CHARS);
      const output = parseJson(requiredString(request, 'output', MAX_PAYLOAD_CHARS), 'InvalidOutput');
      this.tokens.succeed(token, output);
      return {};
    },
    SendTaskFailure: (request) => {
      const token = requiredString(request, 'taskToken', MAX_TOKEN_CHARS);
      const error = optionalString(request, 'error', 256) ?? '';
      const cause = optionalString(request, 'cause', 32_768) ?? '';
      this.tokens.fail(token, error, cause);
      return {};
    },
    SendTaskHeartbeat: (request) => {
      this.tokens.heartbeat(requiredString(request, 'taskToken', MAX_TOKEN_CHARS));
      return {};
    },
  };

  constructor(
    private readonly runtime: StateMachine,
    private readonly stateMachine: StateMachineIdentity,
    private readonly tasks: ReadonlyMap<string, LocalTask>,
    private readonly options: LocalStepFunctionsOptions,
    private readonly clock: LocalClock,
    private readonly executionTimeoutMs?: number,
  ) {
    this.tokens = new TaskTokenRegistry(clock, (token, executionArn) => this.unpark(executionArn, token));
    for (const group of options.taskConcurrency ?? []) {
      const turn = withConcurrencyLimit(group.limit, (run: () => Promise<unknown>) => run());
      for (const state of group.states) this.turns.set(state, turn);
    }
  }

  /** Aborts the running executions and waits for the task handlers in flight. */
  async stop(): Promise<void> {
    for (const execution of this.executions.values()) {
      this.abort(execution, { status: 'ABORTED', cause: 'The local Step Functions service stopped' });
    }
    await Promise.allSettled(this.handlersInFlight);
  }

  /**
   * Resolves when the workflow is idle: no task handler runs, and every execution still running
   * waits at a callback (nothing happens until a callback comes or the clock reaches a timeout).
   * With `executionNames`, only those executions count. Throws ExecutionDoesNotExist for a name
   * never started.
   */
  whenIdle(executionNames?: readonly string[]): Promise<void> {
    const executionArns = executionNames?.map((name) => {
      const arn = this.stateMachine.executionArnPrefix + name;
      if (!this.executions.has(arn)) throw new StepFunctionsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
      return arn;
    });
    return new Promise((resolve) => {
      this.idleWaiters.push({ executionArns, resolve });
      this.notifyIfIdle();
    });
  }

  activity(): WorkflowActivity {
    return { idle: this.isIdle(), running: this.runningCount, parked: this.parkedCount, tasksInFlight: this.handlersInFlight.size };
  }

  private startExecution(request: ApiRequest): object {
    this.checkStateMachine(requiredString(request, 'stateMachineArn', 2048));
    const name = optionalString(request, 'name', 80) ?? randomUUID();
    if (!EXECUTION_NAME.test(name)) throw new StepFunctionsServiceError('InvalidName', `Invalid Name: '${name}'`);
    const input = optionalString(request, 'input', MAX_PAYLOAD_CHARS) ?? '{}';
    const parsedInput = parseJson(input, 'InvalidExecutionInput') as JsonValue;
    const arn = this.stateMachine.executionArnPrefix + name;

    const existing = this.executions.get(arn);
    if (existing) {
      // AWS Standard: idempotent while the execution of that name runs with the same input;
      // a different input, or an execution that has ended, means the name is taken.
      if (existing.status === 'RUNNING' && existing.input === input) return startResult(existing);
      throw new StepFunctionsServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const execution: Execution = { arn, name, input, startDate: new Date(), status: 'RUNNING', tasksInFlight: 0, parkedTokens: new Set(), events: [], taskResults: new Map() };
    this.executions.set(arn, execution);
    this.runningCount += 1;
    if (this.executionTimeoutMs !== undefined) {
      execution.cancelTimeout = this.clock.at(this.clock.now() + this.executionTimeoutMs, () =>
        this.abort(execution, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution exceeded its TimeoutSeconds' }));
    }
    this.run(execution, parsedInput);
    return startResult(execution);
  }

  private run(execution: Execution, input: JsonValue): void {
    const run = this.runtime.run(input, {
      overrides: { taskResourceLocalHandlers: this.taskOverrides(execution) },
      context: {
        Execution: { Id: execution.arn, Name: execution.name, StartTime: execution.startDate.toISOString() },
        StateMachine: { Id: this.stateMachine.arn, Name: this.stateMachine.name },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    execution.abort = run.abort;
    run.result.then(
      (output) => this.end(execution, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (error: unknown) => this.end(execution, executionFailure(error)),
    );
    recordEvents(execution, run.eventLogs, this.options.onExecutionEvent);
  }

  private taskOverrides(execution: Execution): TaskOverrides {
    const overrides: TaskOverrides = {};
    for (const [stateName, task] of this.tasks) {
      overrides[stateName] = (input) => this.runTask(execution, stateName, task, input).then((result) => {
        const results = execution.taskResults.get(stateName);
        if (results) results.push(result);
        else execution.taskResults.set(stateName, [result]);
        return result;
      }) as Promise<JsonValue>;
    }
    return overrides;
  }

  private runTask(execution: Execution, stateName: string, task: LocalTask, input: unknown): Promise<unknown> {
    if (execution.status !== 'RUNNING') return Promise.reject(new ExecutionClosedError());
    switch (task.kind) {
      case 'lambda-invoke':
        return this.invokeHandler(execution, stateName, lambdaPayload(input), undefined, task.timedLocally ? task.timeoutMs : undefined).then(lambdaInvokeResult);
      case 'lambda-callback': {
        const { token, outcome } = this.tokens.issue(execution.arn, task.timeoutMs);
        const payload = replaceInStrings(lambdaPayload(input), TASK_TOKEN_PLACEHOLDER, token);
        // Parked once its handler has returned and the token still waits (the handler may have
        // answered it itself).
        this.invokeHandler(execution, stateName, payload, () => this.park(execution, token))
          .catch((error: Error) => this.tokens.failInvocation(token, error));
        return outcome;
      }
      case 'other':
        return this.invokeHandler(execution, stateName, input);
    }
  }

  /**
   * `onReturned` runs when the handler has returned, before the workflow counts it as done. With
   * `timeoutMs`, the task fails with States.Timeout when its handler, once running, takes longer
   * (the handler goes on, as a Lambda function does after Step Functions stopped waiting).
   */
  private invokeHandler(execution: Execution, stateName: string, payload: unknown, onReturned?: () => void, timeoutMs?: number): Promise<unknown> {
    const handler = this.options.taskHandlers[stateName]!;
    let markRunning!: () => void;
    const running = new Promise<void>((resolve) => (markRunning = resolve));
    const run = () => {
      markRunning();
      return (async () => toJson(await handler(toJson(payload))))().catch((thrown: unknown) => {
        throw lambdaFunctionError(thrown);
      });
    };
    // A turn ends when the handler returns, even after its task timed out; the timeout starts with the turn.
    const turn = this.turns.get(stateName);
    const handled = turn ? turn(run) : run();
    // In flight from the wait for a turn until the handler returns, past its task's timeout too.
    this.handlersInFlight.add(handled);
    execution.tasksInFlight += 1;
    const forget = (returned: boolean): void => {
      if (returned) onReturned?.();
      this.handlersInFlight.delete(handled);
      execution.tasksInFlight -= 1;
      this.notifyIfIdle();
    };
    handled.then(() => forget(true), () => forget(false));
    return timeoutMs === undefined ? handled : running.then(() => withTaskTimeout(handled, timeoutMs));
  }

  private park(execution: Execution, token: string): void {
    if (execution.status !== 'RUNNING' || !this.tokens.isPending(token)) return;
    if (execution.parkedTokens.size === 0) this.parkedCount += 1;
    execution.parkedTokens.add(token);
  }

  /** A token was closed (callback, timeout, failed invocation, end of the execution): its task moves on. */
  private unpark(executionArn: string, token: string): void {
    const execution = this.executions.get(executionArn);
    if (!execution?.parkedTokens.delete(token)) return;
    if (execution.parkedTokens.size === 0 && execution.status === 'RUNNING') this.parkedCount -= 1;
  }

  private stopExecution(request: ApiRequest): object {
    const execution = this.findExecution(request);
    this.abort(execution, {
      status: 'ABORTED',
      error: optionalString(request, 'error', 256),
      cause: optionalString(request, 'cause', 32_768),
    });
    // Stopping an execution that has already ended changes nothing.
    return { stopDate: epochSeconds(execution.stopDate!) };
  }

  private abort(execution: Execution, end: ExecutionEnd): void {
    if (execution.status !== 'RUNNING') return;
    this.end(execution, end);
    execution.abort?.();
  }

  private end(execution: Execution, end: ExecutionEnd): void {
    if (execution.status !== 'RUNNING') return;
    if (execution.parkedTokens.size > 0) this.parkedCount -= 1;
    Object.assign(execution, end, { stopDate: new Date() });
    this.runningCount -= 1;
    execution.cancelTimeout?.();
    this.tokens.abandonExecution(execution.arn, new ExecutionClosedError());
    this.notifyIfIdle();
  }

  private isIdle(executionArns?: readonly string[]): boolean {
    if (executionArns === undefined) return this.handlersInFlight.size === 0 && this.parkedCount === this.runningCount;
    return executionArns.every((arn) => {
      const execution = this.executions.get(arn)!;
      return execution.tasksInFlight === 0 && (execution.status !== 'RUNNING' || execution.parkedTokens.size > 0);
    });
  }

  private notifyIfIdle(): void {
    if (this.idleWaiters.length === 0) return;
    const waiting: IdleWaiter[] = [];
    for (const waiter of this.idleWaiters) {
      if (this.isIdle(waiter.executionArns)) waiter.resolve();
      else waiting.push(waiter);
    }
    this.idleWaiters = waiting;
  }

  private listExecutions(request: ApiRequest): object {
    this.checkStateMachine(requiredString(request, 'stateMachineArn', 2048));
    const statusFilter = optionalString(request, 'statusFilter');
    // Newest first, as AWS lists them.
    const matching = [...this.executions.values()]
      .reverse()
      .filter((execution) => statusFilter === undefined || execution.status === statusFilter)
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
    const { items, nextToken } = page(matching, request);
    return {
      executions: items.map((execution) => ({
        executionArn: execution.arn,
        stateMachineArn: this.stateMachine.arn,
        name: execution.name,
        status: execution.status,
        startDate: epochSeconds(execution.startDate),
        stopDate: execution.stopDate && epochSeconds(execution.stopDate),
      })),
      nextToken,
    };
  }

  private executionHistory(request: ApiRequest): object {
    const execution = this.findExecution(request);
    const includeData = request.includeExecutionData !== false;
    const events = executionHistory(execution.events, execution, { region: this.stateMachine.region, roleArn: this.stateMachine.roleArn, tasks: this.tasks }, includeData);
    if (request.reverseOrder === true) events.reverse();
    const { items, nextToken } = page(events, request);
    return { events: items.map((event) => ({ ...event, timestamp: event.timestamp / 1000 })), nextToken };
  }

  private findExecution(request: ApiRequest): Execution {
    const arn = requiredString(request, 'executionArn', 2048);
    const execution = this.executions.get(arn);
    if (execution) return execution;
    if (!EXECUTION_ARN.test(arn)) throw new StepFunctionsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    throw new StepFunctionsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  }

  private checkStateMachine(arn: string): void {
    if (arn === this.stateMachine.arn) return;
    if (!STATE_MACHINE_ARN.test(arn)) throw new StepFunctionsServiceError('InvalidArn', `Invalid Arn: '${arn}'`);
    throw new StepFunctionsServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }
}

function startResult(execution: Execution): object {
  return { executionArn: execution.arn, startDate: epochSeconds(execution.startDate) };
}

function describe(execution: Execution, stateMachineArn: string): object {
  return {
    executionArn: execution.arn,
    stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: epochSeconds(execution.startDate),
    stopDate: execution.stopDate && epochSeconds(execution.stopDate),
    input: execution.input,
    inputDetails: { included: true },
    output: execution.output,
    outputDetails: execution.output === undefined ? undefined : { included: true },
    error: execution.error,
    cause: execution.cause,
  };
}

function executionFailure(error: unknown): ExecutionEnd {
  if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
  if (error instanceof ExecutionTimeoutError) {
    return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution exceeded its TimeoutSeconds' };
  }
  const failure = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  return failure instanceof Error
    ? { status: 'FAILED', error: failure.name, cause: failure.message }
    : { status: 'FAILED', error: 'States.Runtime', cause: String(failure) };
}

/** One page of a listing: `maxResults` (0 or absent: 100; at most 1000) from the offset `nextToken` holds. */
function page<T>(all: readonly T[], request: ApiRequest): { items: T[]; nextToken?: string } {
  const pageSize = optionalInteger(request, 'maxResults') || DEFAULT_PAGE_SIZE;
  if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
    throw new StepFunctionsServiceError('ValidationException', `1 validation error detected: 'maxResults' must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  const token = optionalString(request, 'nextToken', 1024);
  const offset = token === undefined ? 0 : Number(token);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > all.length) throw new StepFunctionsServiceError('InvalidToken', 'Invalid Token: the nextToken was not given by this listing');
  const end = offset + pageSize;
  return { items: all.slice(offset, end), nextToken: end < all.length ? String(end) : undefined };
}

/** Keeps the runtime's events for the execution's history, and shows them to an observer. */
function recordEvents(
  execution: Execution,
  events: ExecutionEventLog,
  observer: LocalStepFunctionsOptions['onExecutionEvent'],
): void {
  void (async () => {
    for await (const event of events) {
      execution.events.push(event as RuntimeEvent);
      if (!observer) continue;
      const { type, ...detail } = event;
      try {
        observer({ executionArn: execution.arn, type, detail });
      } catch {
        // An observer's failure is not the execution's.
      }
    }
  })().catch(() => undefined);
}

function parseJson(text: string, errorName: 'InvalidOutput' | 'InvalidExecutionInput'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const what = errorName === 'InvalidOutput' ? 'Invalid Output' : 'Invalid Execution Input';
    throw new StepFunctionsServiceError(errorName, `${what}: not valid JSON`);
  }
}
