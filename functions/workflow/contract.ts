/**
 * Names and settings shared by the state machine definition, the task handlers and the local
 * Step Functions runtime.
 */

/** Transient failures a task retries with backoff and full jitter (AWS's list plus our own marker). */
export const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
  'TransientError',
] as const;

/**
 * A Lambda invocation that died without an answer: a crash, running out of memory, a timeout.
 * Step Functions reports these as `Lambda.Unknown`; every task is idempotent, so one runs again.
 */
export const CRASH_ERRORS = ['Lambda.Unknown'] as const;

/** Thrown into a waiting task (SendTaskFailure) when an admin revokes the commitment. */
export const REVOKED_ERROR = 'CommitmentRevoked';

export interface WorkflowTimings {
  /** Seconds between the invitation, each reminder and expiry. */
  readonly reminderIntervalSeconds: number;
  /** Reminders sent before the invitation expires. */
  readonly reminderCount: number;
  readonly reviewTimeoutSeconds: number;
  readonly countersignTimeoutSeconds: number;
}

export const DEFAULT_TIMINGS: WorkflowTimings = {
  reminderIntervalSeconds: 7 * 24 * 3600,
  reminderCount: 3,
  reviewTimeoutSeconds: 30 * 24 * 3600,
  countersignTimeoutSeconds: 90 * 24 * 3600,
};

/** How long an emailed link stays valid: until the last reminder's wait is over. */
export function signatureWindowSeconds(timings: WorkflowTimings): number {
  return timings.reminderIntervalSeconds * (timings.reminderCount + 1);
}
