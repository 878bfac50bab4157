import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LINK_LOCKED_LOG_MESSAGE } from '../functions/shared/monitored-log-messages';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SEAL_CHECK_FAILED } from '../functions/workflow/contract';

/** The functions that seal, whose seals check themselves before they are stored. */
const SEALING_FUNCTIONS = ['seal-certificate', 'generate-joint-declaration'];

/** How the errors of a function are judged: by what else catches them. */
export type FunctionRole = 'api' | 'task' | 'event';

export interface MonitoredFunction {
  readonly fn: lambda.IFunction;
  readonly role: FunctionRole;
  /**
   * Where the function logs, for alarms on what it logs.
   * @default - no log-based alarm
   */
  readonly logGroup?: logs.ILogGroup;
}

export interface MonitoringProps {
  /** Every function of the catalog, by catalog id. */
  readonly functions: Readonly<Record<string, MonitoredFunction>>;
  readonly stateMachine: sfn.IStateMachine;
  readonly httpApi: apigwv2.IHttpApi;
  /** Dead-letter queues whose depth means an event was given up on, by a name for the alarm. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /**
   * The SES configuration set, for the dashboard's mail widget.
   * @default - no mail widget
   */
  readonly configurationSetName?: string;
  /**
   * Subscribed to the alarm topic by email (the recipient confirms it).
   * @default - no subscription
   */
  readonly alarmEmail?: string;
  /** The HTTP API's access log (JSON lines with `status` and `authorizerError`, infra/stateless-stack.ts). */
  readonly accessLogGroup: logs.ILogGroup;
  /** The log groups of the functions that lock a signing link after wrong codes. */
  readonly lockOutLogGroups: readonly logs.ILogGroup[];
  /**
   * 4xx answers in one period above which someone is probably probing the API.
   * @default 500
   */
  readonly clientErrorThreshold?: number;
  /**
   * The period every alarm evaluates.
   * @default Duration.minutes(5)
   */
  readonly period?: Duration;
}

/**
 * What operators of the AWS deployment watch: alarms on the workflow (failed, timed-out and
 * aborted executions), on every function (errors and throttles), on the HTTP API's server
 * errors and on dead-letter queues, all sent to one SNS topic; and a dashboard of the same.
 *
 * Thresholds: anything that means a commitment or an event needs a person (a failed, timed-out or
 * aborted execution, a message in a dead-letter queue, a throttle, an API function that crashed)
 * alarms at the first occurrence. Errors of task and event functions alarm from 3 in a period:
 * the workflow and Lambda retry those, and what stays failed shows up as a failed execution or a
 * dead letter.
 *
 * Abuse: a spike of 4xx answers, of 429s (the signing pages' rate limits), of 401s (the JWT
 * authorizer refusing a token) and of signing links locked by wrong codes; and the account's SES
 * bounce and complaint rates approaching the levels at which SES puts sending under review (5% and
 * 0.1%), alarmed at 4% and 0.08% so there is time to act.
 */
export class Monitoring extends Construct {
  public readonly alarmTopic: sns.Topic;
  public readonly dashboard: cloudwatch.Dashboard;
  /** By alarm id (`WorkflowExecutionsFailed`, `<function id>-Errors`, ...). */
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>>;

  private readonly period: Duration;
  private readonly alarmAction: SnsAction;
  private readonly alarmsById: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.period = props.period ?? Duration.minutes(5);

    this.alarmTopic = alarmTopic(this, 'Alarms of the European Ports Alliance signing', props.alarmEmail);
    this.alarmAction = new SnsAction(this.alarmTopic);

    // The workflow.
    const machine = props.stateMachine;
    const executions = {
      failed: machine.metricFailed({ period: this.period, statistic: 'Sum' }),
      timedOut: machine.metricTimedOut({ period: this.period, statistic: 'Sum' }),
      aborted: machine.metricAborted({ period: this.period, statistic: 'Sum' }),
    };
    this.alarm('WorkflowExecutionsFailed', executions.failed, 1,
      'A commitment\'s workflow failed: the commitment shows FAILED to admins with the step\'s error. Read its audit trail and the state machine\'s log.');
    this.alarm('WorkflowExecutionsTimedOut', executions.timedOut, 1,
      'A commitment\'s workflow ran past its execution timeout. Re-drive it from the record (StartExecution named after the commitment id).');
    this.alarm('WorkflowExecutionsAborted', executions.aborted, 1,
      'A commitment\'s workflow was stopped by hand. Check who stopped it and whether the commitment must be re-driven.');

    // The functions.
    for (const [functionId, { fn, role }] of Object.entries(props.functions)) {
      this.alarm(`${functionId}-Errors`, fn.metricErrors({ period: this.period, statistic: 'Sum' }), role === 'api' ? 1 : 3,
        role === 'api'
          ? `${functionId} crashed or timed out: callers got a 5xx. Its log group has the error.`
          : `${functionId} keeps failing; the ${role === 'task' ? 'workflow retries it' : 'Lambda retries, then dead-letters the event'}. Its log group has the error.`);
      this.alarm(`${functionId}-Throttles`, fn.metricThrottles({ period: this.period, statistic: 'Sum' }), 1,
        `${functionId} was throttled: the account's Lambda concurrency is exhausted.`);
    }

