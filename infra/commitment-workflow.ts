import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { TaskFunctionId } from '../functions/catalog';
import { REVOKED_ERROR, TRANSIENT_ERRORS, type WorkflowTimings } from '../functions/workflow/contract';

export interface CommitmentWorkflowProps {
  /** The task functions, by catalog id. */
  readonly functions: Readonly<Record<TaskFunctionId, IFunction>>;
  readonly timings: WorkflowTimings;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * One Standard execution per commitment (execution name = commitment id), following its whole
 * life: invitation and reminders, signature or decline, automatic verification, admin review,
 * countersignature, sealing and delivery. JSONPath throughout, so the local runtime runs the
 * very same definition.
 */
export class CommitmentWorkflow extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: CommitmentWorkflowProps) {
    super(scope, id);
    const { functions: fn, timings } = props;

    const failed = new sfn.Fail(this, 'Failed', { error: 'CommitmentFailed', cause: 'A step failed; see the commitment record' });
    const recordFailure = this.invoke('RecordFailure', fn['record-failure'], {
      commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
      error: sfn.JsonPath.stringAt('$.failure.Error'),
      cause: sfn.JsonPath.stringAt('$.failure.Cause'),
    }, sfn.JsonPath.DISCARD).next(failed);

    const declined = new sfn.Succeed(this, 'Declined');
    const expired = new sfn.Succeed(this, 'Expired');
    const revoked = new sfn.Succeed(this, 'Revoked');
    const rejected = new sfn.Succeed(this, 'Rejected');
    const delivered = new sfn.Succeed(this, 'Delivered');

