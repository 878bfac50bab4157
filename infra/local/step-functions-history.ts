/**
 * An execution's history as `GetExecutionHistory` answers it on AWS, built from the events the
 * local runtime (aws-local-stepfunctions) reports: `StateEntered` of a Task state becomes
 * `TaskStateEntered`, `TaskScheduled`, `TaskStarted` (and `TaskSubmitted` for a callback task),
 * its end `TaskSucceeded`, `TaskFailed` or `TaskTimedOut`, then `TaskStateExited`; other states
 * become `<Type>StateEntered` / `<Type>StateExited`; the execution's start and end keep AWS's names
 * and detail shapes. Ids count from 1 in the order of the events; each event's `previousEventId`
 * is the one before it.
 */
import type { LocalTaskKind } from './step-functions-tasks';

/** The runtime's event, as aws-local-stepfunctions yields it (its types are not exported). */
export interface RuntimeEvent {
  readonly type: string;
  readonly timestamp: number;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly Error?: string;
  readonly Cause?: string;
  readonly state?: { readonly name: string; readonly type: string; readonly input?: unknown; readonly output?: unknown };
  readonly index?: number;
  readonly parentState?: { readonly name: string; readonly type: string };
}

/** How an execution ended, as the local service decided it (it may abort what the runtime runs). */
export interface ExecutionOutcome {
  /** Each Task state's results, in the order its attempts succeeded: what the task returned, before ResultSelector and ResultPath. */
  readonly taskResults: ReadonlyMap<string, readonly unknown[]>;
  readonly status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  readonly stopDate?: Date;
  readonly error?: string;
  readonly cause?: string;
}

export interface HistoryContext {
  readonly region: string;
  readonly roleArn: string;
  /** Task states by name, with how each runs and its resource. */
  readonly tasks: ReadonlyMap<string, { readonly kind: LocalTaskKind; readonly resource: string }>;
}

export interface HistoryEvent {
  readonly timestamp: number;
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly [details: string]: unknown;
}

type Draft = { timestamp: number; type: string } & Record<string, unknown>;

/** The cause the local service gives a task it ends with its execution; not an event of the execution itself. */
export const EXECUTION_CLOSED_CAUSE = 'The execution has ended';

