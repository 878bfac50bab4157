import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS, EVENT_FUNCTIONS, TASK_FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { SEAL_CHECK_FAILED } from '../../functions/workflow/contract';
import { createApp, type CreatedApp } from '../../infra/create-app';
import { VARIANTS } from './variants';

type Json = Record<string, any>;

let created: CreatedApp;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  created = createApp({ skipBundling: true, validateTemplates: false, context: VARIANTS.alarmEmail });
  stateful = Template.fromStack(created.stateful);
  stateless = Template.fromStack(created.stateless);
}, 300_000);

const functionIds = [...Object.keys(API_FUNCTIONS), ...Object.keys(TASK_FUNCTIONS), ...Object.keys(EVENT_FUNCTIONS)] as FunctionId[];
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  created.stateless.getLogicalId(construct.node.defaultChild as never);
const alarms = (): Json[] => Object.values<Json>(stateless.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
const alarmTopicRef = () => ({ Ref: logicalIdOf(created.stateless.monitoring.alarmTopic) });
const alarmOn = (metricName: string, dimension: Json): Json[] =>
  alarms().filter((alarm) => alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions ?? []).includes(JSON.stringify(dimension)));

describe('alarms', () => {
  it.each(['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])('alarm at the first %s of the commitment workflow', (metricName) => {
    const stateMachine = { Ref: logicalIdOf(created.stateless.workflow.stateMachine) };
    const [alarm, ...more] = alarmOn(metricName, { Name: 'StateMachineArn', Value: stateMachine });
    expect(more).toHaveLength(0);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/States',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [alarmTopicRef()],
    });
  });

  it('watches every function of the catalog for errors and throttles', () => {
    for (const id of functionIds) {
      const dimension = { Name: 'FunctionName', Value: { Ref: logicalIdOf(created.stateless.functions[id]) } };
      expect(alarmOn('Errors', dimension), `${id} errors`).toHaveLength(1);
      expect(alarmOn('Throttles', dimension), `${id} throttles`).toHaveLength(1);
    }
  });

  it('alarms at the first error of an API function, and from 3 errors of a function that is retried', () => {
    const thresholdOf = (id: FunctionId) =>
      alarmOn('Errors', { Name: 'FunctionName', Value: { Ref: logicalIdOf(created.stateless.functions[id]) } })[0]!.Threshold;
    expect(thresholdOf('submit-signature')).toBe(1);
    expect(thresholdOf('seal-certificate')).toBe(3);
    expect(thresholdOf('record-mail-event')).toBe(3);
  });

  it('alarms at the first seal that failed its own check, counted from the sealing functions\' logs', () => {
    const [alarm, ...more] = alarms().filter((candidate) => candidate.MetricName === 'SealCheckFailures');
    expect(more).toHaveLength(0);
    expect(alarm).toMatchObject({ Namespace: 'PortsAlliance', Statistic: 'Sum', Threshold: 1, AlarmActions: [alarmTopicRef()] });
    const filters = Object.values<Json>(stateless.findResources('AWS::Logs::MetricFilter')).map((filter) => filter.Properties);
    for (const id of ['seal-certificate', 'generate-joint-declaration'] as const) {
      const logGroup = { Ref: created.stateless.getLogicalId(created.stateless.functions[id].logGroup.node.defaultChild as never) };
      const filter = filters.find((candidate) => JSON.stringify(candidate.LogGroupName) === JSON.stringify(logGroup));
      expect(filter, id).toMatchObject({
        FilterPattern: `{ $.message = "${SEAL_CHECK_FAILED.logMessage}" }`,
        MetricTransformations: [{ MetricNamespace: 'PortsAlliance', MetricName: 'SealCheckFailures', MetricValue: '1' }],
      });
    }
  });

  it('alarms on 5xx answers of the HTTP API, which handlers return without a Lambda error', () => {
    const [alarm] = alarmOn('5xx', { Name: 'ApiId', Value: { Ref: logicalIdOf(created.stateless.httpApi) } });
    expect(alarm).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', AlarmActions: [alarmTopicRef()] });
  });

  it('alarms as soon as a message waits in the dead-letter queue of record-mail-event', () => {
    const queue = { 'Fn::GetAtt': [logicalIdOf(created.stateless.deadLetterQueues['record-mail-event']), 'QueueName'] };
    const [alarm] = alarmOn('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: queue });
    expect(alarm).toMatchObject({ Namespace: 'AWS/SQS', Statistic: 'Maximum', Threshold: 1, AlarmActions: [alarmTopicRef()], OKActions: [alarmTopicRef()] });
  });

  it('alarms on signs of abuse: 4xx, 429 and 401 spikes, signing links locked by wrong codes', () => {
    const api = { Name: 'ApiId', Value: { Ref: logicalIdOf(created.stateless.httpApi) } };
    expect(alarmOn('4xx', api)[0]).toMatchObject({ Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Threshold: 500 });
    const filters = Object.values<Json>(stateless.findResources('AWS::Logs::MetricFilter')).map((filter) => filter.Properties);
    const accessLog = { Ref: logicalIdOf(created.stateless.accessLogGroup) };
    const lockOutLog = { Ref: logicalIdOf(created.stateless.functions['check-signing-code'].logGroup) };
    const filterOf = (metricName: string) => filters.find((filter) => filter.MetricTransformations[0].MetricName === metricName);
    expect(filterOf('ApiTooManyRequests')).toMatchObject({ LogGroupName: accessLog, FilterPattern: '{ $.status = "429" }' });
    expect(filterOf('AuthorizerRejections')).toMatchObject({ LogGroupName: accessLog, FilterPattern: '{ $.status = "401" }' });
    expect(filterOf('SigningLinkLockOuts')).toMatchObject({ LogGroupName: lockOutLog, FilterPattern: '{ $.message = "signing link locked after wrong codes" }' });
    for (const [metricName, threshold] of [['ApiTooManyRequests', 50], ['AuthorizerRejections', 50], ['SigningLinkLockOuts', 5]] as const) {
      const [alarm, ...more] = alarms().filter((candidate) => candidate.MetricName === metricName);
      expect(more, metricName).toHaveLength(0);
      expect(alarm, metricName).toMatchObject({ Namespace: filterOf(metricName)!.MetricTransformations[0].MetricNamespace, Statistic: 'Sum', Threshold: threshold });
    }
  });

  it('alarms before SES\'s own review thresholds of the bounce (5%) and complaint (0.1%) rates', () => {
    const reputation = (metricName: string) => alarms().filter((alarm) => alarm.Namespace === 'AWS/SES' && alarm.MetricName === metricName);
    expect(reputation('Reputation.BounceRate')).toEqual([expect.objectContaining({ Statistic: 'Maximum', Threshold: 0.04 })]);
    expect(reputation('Reputation.ComplaintRate')).toEqual([expect.objectContaining({ Statistic: 'Maximum', Threshold: 0.0008 })]);
  });

  it('sends every alarm, and its return to OK, to the alarm topic', () => {
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, alarm.AlarmName).toEqual([alarmTopicRef()]);
      expect(alarm.OKActions, alarm.AlarmName).toEqual([alarmTopicRef()]);
    }
  });
});