    // Seal, then deliver.
    const deliver = this.invoke('Deliver', fn['deliver-certificate'], {
      commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
    }, sfn.JsonPath.DISCARD);
    const seal = this.invoke('Seal', fn['seal-certificate'], {
      commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
    }, '$.document', { 'sha256.$': '$.Payload.sha256', 'size.$': '$.Payload.size' });
    // Sealing renders and signs; a failure of our own code is worth one more try before an admin sees it.
    seal.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(2), maxAttempts: 2, backoffRate: 2, jitterStrategy: sfn.JitterType.FULL });
    for (const task of [seal, deliver]) task.addCatch(recordFailure, { resultPath: '$.failure' });
    seal.next(deliver);
    deliver.next(delivered);

    // Countersignature.
    const awaitCountersignature = this.awaitCallback('AwaitCountersignature', fn['await-decision'], 'countersignature', timings.countersignTimeoutSeconds, '$.countersignature');
    const settleCountersignature = this.settle('SettleCountersignatureTimeout', fn['settle-timeout'], 'countersignature', '$.countersignature');
    const countersignOutcome = new sfn.Choice(this, 'CountersignOutcome')
      .when(sfn.Condition.stringEquals('$.countersignature.outcome', 'COUNTERSIGNED'), seal)
      .when(sfn.Condition.stringEquals('$.countersignature.outcome', 'REVOKED'), revoked)
      .otherwise(expired);
    this.wireCallback(awaitCountersignature, settleCountersignature, countersignOutcome, revoked, recordFailure);

    // Review of a flagged signature.
    const awaitReview = this.awaitCallback('AwaitReview', fn['await-decision'], 'review', timings.reviewTimeoutSeconds, '$.review');
    const settleReview = this.settle('SettleReviewTimeout', fn['settle-timeout'], 'review', '$.review');
    const reviewOutcome = new sfn.Choice(this, 'ReviewOutcome')
      .when(sfn.Condition.stringEquals('$.review.outcome', 'APPROVED'), awaitCountersignature)
      .when(sfn.Condition.stringEquals('$.review.outcome', 'REJECTED'), rejected)
      .when(sfn.Condition.stringEquals('$.review.outcome', 'REVOKED'), revoked)
      .otherwise(expired);
    this.wireCallback(awaitReview, settleReview, reviewOutcome, revoked, recordFailure);

    // Automatic verification.
    const verify = this.invoke('Verify', fn['verify-signature'], {
      commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
    }, '$.verification', { 'outcome.$': '$.Payload.outcome' });
    verify.addCatch(recordFailure, { resultPath: '$.failure' });
    verify.next(new sfn.Choice(this, 'VerificationOutcome')
      .when(sfn.Condition.stringEquals('$.verification.outcome', 'VERIFIED'), awaitCountersignature)
      .otherwise(awaitReview));

    // Invitation, reminders, signature or decline.
    const signatureOutcome = new sfn.Choice(this, 'SignatureOutcome')
      .when(sfn.Condition.stringEquals('$.signature.outcome', 'SIGNED'), verify)
      .when(sfn.Condition.stringEquals('$.signature.outcome', 'DECLINED'), declined)
      .when(sfn.Condition.stringEquals('$.signature.outcome', 'REVOKED'), revoked)
      .otherwise(expired);
    const awaitSignature = this.awaitCallback('AwaitSignature', fn['await-signature'], 'signature', timings.reminderIntervalSeconds, '$.signature', {
      remindersSent: sfn.JsonPath.numberAt('$.remindersSent'),
    });
    const settleSignature = this.settle('SettleSignatureTimeout', fn['settle-timeout'], 'signature', '$.signature');
    const countReminder = new sfn.Pass(this, 'CountReminder', {
      parameters: {
        commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
        declarationId: sfn.JsonPath.stringAt('$.declarationId'),
        remindersSent: sfn.JsonPath.mathAdd(sfn.JsonPath.numberAt('$.remindersSent'), 1),
      },
    }).next(awaitSignature);
    const remindersLeft = new sfn.Choice(this, 'RemindersLeft')
      .when(sfn.Condition.numberLessThan('$.remindersSent', timings.reminderCount), countReminder)
      .otherwise(settleSignature);
    awaitSignature.addRetry(transientRetry());
    awaitSignature.addCatch(revoked, { errors: [REVOKED_ERROR], resultPath: sfn.JsonPath.DISCARD });
    awaitSignature.addCatch(remindersLeft, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
    awaitSignature.addCatch(recordFailure, { resultPath: '$.failure' });
    awaitSignature.next(signatureOutcome);
    settleSignature.addCatch(recordFailure, { resultPath: '$.failure' });
    settleSignature.next(signatureOutcome);

    // Parameters, not Result: a Pass state with a falsy literal Result is mishandled by the local runtime.
    const start = new sfn.Pass(this, 'Start', {
      parameters: {
        commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
        declarationId: sfn.JsonPath.stringAt('$.declarationId'),
        remindersSent: 0,
      },
    }).next(awaitSignature);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(start),
      comment: 'The life of one commitment to the European Ports Alliance joint declaration',
      tracingEnabled: true,
      // Execution data carries task tokens; keep it out of the logs.
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
  }

  private invoke(
    id: string,
    lambdaFunction: IFunction,
    payload: Record<string, unknown>,
    resultPath: string,
    resultSelector?: Record<string, string>,
  ): tasks.LambdaInvoke {
    const task = new tasks.LambdaInvoke(this, id, {
      lambdaFunction,
      payload: sfn.TaskInput.fromObject(payload),
      resultPath,
      resultSelector,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.minutes(2)),
    });
    task.addRetry(transientRetry());
    return task;
  }

  private awaitCallback(
    id: string,
    lambdaFunction: IFunction,
    stage: 'signature' | 'review' | 'countersignature',
    timeoutSeconds: number,
    resultPath: string,
    extraPayload: Record<string, unknown> = {},
  ): tasks.LambdaInvoke {
    return new tasks.LambdaInvoke(this, id, {
      lambdaFunction,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        taskToken: sfn.JsonPath.taskToken,
        commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
        stage,
        ...extraPayload,
      }),
      resultPath,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(timeoutSeconds)),
    });
  }

  private settle(id: string, lambdaFunction: IFunction, stage: string, resultPath: string): tasks.LambdaInvoke {
    return this.invoke(id, lambdaFunction, {
      commitmentId: sfn.JsonPath.stringAt('$.commitmentId'),
      stage,
    }, resultPath, { 'outcome.$': '$.Payload.outcome' });
  }

  private wireCallback(
    wait: tasks.LambdaInvoke,
    settle: tasks.LambdaInvoke,
    outcome: sfn.Choice,
    revoked: sfn.State,
    recordFailure: sfn.IChainable,
  ): void {
    wait.addRetry(transientRetry());
    wait.addCatch(revoked, { errors: [REVOKED_ERROR], resultPath: sfn.JsonPath.DISCARD });
    wait.addCatch(settle, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
    wait.addCatch(recordFailure, { resultPath: '$.failure' });
    wait.next(outcome);
    settle.addCatch(recordFailure, { resultPath: '$.failure' });
    settle.next(outcome);
  }
}

function transientRetry(): sfn.RetryProps {
  return {
    errors: [...TRANSIENT_ERRORS],
    interval: Duration.seconds(1),
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: Duration.seconds(30),
    jitterStrategy: sfn.JitterType.FULL,
  };
}