export function executionHistory(events: readonly RuntimeEvent[], outcome: ExecutionOutcome, context: HistoryContext, includeData = true): HistoryEvent[] {
  const drafts: Draft[] = [];
  const data = (value: unknown): { input?: string } | Record<string, never> => (includeData ? { input: json(value) } : {});
  const outputData = (value: unknown): { output?: string } | Record<string, never> => (includeData ? { output: json(value) } : {});
  const dataDetails = (field: 'inputDetails' | 'outputDetails') => ({ [field]: { truncated: false } });
  /** Task states whose attempt failed: their exit is not a success. */
  const failedTasks = new Set<string>();
  const resultsRead = new Map<string, number>();
  const nextResult = (name: string): unknown => {
    const read = resultsRead.get(name) ?? 0;
    resultsRead.set(name, read + 1);
    return outcome.taskResults.get(name)?.[read];
  };
  const stoppedAt = outcome.stopDate?.getTime();
  const endedByService = outcome.status === 'ABORTED' || outcome.status === 'TIMED_OUT';

  const taskStarted = (at: number, name: string, input: unknown): void => {
    const task = context.tasks.get(name)!;
    failedTasks.delete(name);
    if (task.kind === 'other') {
      drafts.push({ timestamp: at, type: 'LambdaFunctionScheduled', lambdaFunctionScheduledEventDetails: { resource: task.resource, ...data(input), ...dataDetails('inputDetails') } });
      drafts.push({ timestamp: at, type: 'LambdaFunctionStarted' });
      return;
    }
    const resource = { resourceType: 'lambda', resource: task.kind === 'lambda-callback' ? 'invoke.waitForTaskToken' : 'invoke' };
    drafts.push({ timestamp: at, type: 'TaskScheduled', taskScheduledEventDetails: { ...resource, region: context.region, parameters: includeData ? json(input) : '{}' } });
    drafts.push({ timestamp: at, type: 'TaskStarted', taskStartedEventDetails: resource });
    if (task.kind === 'lambda-callback') drafts.push({ timestamp: at, type: 'TaskSubmitted', taskSubmittedEventDetails: resource });
  };

  for (const event of events) {
    if (stoppedAt !== undefined && endedByService && event.timestamp > stoppedAt) break;
    const state = event.state;
    const task = state && context.tasks.get(state.name);
    switch (event.type) {
      case 'ExecutionStarted':
        drafts.push({ timestamp: event.timestamp, type: 'ExecutionStarted', executionStartedEventDetails: { ...data(event.input), ...dataDetails('inputDetails'), roleArn: context.roleArn } });
        break;
      case 'StateEntered':
        drafts.push({ timestamp: event.timestamp, type: `${state!.type}StateEntered`, stateEnteredEventDetails: { name: state!.name, ...data(state!.input), ...dataDetails('inputDetails') } });
        if (task) taskStarted(event.timestamp, state!.name, state!.input);
        break;
      case 'StateRetried':
        if (task) taskStarted(event.timestamp, state!.name, state!.input);
        break;
      case 'StateFailed': {
        if (!task || event.Cause === EXECUTION_CLOSED_CAUSE) break;
        failedTasks.add(state!.name);
        const failure = { error: event.Error, cause: event.Cause };
        if (task.kind === 'other') {
          const type = event.Error === 'States.Timeout' ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed';
          drafts.push({ timestamp: event.timestamp, type, [detailsField(type)]: failure });
        } else {
          const type = event.Error === 'States.Timeout' ? 'TaskTimedOut' : 'TaskFailed';
          drafts.push({ timestamp: event.timestamp, type, [detailsField(type)]: { resourceType: 'lambda', resource: task.kind === 'lambda-callback' ? 'invoke.waitForTaskToken' : 'invoke', ...failure } });
        }
        break;
      }
      case 'StateExited':
        if (task && !failedTasks.has(state!.name)) {
          const type = task.kind === 'other' ? 'LambdaFunctionSucceeded' : 'TaskSucceeded';
          const resource = task.kind === 'other' ? {} : { resourceType: 'lambda', resource: task.kind === 'lambda-callback' ? 'invoke.waitForTaskToken' : 'invoke' };
          drafts.push({ timestamp: event.timestamp, type, [detailsField(type)]: { ...resource, ...outputData(nextResult(state!.name)), ...dataDetails('outputDetails') } });
        }
        if (state!.type !== 'Fail') {
          drafts.push({ timestamp: event.timestamp, type: `${state!.type}StateExited`, stateExitedEventDetails: { name: state!.name, ...outputData(state!.output), ...dataDetails('outputDetails') } });
        }
        break;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        drafts.push({ timestamp: event.timestamp, type: event.type, [detailsField(event.type)]: { name: event.parentState?.name, index: event.index } });
        break;
      case 'ExecutionSucceeded':
        if (!endedByService) drafts.push({ timestamp: event.timestamp, type: 'ExecutionSucceeded', executionSucceededEventDetails: { ...outputData(event.output), ...dataDetails('outputDetails') } });
        break;
      case 'ExecutionFailed':
        if (!endedByService) drafts.push({ timestamp: event.timestamp, type: 'ExecutionFailed', executionFailedEventDetails: { error: outcome.error ?? event.Error, cause: outcome.cause ?? event.Cause } });
        break;
      default:
        // ExecutionAborted and ExecutionTimeout are the service's to report (below); parallel branches and
        // caught errors have no event of their own on AWS.
        break;
    }
  }
  if (endedByService) {
    const type = outcome.status === 'ABORTED' ? 'ExecutionAborted' : 'ExecutionTimedOut';
    drafts.push({ timestamp: stoppedAt ?? Date.now(), type, [detailsField(type)]: { error: outcome.error, cause: outcome.cause } });
  }
  return drafts.map((draft, index) => ({ ...draft, id: index + 1, previousEventId: index }));
}

/** `TaskTimedOut` → `taskTimedOutEventDetails`, as the API names each event's details. */
function detailsField(type: string): string {
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