describe('alarm topic', () => {
  it('emails the address given as the alarmEmail context value', () => {
    stateless.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@ports-alliance.example.eu', TopicArn: alarmTopicRef() });
  });

  it('has no email subscription without alarmEmail', () => {
    const plain = Template.fromStack(createApp({ skipBundling: true, validateTemplates: false, stackNamePrefix: 'NoAlarmEmail' }).stateless);
    expect(Object.keys(plain.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } }))).toHaveLength(0);
  }, 120_000);

  it('lets CloudWatch alarms of this account publish, over TLS only', () => {
    const [policy] = Object.values<Json>(stateless.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [alarmTopicRef()] } }));
    const statements: Json[] = policy!.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({
      Effect: 'Allow',
      Action: 'sns:Publish',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
    }));
  });

  it('is an output, with the dashboard name', () => {
    stateless.hasOutput('AlarmTopicArn', { Value: alarmTopicRef() });
    stateless.hasOutput('DashboardName', {});
  });
});

describe('dashboard', () => {
  it('shows the alarms, the workflow, the API, every function, the dead letters and the mail', () => {
    const [dashboard] = Object.values<Json>(stateless.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const title of ['Alarms', 'Commitment workflow executions', 'HTTP API', 'Lambda errors by function', 'Lambda throttles by function',
      'record-mail-event: dead letters', 'Mail (SES configuration set)']) {
      expect(body, title).toContain(title);
    }
    // The body is JSON inside a CloudFormation string: its quotes arrive escaped.
    for (const id of functionIds) expect(body, id).toContain(`\\"label\\":\\"${id}\\"`);
  });
});

describe('bounces and complaints', () => {
  const mailEventsTopic = () => created.stateful.mailEventsTopic;

  it('sends bounces, complaints, rejects and delivery delays of the configuration set to the mail events topic', () => {
    stateful.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject', 'deliveryDelay'],
        SnsDestination: { TopicARN: { Ref: created.stateful.getLogicalId(mailEventsTopic().node.defaultChild as never) } },
      },
    });
  });

  it('lets only SES, for this configuration set, publish to the mail events topic, over TLS only', () => {
    const topic = { Ref: created.stateful.getLogicalId(mailEventsTopic().node.defaultChild as never) };
    const [policy] = Object.values<Json>(stateful.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [topic] } }));
    const statements: Json[] = policy!.Properties.PolicyDocument.Statement;
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 'sns:Publish',
      Principal: { Service: 'ses.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceAccount': { Ref: 'AWS::AccountId' }, 'AWS:SourceArn': expect.anything() } },
    });
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('subscribes record-mail-event to the topic, with a dead-letter queue for what SNS cannot deliver', () => {
    const queue = logicalIdOf(created.stateless.deadLetterQueues['record-mail-event']);
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [logicalIdOf(created.stateless.functions['record-mail-event']), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
  });

  it('gives record-mail-event two retries, then its dead-letter queue', () => {
    const functionLogicalId = logicalIdOf(created.stateless.functions['record-mail-event']);
    const queue = logicalIdOf(created.stateless.deadLetterQueues['record-mail-event']);
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Description: EVENT_FUNCTIONS['record-mail-event'].description,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionLogicalId },
      MaximumRetryAttempts: 2,
    });
  });

  it('keeps dead letters 14 days, encrypted, over TLS only', () => {
    const queueId = logicalIdOf(created.stateless.deadLetterQueues['record-mail-event']);
    expect(stateless.toJSON().Resources[queueId].Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    const [policy] = Object.values<Json>(stateless.findResources('AWS::SQS::QueuePolicy', { Properties: { Queues: [{ Ref: queueId }] } }));
    expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('lets SNS put undeliverable events into that queue, for this topic only', () => {
    const queueId = logicalIdOf(created.stateless.deadLetterQueues['record-mail-event']);
    const [policy] = Object.values<Json>(stateless.findResources('AWS::SQS::QueuePolicy', { Properties: { Queues: [{ Ref: queueId }] } }));
    expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Principal: { Service: 'sns.amazonaws.com' },
      Condition: { ArnEquals: { 'aws:SourceArn': expect.anything() } },
    }));
  });
});
