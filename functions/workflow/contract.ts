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

/** Thrown into the signature wait when the operator declines: the workflow catches it and ends. */
export const DECLINED_ERROR = 'CommitmentDeclined';

/** Thrown into a wait that a task finds already expired in the record. */
export const EXPIRED_ERROR = 'CommitmentExpired';

/**
 * What a task of a round that a later round replaced answers (the commitment was invited again
 * while an execution of its earlier round still ran): that execution ends as an expired one,
 * leaving the record, the task token and the emails to the new round.
 */
export const SUPERSEDED = 'SUPERSEDED';

/** What a settled signature timeout answers when an admin extended the links past it: wait again. */
export const STILL_WAITING = 'WAITING';

/**
 * Thrown into the countersignature wait by its own task when the automatic checks flag the
 * signature: the workflow catches it and asks the Commission team for a review.
 */
export const FLAGGED_ERROR = 'SignatureFlagged';

/**
 * Outcomes off the way to a certificate reach a waiting task as these errors, which the workflow
 * catches: the endings, and a flagged signature, which goes to review.
 */
const OUTCOME_ERRORS: Readonly<Record<string, string>> = { REVOKED: REVOKED_ERROR, DECLINED: DECLINED_ERROR, EXPIRED: EXPIRED_ERROR, [SUPERSEDED]: EXPIRED_ERROR, FLAGGED: FLAGGED_ERROR };

export type WaitAnswer = { readonly output: { readonly outcome: string } } | { readonly error: string; readonly cause: string };

/**
 * How an outcome is sent to a waiting task. The way forward (signed, countersigned, a review
 * decision) is the task's output; an ending or a flagged signature is a named failure, so that the
 * way forward needs no Choice state, which Step Functions Standard would bill as one more transition.
 */
export function waitAnswer(outcome: string): WaitAnswer {
  const error = OUTCOME_ERRORS[outcome];
  if (!error) return { output: { outcome } };
  return { error, cause: outcome === 'FLAGGED' ? 'The automatic checks flagged the signature for review.' : `The commitment was ${outcome.toLowerCase()}.` };
}

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

/**
 * A seal that fails its own check before it is stored: the error the task throws (and the commitment's
 * FAILED record shows), and the log line the alarm counts.
 */
export const SEAL_CHECK_FAILED = { error: 'SealCheckFailed', logMessage: 'the seal made does not verify' } as const;
