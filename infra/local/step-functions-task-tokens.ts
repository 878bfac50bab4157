/**
 * Task tokens of callback (`.waitForTaskToken`) tasks. One token per task attempt (a retry gets a
 * fresh one). What a callback (SendTaskSuccess/Failure/Heartbeat) with a token answers:
 *
 * | token                                                       | answer           |
 * | ----------------------------------------------------------- | ---------------- |
 * | malformed                                                   | InvalidToken     |
 * | never issued                                                | TaskDoesNotExist |
 * | pending, its execution running, before the task's timeout   | accepted         |
 * | the task's timeout has passed                               | TaskTimedOut     |
 * | already completed (by a callback, or its Lambda invocation  | TaskTimedOut     |
 * |   failed)                                                   |                  |
 * | still pending when its execution ended (stopped, timed out, | TaskDoesNotExist |
 * |   failed or succeeded elsewhere)                            |                  |
 *
 * AWS documents TaskTimedOut for a token that "has either expired or the task associated with the
 * token has already been closed" (a second SendTaskSuccess answers "Provided task does not exist
 * anymore" with TaskTimedOut), so a used token answers TaskTimedOut, not TaskDoesNotExist.
 * A handler treats both as final answers, never as something to retry.
 */
import { randomBytes } from 'node:crypto';
import type { LocalClock } from './clock';
import { StepFunctionsServiceError } from './step-functions-protocol';

/** 64 random bytes, base64url: opaque, url-safe and far beyond guessing. */
const TOKEN_BYTES = 64;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{86}$/;

type TokenStatus = 'PENDING' | 'COMPLETED' | 'TIMED_OUT' | 'ABANDONED';

interface TaskTokenRecord {
  readonly token: string;
  readonly executionArn: string;
  readonly expiresAt: number;
  status: TokenStatus;
  cancelTimer?: () => void;
  settle?: { resolve(output: unknown): void; reject(error: Error): void };
}

/** The error name a task's timeout reaches `Retry` and `Catch` with. */
export const TASK_TIMEOUT_ERROR = 'States.Timeout';

export interface IssuedTaskToken {
  readonly token: string;
  /** Settles with the callback: the parsed output, or an error named after the reported error. */
  readonly outcome: Promise<unknown>;
}

export class TaskTokenRegistry {
  private readonly records = new Map<string, TaskTokenRecord>();

  /**
   * @param clock times the tasks out (a clock tests move forward times them out at once)
   * @param onClosed told, synchronously, whenever a pending token is closed, however
   */
  constructor(
    private readonly clock: LocalClock,
    private readonly onClosed: (token: string, executionArn: string) => void = () => undefined,
  ) {}

  /**
   * Issues a token whose task times out after `timeoutMs` of the clock: the task then fails with
   * `States.Timeout`, and the token answers TaskTimedOut.
   */
  issue(executionArn: string, timeoutMs: number): IssuedTaskToken {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const record: TaskTokenRecord = { token, executionArn, expiresAt: this.clock.now() + timeoutMs, status: 'PENDING' };
    const outcome = new Promise<unknown>((resolve, reject) => {
      record.settle = { resolve, reject };
    });
    // The runtime abandons this promise when the execution ends; never let a late rejection
    // surface as an unhandled one.
    outcome.catch(() => undefined);
    record.cancelTimer = this.clock.at(record.expiresAt, () => this.timeOut(record));
    this.records.set(token, record);
    return { token, outcome };
  }

  /** Whether the token still waits for its callback. */
  isPending(token: string): boolean {
    return this.records.get(token)?.status === 'PENDING';
  }

  /** SendTaskSuccess: the task's result is the parsed output. */
  succeed(token: string, output: unknown): void {
    const settle = this.pending(token);
    settle.resolve(output);
  }

  /** SendTaskFailure: the task fails with an error a `Retry`/`Catch` can match by name. */
  fail(token: string, error: string, cause: string): void {
    const settle = this.pending(token);
    settle.reject(taskFailure(error, cause));
  }

  /** SendTaskHeartbeat: accepted while the task waits (the local runtime has no HeartbeatSeconds). */
  heartbeat(token: string): void {
    this.lookUpPending(token);
  }

  /** The task's Lambda invocation failed before any callback: the task fails with that error. */
  failInvocation(token: string, error: Error): void {
    const record = this.records.get(token);
    if (record?.status !== 'PENDING') return;
    const settle = record.settle;
    this.close(record, 'COMPLETED');
    settle?.reject(error);
  }

  /** The execution ended: its waiting tasks end with it and their tokens no longer exist. */
  abandonExecution(executionArn: string, reason: Error): void {
    for (const record of this.records.values()) {
      if (record.executionArn !== executionArn || record.status !== 'PENDING') continue;
      const settle = record.settle;
      this.close(record, 'ABANDONED');
      settle?.reject(reason);
    }
  }

  /** Closes a pending token and hands back how to settle its task. */
  private pending(token: string): NonNullable<TaskTokenRecord['settle']> {
    const record = this.lookUpPending(token);
    const settle = record.settle!;
    this.close(record, 'COMPLETED');
    return settle;
  }

  private lookUpPending(token: string): TaskTokenRecord {
    if (!TOKEN_PATTERN.test(token)) {
      throw new StepFunctionsServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
    }
    const record = this.records.get(token);
    if (record?.status === 'PENDING' && this.clock.now() >= record.expiresAt) this.timeOut(record);
    switch (record?.status) {
      case 'PENDING':
        return record;
      case 'COMPLETED':
      case 'TIMED_OUT':
        throw new StepFunctionsServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
      case 'ABANDONED':
      case undefined:
        throw new StepFunctionsServiceError('TaskDoesNotExist', "Task Does Not Exist: 'Provided task does not exist'");
    }
  }

  /** The task's time is up: it fails with States.Timeout, which its `Retry` and `Catch` see. */
  private timeOut(record: TaskTokenRecord): void {
    if (record.status !== 'PENDING') return;
    const settle = record.settle;
    this.close(record, 'TIMED_OUT');
    settle?.reject(taskFailure(TASK_TIMEOUT_ERROR, 'The task did not receive a callback within its TimeoutSeconds'));
  }

  private close(record: TaskTokenRecord, status: Exclude<TokenStatus, 'PENDING'>): void {
    if (record.status !== 'PENDING') return;
    record.status = status;
    record.cancelTimer?.();
    record.cancelTimer = undefined;
    record.settle = undefined;
    this.onClosed(record.token, record.executionArn);
  }
}

/** An error the state machine sees as the task's error: `name` is what `ErrorEquals` matches, `message` the Cause. */
export function taskFailure(error: string, cause: string): Error {
  const failure = new Error(cause);
  failure.name = error;
  return failure;
}
