/**
 * A local Step Functions service: runs one state machine definition (ASL, JSONPath) with
 * aws-local-stepfunctions and answers the Step Functions JSON API (StartExecution,
 * DescribeExecution, StopExecution, ListExecutions, GetExecutionHistory, ListStateMachines,
 * DescribeStateMachine, SendTaskSuccess/Failure/Heartbeat), so handlers using
 * `@aws-sdk/client-sfn` with `AWS_ENDPOINT_URL_SFN`, and the AWS CLI, run unmodified against it.
 *
 * Task states run local handlers (by state name) the way Step Functions runs Lambda functions:
 * - `arn:aws:states:::lambda:invoke`: the handler gets the `Payload`; the task result is what the
 *   service integration returns (`{ Payload, StatusCode, ... }`), so a `ResultSelector` applies.
 * - `arn:aws:states:::lambda:invoke.waitForTaskToken`: `$$.Task.Token` is a fresh token per attempt;
 *   the task waits for SendTaskSuccess/SendTaskFailure (token rules: step-functions-task-tokens.ts).
 *   A handler that throws fails the task at once.
 * - any other resource (e.g. a function ARN, i.e. `payloadResponseOnly`): the handler gets the
 *   task's effective input and its result is the task result.
 * A handler's thrown error fails the task with `error.name` as the error (as the Lambda runtime
 * reports `errorType`) and `{"errorType", "errorMessage", "trace"}` as the Cause.
 *
 * Time: callback tasks' `TimeoutSeconds` and the execution's own `TimeoutSeconds` run on the
 * service's clock (`options.clock`): a clock moved forward (infra/local/clock.ts) times them out at
 * once, with `States.Timeout` as on AWS. Retry intervals, Wait states and the timeouts of other
 * tasks run on the system clock.
 *
 * Known differences from AWS: executions and their histories live in memory; the history is built
 * from the local runtime's events (step-functions-history.ts), so a retried task shows its failed
 * attempt and the next one but no separate back-off event;
 * `HeartbeatSeconds` is not enforced; a task without `TimeoutSeconds` times out after the local
 * runtime's 60 s default; a callback task may not list `States.TaskFailed` in its Retry or Catch
 * (the local timeout would match it); Wait states and other tasks' timers longer than a Node timer
 * holds (2^31-1 ms, about 24.8 days) are shortened to that, since Node would otherwise fire them
 * after 1 ms.
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { LocalClock } from './clock';
import { closeServer, createStepFunctionsServer, listen } from './step-functions-protocol';
import { LocalStepFunctionsService, STATE_MACHINE_ARN, type StateMachineIdentity, type WorkflowActivity } from './step-functions-service';
import { prepareDefinition } from './step-functions-tasks';

installPromiseWithResolvers();

export type { WorkflowActivity };

/**
 * A Lambda handler: receives the invoke Payload, returns the Lambda result. A thrown error's
 * `name` is the Step Functions error name.
 */
export type LocalTaskHandler = (payload: unknown) => Promise<unknown>;

export interface LocalStepFunctionsOptions {
  /** The resolved ASL JSON, e.g. from `cdk synth`; DescribeStateMachine answers it. */
  readonly definition: Record<string, unknown>;
  /** The role the state machine runs as, as DescribeStateMachine reports it. @default a role named after the state machine */
  readonly roleArn?: string;
  /** e.g. `arn:aws:states:eu-west-1:000000000000:stateMachine:CommitmentWorkflow` */
  readonly stateMachineArn: string;
  /** By Task state name (nested Map and Parallel states included); every Task state needs one. */
  readonly taskHandlers: Readonly<Record<string, LocalTaskHandler>>;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (any free port) */
  readonly port?: number;
  /**
   * Sees the runtime's events (ExecutionStarted, StateEntered/Exited/Failed/Retried/Caught,
   * ExecutionSucceeded/Failed/Aborted/Timeout; `detail` is the runtime's event without `type`).
   * State inputs and outputs are in `detail`; task tokens are not.
   */
  readonly onExecutionEvent?: (event: { executionArn: string; type: string; detail?: unknown }) => void;
  /** Times out callback tasks and executions. @default a clock of its own, with the system time */
  readonly clock?: LocalClock;
  /**
   * Task states sharing a function whose local concurrency is capped: at most `limit` of their
   * handlers run at once, the others wait their turn. A task's timeout counts from when its handler
   * runs, not while it waits: on AWS the function would have run at once.
   */
  readonly taskConcurrency?: readonly TaskConcurrency[];
}

export interface TaskConcurrency {
  readonly states: readonly string[];
  readonly limit: number;
}

export interface LocalStepFunctions {
  /** For `AWS_ENDPOINT_URL_SFN`. */
  readonly url: string;
  /** Aborts the running executions, waits for the task handlers in flight, then closes the server. */
  stop(): Promise<void>;
  /**
   * Resolves when no task handler runs and every execution still running waits at a callback:
   * nothing happens until a callback comes or the clock reaches a timeout. With
   * `executionNames`, only those executions count (each must have been started).
   */
  whenIdle(executionNames?: readonly string[]): Promise<void>;
  /** What runs now. */
  activity(): WorkflowActivity;
}

/** Throws when the ARN or the definition is invalid, or a Task state has no handler. */
export async function startLocalStepFunctions(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const stateMachine = identify(options);
  const { definition, tasks, executionTimeoutMs } = prepareDefinition(options.definition, options.taskHandlers, new Set(options.taskConcurrency?.flatMap((group) => group.states)));
  const runtime = new StateMachine(definition as unknown as StateMachineDefinition);
  const service = new LocalStepFunctionsService(runtime, stateMachine, tasks, options, options.clock ?? new LocalClock(), executionTimeoutMs);
  const server = createStepFunctionsServer(service.operations);
  const url = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);

  let stopped: Promise<void> | undefined;
  return {
    url,
    stop: () => (stopped ??= service.stop().then(() => closeServer(server))),
    whenIdle: (executionNames) => service.whenIdle(executionNames),
    activity: () => service.activity(),
  };
}

function identify(options: LocalStepFunctionsOptions): StateMachineIdentity {
  const arn = options.stateMachineArn;
  const match = STATE_MACHINE_ARN.exec(arn);
  if (!match) throw new Error(`Not a state machine ARN: ${arn}`);
  const [, partition, region, account, name] = match;
  return {
    arn,
    name: name!,
    region: region!,
    roleArn: options.roleArn ?? `arn:${partition}:iam::${account}:role/${name}Role`,
    definition: JSON.stringify(options.definition),
    creationDate: new Date(),
    executionArnPrefix: `arn:${partition}:states:${region}:${account}:execution:${name}:`,
  };
}

/** aws-local-stepfunctions calls `Promise.withResolvers` (ES2024), which Node 20 lacks. */
function installPromiseWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  if (typeof promise.withResolvers === 'function') return;
  promise.withResolvers = function withResolvers() {
    let resolve!: (value: unknown) => void;
    let reject!: (reason?: unknown) => void;
    const pending = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: pending, resolve, reject };
  };
}
