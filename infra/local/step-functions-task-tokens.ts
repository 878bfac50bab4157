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
import { StepFunctionsServiceError } from './step-functions-protocol';

/** 64 random bytes, base64url: opaque, url-safe and far beyond guessing. */
const TOKEN_BYTES = 64;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{86}$/;

type TokenStatus = 'PENDING' | 'COMPLETED' | 'TIMED_OUT' | 'ABANDONED';

interface TaskTokenRecord {
  readonly executionArn: string;
  readonly expiresAt: number;
  status: TokenStatus;
  timer?: NodeJS.Timeout;
  settle?: { resolve(output: unknown): void; reject(error: Error): void };
}

export interface IssuedTaskToken {
  readonly token: string;
  /** Settles with the callback: the parsed output, or an error named after the reported error. */
  readonly outcome: Promise<unknown>;
}

export class TaskTokenRegistry {
  private readonly records = new Map<string, TaskTokenRecord>();

  /**
   * Issues a token that expires after `timeoutMs`. Call it synchronously in the task override,
   * before the runtime arms its own task timer with the same duration: timers of equal duration
   * fire in creation order, so the token has expired by the time the task times out.
   */
  issue(executionArn: string, timeoutMs: number): IssuedTaskToken {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const record: TaskTokenRecord = { executionArn, expiresAt: Date.now() + timeoutMs, status: 'PENDING' };
    const outcome = new Promise<unknown>((resolve, reject) => {
      record.settle = { resolve, reject };
    });
    // The runtime abandons this promise when the task times out or the execution ends; never let
    // a late rejection surface as an unhandled one.
    outcome.catch(() => undefined);
    record.timer = setTimeout(() => this.close(record, 'TIMED_OUT'), timeoutMs);
    record.timer.unref();
    this.records.set(token, record);
    return { token, outcome };
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
    if (record?.status === 'PENDING' && Date.now() >= record.expiresAt) this.close(record, 'TIMED_OUT');
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

  private close(record: TaskTokenRecord, status: Exclude<TokenStatus, 'PENDING'>): void {
    if (record.status !== 'PENDING') return;
    record.status = status;
    clearTimeout(record.timer);
    record.timer = undefined;
    record.settle = undefined;
  }
}

/** An error the state machine sees as the task's error: `name` is what `ErrorEquals` matches, `message` the Cause. */
export function taskFailure(error: string, cause: string): Error {
  const failure = new Error(cause);
  failure.name = error;
  return failure;
}
