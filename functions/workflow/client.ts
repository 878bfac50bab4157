import { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WaitStage } from '../domain/commitment';
import { executionNameOf } from '../domain/rounds';
import { waitAnswer } from './contract';
import { requiredEnv } from '../shared/config';
import { logger } from '../shared/logger';
import { getParkedTask, type ParkedTask } from '../store/task-tokens';
import { ENV } from '../catalog';

let client: SFNClient | undefined;
const sfn = () => (client ??= new SFNClient({}));

export interface ExecutionInput {
  readonly commitmentId: string;
  readonly declarationId: string;
  /** The round of invitation; 1 when absent. */
  readonly round?: number;
}

/**
 * Starts the execution of the commitment's round, named after the commitment and the round
 * (`executionNameOf`): repeating the call with the same input is harmless (Step Functions returns
 * the running execution).
 */
export async function startCommitmentExecution(input: ExecutionInput): Promise<void> {
  const round = input.round ?? 1;
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: requiredEnv(ENV.stateMachineArn),
        name: executionNameOf(input.commitmentId, round),
        // The first state reads `remindersSent`; starting it here saves a Pass state (a billed transition).
        // Every task is told its round, so that one of a round a later one replaced ends quietly.
        input: JSON.stringify({ commitmentId: input.commitmentId, declarationId: input.declarationId, remindersSent: 0, round }),
      }),
    );
  } catch (error) {
    // An execution of that name already exists: the commitment has its workflow, which is the goal.
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return;
    throw error;
  }
}

/** Answers that mean "this wait is already over"; the record is the truth, so they are final. */
const WAIT_OVER = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

export type CallbackResult = 'delivered' | 'wait-over' | 'not-waiting' | 'deferred';

/**
 * Tells the workflow that a wait is over, after the record was changed. A wait that already
 * ended (timed out, another callback won) is fine: the workflow reads the record when it
 * settles a timeout or parks its next token.
 */
export async function resumeWait(commitmentId: string, stage: WaitStage, outcome: string, known?: { readonly task: ParkedTask | undefined }): Promise<CallbackResult> {
  // `known`: the parked task as read before the change, which the change's transaction held unchanged.
  const parked = known ? known.task : await parkedTaskOrDefer(commitmentId);
  if (parked === 'deferred') return 'deferred';
  if (!parked || parked.stage !== stage) return 'not-waiting';
  return answer(commitmentId, () => sendAnswer(parked.token, outcome), 'defer');
}

/** Fails the current wait with a named error (for example a revocation the workflow catches). */
export async function failWait(commitmentId: string, error: string, cause: string): Promise<CallbackResult> {
  const parked = await parkedTaskOrDefer(commitmentId);
  if (parked === 'deferred') return 'deferred';
  if (!parked) return 'not-waiting';
  return answer(commitmentId, () => sfn().send(new SendTaskFailureCommand({ taskToken: parked.token, error, cause })), 'defer');
}

/**
 * The parked token, read after the change was committed: if the table cannot be read right now,
 * the change stands and the workflow finds it when its wait times out or its next task parks.
 */
async function parkedTaskOrDefer(commitmentId: string): Promise<ParkedTask | undefined | 'deferred'> {
  try {
    return await getParkedTask(commitmentId);
  } catch (error) {
    logger.warn('workflow callback deferred', { commitmentId, error: error instanceof Error ? error.name : String(error) });
    return 'deferred';
  }
}

/** Answers a token the caller holds (a task resuming itself when the user acted first). */
export async function completeToken(commitmentId: string, token: string, outcome: string): Promise<CallbackResult> {
  return answer(commitmentId, () => sendAnswer(token, outcome), 'throw');
}

function sendAnswer(taskToken: string, outcome: string): Promise<unknown> {
  const reply = waitAnswer(outcome);
  return 'output' in reply
    ? sfn().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(reply.output) }))
    : sfn().send(new SendTaskFailureCommand({ taskToken, error: reply.error, cause: reply.cause }));
}

/**
 * `defer`: the change is already committed, so an unreachable workflow must not turn the user's
 * success into an error; the workflow reads the record when its wait times out.
 */
async function answer(commitmentId: string, send: () => Promise<unknown>, onOtherError: 'defer' | 'throw'): Promise<CallbackResult> {
  try {
    await send();
    return 'delivered';
  } catch (error) {
    if (error instanceof Error && WAIT_OVER.has(error.name)) {
      logger.info('workflow wait already over', { commitmentId, answer: error.name });
      return 'wait-over';
    }
    if (onOtherError === 'throw') throw error;
    logger.warn('workflow callback deferred', { commitmentId, error: error instanceof Error ? error.name : String(error) });
    return 'deferred';
  }
}