    // A seal that failed its own check: one means the seal certificate or key is wrong, and every seal will fail.
    const sealCheckFailures = new cloudwatch.Metric({ namespace: 'PortsAlliance', metricName: 'SealCheckFailures', period: this.period, statistic: 'Sum' });
    for (const functionId of SEALING_FUNCTIONS) {
      const logGroup = props.functions[functionId]?.logGroup;
      if (!logGroup) continue;
      new logs.MetricFilter(this, `${functionId}-SealCheckFailed`, {
        logGroup,
        filterPattern: logs.FilterPattern.stringValue('$.message', '=', SEAL_CHECK_FAILED.logMessage),
        metricNamespace: sealCheckFailures.namespace,
        metricName: sealCheckFailures.metricName,
        metricValue: '1',
      });
    }
    this.alarm('SealCheckFailed', sealCheckFailures, 1,
      'A seal just made did not verify against its certificate and the configured chain, so it was not stored and the commitment shows FAILED. Check the seal certificate secret against the KMS key (docs/operations.md#the-seal-key).');

    // The HTTP API: handlers turn their own failures into 500s, which Lambda does not count as errors.
    const apiServerErrors = props.httpApi.metricServerError({ period: this.period, statistic: 'Sum' });
    this.alarm('ApiServerErrors', apiServerErrors, 5, 'The HTTP API answered 5 or more 5xx in one period. The functions\' logs say why.');

    // Abuse at the edge of the API and of the signing links.
    this.alarm('ApiClientErrorSpike', props.httpApi.metricClientError({ period: this.period, statistic: 'Sum' }), props.clientErrorThreshold ?? 500,
      'The HTTP API answered an unusual number of 4xx: someone may be probing it. The access log shows the routes and statuses.');
    const namespace = Stack.of(this).stackName;
    const countOf = (id: string, logGroup: logs.ILogGroup, pattern: logs.IFilterPattern, metricName: string) => new logs.MetricFilter(this, id, {
      logGroup, filterPattern: pattern, metricNamespace: namespace, metricName, metricValue: '1', defaultValue: 0,
    }).metric({ period: this.period, statistic: 'Sum' });
    this.alarm('ApiTooManyRequests', countOf('TooManyRequestsFilter', props.accessLogGroup, logs.FilterPattern.stringValue('$.status', '=', '429'), 'ApiTooManyRequests'), 50,
      'Many signing requests went over their rate limits (429): a client is hammering the signing pages. The access log shows the routes.');
    this.alarm('AuthorizerRejections', countOf('AuthorizerRejectionsFilter', props.accessLogGroup, logs.FilterPattern.stringValue('$.status', '=', '401'), 'AuthorizerRejections'), 50,
      'The API refused many tokens (401): someone may be trying stolen or forged tokens against the console API.');
    props.lockOutLogGroups.forEach((logGroup, index) => {
      this.alarm(`SigningLinkLockOuts${index || ''}`, countOf(`LockOutsFilter${index || ''}`, logGroup, logs.FilterPattern.stringValue('$.message', '=', LINK_LOCKED_LOG_MESSAGE), 'SigningLinkLockOuts'), 5,
        'Several signing links were locked by wrong one-time codes in one period: someone may be guessing codes. Each lock-out is in the commitment\'s audit trail (LINK_LOCKED).');
    });
    const reputation = (metricName: string) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, period: this.period, statistic: 'Maximum' });
    this.alarm('SesBounceRate', reputation('Reputation.BounceRate'), 0.04,
      'The account\'s SES bounce rate reached 4%; SES reviews sending at 5%. Check the undeliverable contacts on the dashboard and correct them.');
    this.alarm('SesComplaintRate', reputation('Reputation.ComplaintRate'), 0.0008,
      'The account\'s SES complaint rate reached 0.08%; SES reviews sending at 0.1%. Check which emails were complained about.');

    // Dead letters: an event Lambda gave up on after its retries.
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.alarm(`${name}-DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ period: this.period, statistic: 'Maximum' }), 1,
        `${name} gave up on an event after Lambda's retries; it waits in the dead-letter queue. Read it, fix the cause, and replay it.`);
    }
    this.alarms = this.alarmsById;

    this.dashboard = this.buildDashboard(props, executions, apiServerErrors);
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.alarmAction);
    alarm.addOkAction(this.alarmAction);
    this.alarmsById[id] = alarm;
  }

  private buildDashboard(
    props: MonitoringProps,
    executions: Record<'failed' | 'timedOut' | 'aborted', cloudwatch.IMetric>,
    apiServerErrors: cloudwatch.IMetric,
  ): cloudwatch.Dashboard {
    const machine = props.stateMachine;
    const period = this.period;
    const functions = Object.entries(props.functions);
    const perFunction = (metricOf: (fn: lambda.IFunction) => cloudwatch.Metric) =>
      functions.map(([functionId, { fn }]) => metricOf(fn).with({ label: functionId, period }));

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.days(1),
    });
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({
      title: 'Alarms',
      alarms: Object.values(this.alarmsById),
      width: 24,
      height: 4,
    }));
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Commitment workflow executions',
        left: [
          machine.metricStarted({ period, statistic: 'Sum', label: 'started' }),
          machine.metricSucceeded({ period, statistic: 'Sum', label: 'succeeded' }),
          executions.failed,
          executions.timedOut,
          executions.aborted,
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'HTTP API',
        left: [
          props.httpApi.metricCount({ period, statistic: 'Sum', label: 'requests' }),
          props.httpApi.metricClientError({ period, statistic: 'Sum', label: '4xx' }),
          apiServerErrors,
        ],
        right: [props.httpApi.metricLatency({ period, statistic: 'p95', label: 'latency p95 (ms)' })],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Lambda errors by function', left: perFunction((fn) => fn.metricErrors({ statistic: 'Sum' })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Lambda throttles by function', left: perFunction((fn) => fn.metricThrottles({ statistic: 'Sum' })), width: 8 }),
      new cloudwatch.GraphWidget({ title: 'Lambda duration p95 by function (ms)', left: perFunction((fn) => fn.metricDuration({ statistic: 'p95' })), width: 8 }),
    );
    const mailWidgets: cloudwatch.IWidget[] = Object.entries(props.deadLetterQueues).map(([name, queue]) => new cloudwatch.GraphWidget({
      title: `${name}: dead letters`,
      left: [queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum', label: 'waiting' })],
      width: 12,
    }));
    if (props.configurationSetName) {
      const sesMetric = (metricName: string) => new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': props.configurationSetName! },
        period,
        statistic: 'Sum',
        label: metricName,
      });
      mailWidgets.push(new cloudwatch.GraphWidget({
        title: 'Mail (SES configuration set)',
        left: ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'DeliveryDelay'].map(sesMetric),
        width: 12,
      }));
    }
    dashboard.addWidgets(...mailWidgets);
    return dashboard;
  }
}

export interface EdgeMonitoringProps {
  /** The name of the CloudFront web ACL (its metrics' `WebACL` dimension). */
  readonly webAclName: string;
  /**
   * Requests blocked in one period above which someone is probably attacking or scanning.
   * @default 500
   */
  readonly blockedRequestsThreshold?: number;
  /**
   * Subscribed to the topic by email (the recipient confirms it).
   * @default - no subscription
   */
  readonly alarmEmail?: string;
  /** @default Duration.minutes(5) */
  readonly period?: Duration;
}

/**
 * The alarm on AWS WAF blocks at the edge. A CloudFront web ACL's metrics are in us-east-1, and an
 * alarm can notify a topic of its own region only: so this lives in the edge firewall stack with a
 * topic of its own, subscribed to the same address as the main alarm topic.
 */
export class EdgeMonitoring extends Construct {
  public readonly alarmTopic: sns.Topic;
  public readonly blockedRequestsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EdgeMonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.alarmTopic = alarmTopic(this, 'Alarms of the European Ports Alliance signing (edge)', props.alarmEmail);

    const threshold = props.blockedRequestsThreshold ?? 500;
    this.blockedRequestsAlarm = new cloudwatch.Alarm(this, 'WafBlockedRequests', {
      alarmName: `${stack.stackName}-WafBlockedRequests`,
      alarmDescription: `AWS WAF blocked ${threshold} or more requests at the edge in one period: rate limits, IP reputation or `
        + 'attack signatures. The web ACL\'s sampled requests say which rule and from where.',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/WAFV2',
        metricName: 'BlockedRequests',
        dimensionsMap: { WebACL: props.webAclName, Rule: 'ALL' },
        period: props.period ?? Duration.minutes(5),
        statistic: 'Sum',
      }),
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.alarmTopic);
    this.blockedRequestsAlarm.addAlarmAction(action);
    this.blockedRequestsAlarm.addOkAction(action);
  }
}

/**
 * The topic alarms notify, over TLS only, and emailed to `alarmEmail` when given. The policy that
 * `enforceSSL` creates replaces SNS's default one: CloudWatch alarms of this account are allowed
 * explicitly.
 */
function alarmTopic(scope: Construct, displayName: string, alarmEmail: string | undefined): sns.Topic {
  const stack = Stack.of(scope);
  const topic = new sns.Topic(scope, 'AlarmTopic', { displayName, enforceSSL: true });
  topic.addToResourcePolicy(new iam.PolicyStatement({
    actions: ['sns:Publish'],
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
    },
  }));
  if (alarmEmail) topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));
  return topic;
}
