import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type CfnElement, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  API_FUNCTIONS,
  ENV,
  EVENT_FUNCTIONS,
  FUNCTIONS,
  ROUTES,
  routeScopes,
  TASK_FUNCTIONS,
  type ApiFunctionId,
  type EventFunctionId,
  type FunctionId,
  type FunctionNeeds,
  type TaskFunctionId,
} from '../functions/catalog';
import { signatureWindowSeconds } from '../functions/workflow/contract';
import { CommitmentWorkflow } from './commitment-workflow';
import { createOriginVerifySecret } from './edge';
import type { DeploymentConfig } from './config';
import { HandlerFunction } from './handler-function';
import { Monitoring, type MonitoredFunction } from './monitoring';
import { filesBucketName, GSI1 } from './stateful-stack';
import { sealingRoleName } from './seal-key-access';

const isEventFunction = (functionId: string): functionId is EventFunctionId => functionId in EVENT_FUNCTIONS;

/** `METHOD /path` of each route anyone may call. */
const PUBLIC_ROUTE_KEYS = new Set(ROUTES.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.path}`));
/** The functions that serve public routes only: their concurrency is capped (and reserved). */
const PUBLIC_FUNCTIONS = new Set<FunctionId>(ROUTES.filter((route) => route.access === 'public').map((route) => route.functionId)
  .filter((functionId) => ROUTES.every((route) => route.functionId !== functionId || route.access === 'public')));

/** The construct holding the functions: `<stack>/Functions/<catalog id>/Resource` is each one's `aws:cdk:path`. */
export const FUNCTIONS_SCOPE = 'Functions';

// No Scan: every access pattern is a key lookup or a Query (docs/records.md).
// Only what the store calls: no batch operations and no DescribeTable (nothing uses them).
// Transactions need no action of their own: each item is authorised as its Put/Update/Delete/ConditionCheck.
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
const TASK_RESPONSE_ACTIONS = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

export interface StatelessStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly table: dynamodb.ITable;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /**
   * The Cognito domain of the console's hosted sign-in.
   * @default - none: the console says how to add one
   */
  readonly userPoolDomain?: cognito.UserPoolDomain;
  /** The asymmetric KMS key that seals. */
  readonly sealKey: kms.IKey;
  readonly sealCertificateSecret: secretsmanager.ISecret;
  /** The HMAC key of the signing pages. */
  readonly signingKeySecret: secretsmanager.ISecret;
  readonly configurationSet: ses.IConfigurationSet;
  /** The SES configuration set's topic for bounces, complaints, rejects and delays. */
  readonly mailEventsTopic: sns.ITopic;
  /**
   * Throttling of the HTTP API's default stage.
   * @default { rateLimit: 50, burstLimit: 100 }
   */
  readonly throttle?: apigwv2.ThrottleSettings;
  /**
   * Throttling of each public route (signing pages, verification, register, console page), lower
   * than the stage's default that the admin and auditor routes keep, so that public traffic cannot
   * use up what the admin routes are allowed.
   * @default { rateLimit: 20, burstLimit: 40 }
   */
  readonly publicRouteThrottle?: apigwv2.ThrottleSettings;
  /**
   * Name of the secret that CloudFront (infra/edge.ts) sends and every API function checks.
   * @default - no edge (the local stack only): the functions take requests straight from the API
   */
  readonly originVerifySecretName?: string;
  /**
   * What happens to log groups when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * What can be replaced at any time: the functions of the catalog, the commitment workflow and
 * the HTTP API in front of them.
 */
export class StatelessStack extends Stack {
  /** Every function of the catalog, by id. */
  public readonly functions: Readonly<Record<FunctionId, HandlerFunction>>;
  public readonly workflow: CommitmentWorkflow;
  /** The state machine's ARN, built from its name so that its own task functions can refer to it. */
  public readonly stateMachineArn: string;
  public readonly httpApi: apigwv2.HttpApi;
  public readonly stage: apigwv2.HttpStage;
  public readonly accessLogGroup: logs.LogGroup;
  public readonly authorizer: HttpJwtAuthorizer;
  /** Where each event function's events go after Lambda's last retry, by catalog id. */
  public readonly deadLetterQueues: Readonly<Record<EventFunctionId, sqs.Queue>>;
  /** The daily schedule of each `daily-schedule` event function (the digest). */
  public readonly dailySchedules: Partial<Record<EventFunctionId, scheduler.Schedule>> = {};
  public readonly monitoring: Monitoring;
  /** The stateful stack's files bucket, by its name in this account and region. */
  public readonly filesBucket: s3.IBucket;
  /** What CloudFront sends and every API function checks, when the deployment has an edge. */
  public readonly originVerifySecret?: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.filesBucket = s3.Bucket.fromBucketName(this, 'FilesBucket', filesBucketName(this));
    const { config } = props;
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    const stateMachineName = `${this.stackName}-commitment`;
    this.stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    // Functions: one per catalog entry, construct id = catalog id.
    const functionsScope = new Construct(this, FUNCTIONS_SCOPE);
    // Created before the functions, which are told where its secret is.
    this.originVerifySecret = props.originVerifySecretName ? createOriginVerifySecret(this, 'OriginVerifySecret', props.originVerifySecretName) : undefined;
    const specs = FUNCTIONS;
    this.deadLetterQueues = this.eventDeadLetterQueues(functionsScope);
    const functions = {} as Record<FunctionId, HandlerFunction>;
    for (const functionId of Object.keys(specs) as FunctionId[]) {
      const spec = specs[functionId];
      functions[functionId] = new HandlerFunction(functionsScope, functionId, {
        spec,
        environment: this.environmentFor(functionId, spec.needs, props),
        logRemovalPolicy,
        deadLetterQueue: isEventFunction(functionId) ? this.deadLetterQueues[functionId] : undefined,
        sourceMaps: config.sourceMaps,
        applicationLogLevel: config.logLevel,
        logRetention: config.logRetentionDays,
        // The seal key's policy names the sealing roles (infra/seal-key-access.ts).
        roleName: spec.needs.sealKey ? sealingRoleName(this.stackName, functionId) : undefined,
        reservedConcurrentExecutions: PUBLIC_FUNCTIONS.has(functionId) && config.publicFunctionConcurrency > 0 ? config.publicFunctionConcurrency : undefined,
      });
    }
    this.functions = functions;
    this.subscribeEventFunctions(props);

    // The workflow.
    const taskFunctions = Object.fromEntries(
      (Object.keys(TASK_FUNCTIONS) as TaskFunctionId[]).map((functionId) => [functionId, functions[functionId]]),
    ) as Record<TaskFunctionId, HandlerFunction>;
    this.workflow = new CommitmentWorkflow(this, 'Workflow', {
      functions: taskFunctions,
      timings: config,
      stateMachineName,
      logRemovalPolicy,
      logRetention: config.logRetentionDays,
    });

    // Grants.
    for (const functionId of Object.keys(functions) as FunctionId[]) {
      this.grant(functionId, functions[functionId], specs[functionId].needs, props);
    }

    // The HTTP API.
    this.accessLogGroup = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetentionDays,
      removalPolicy: logRemovalPolicy,
    });
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `${this.stackName}-api`,
      description: 'Signing of the European Ports Alliance joint declaration',
      createDefaultStage: false,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        // The route key, never the path or the query: signing links carry their secret in the path.
        // No client address either: the record keeps only keyed hashes of those, and a log must not
        // keep more than the record.
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId',
          requestTime: '$context.requestTime',
          routeKey: '$context.routeKey',
          status: '$context.status',
          protocol: '$context.protocol',
          responseLength: '$context.responseLength',
          responseLatency: '$context.responseLatency',
          integrationLatency: '$context.integrationLatency',
          integrationError: '$context.integrationErrorMessage',
          authorizerError: '$context.authorizer.error',
        })),
      },
    });

    // Cognito's access tokens carry no `aud`: API Gateway checks their `client_id` against the
    // audience, so only the console's client's tokens pass. An ID token of that client also has it
    // as `aud`, but carries no scope: every protected route asks for one (below).
    this.authorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId] },
    );
    const integrations = new Map<ApiFunctionId, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      let integration = integrations.get(route.functionId);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.functionId}-integration`, functions[route.functionId]);
        integrations.set(route.functionId, integration);
      }
      const isPublic = route.access === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration,
        authorizer: isPublic ? undefined : this.authorizer,
        // An access token with the API scope of one of the route's groups; the handler checks the group too.
        authorizationScopes: isPublic ? undefined : routeScopes(route.access),
      });
      if (isPublic && httpRoute) {
        Validations.of(httpRoute.node.defaultChild!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: route.path.startsWith('/sign/')
            ? 'Signatories have no account: the 256-bit secret of the emailed link is the credential; the '
              + 'handler checks its hash, expiry and rate limit. GET/HEAD only render, POST needs the session and anti-CSRF token.'
            : route.functionId === 'verify-document'
              ? 'Anyone may check a document: the answer says only whether we issued it, for which organisation and '
                + 'declaration, when and whether it was revoked; it reads by exact hash or id and changes nothing.'
              : 'Static console page (HTML and script, no data): it signs in with Cognito and calls the JWT-protected /api routes.',
        });
      }
    }

    this.throttlePublicRoutes(props.publicRouteThrottle ?? { rateLimit: 20, burstLimit: 40 });

    this.acknowledgeStateMachineFindings(taskFunctions);

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: Object.fromEntries(Object.entries(functions).map(([functionId, fn]): [string, MonitoredFunction] =>
        [functionId, { fn, logGroup: fn.logGroup, role: functionId in API_FUNCTIONS ? 'api' : isEventFunction(functionId) ? 'event' : 'task' }])),
      stateMachine: this.workflow.stateMachine,
      httpApi: this.httpApi,
      deadLetterQueues: this.deadLetterQueues,
      configurationSetName: props.configurationSet.configurationSetName,
      alarmEmail: config.alarmEmail,
      accessLogGroup: this.accessLogGroup,
      lockOutLogGroups: [functions['check-signing-code'].logGroup],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'UserPoolId', { value: props.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: props.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: props.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn, description: 'Subscribe operators to the alarms here' });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }

  /** The catalog id of each function by the logical id of its `AWS::Lambda::Function` in this stack's template. */
  public functionIdsByLogicalId(): Record<string, FunctionId> {
    return Object.fromEntries(Object.entries(this.functions).map(([functionId, fn]) =>
      [this.getLogicalId(fn.node.defaultChild as CfnElement), functionId as FunctionId]));
  }

  private environmentFor(functionId: FunctionId, needs: FunctionNeeds, props: StatelessStackProps): Record<string, string> {
    const { config } = props;
    const isApi = functionId in API_FUNCTIONS;
    const env: Record<string, string> = { [ENV.tableName]: props.table.tableName };
    // Task functions answer with the task token alone; only the API needs the state machine's ARN.
    if (needs.workflow && isApi) env[ENV.stateMachineArn] = this.stateMachineArn;
    if (needs.mail) {
      env[ENV.senderAddress] = config.senderAddress;
      env[ENV.sesConfigurationSet] = props.configurationSet.configurationSetName;
      env[ENV.appUrl] = config.appUrl;
    }
    if (needs.contact) {
      env[ENV.appUrl] = config.appUrl;
      env[ENV.commissionContactAddress] = config.commissionContactAddress;
    }
    if (needs.links) env[ENV.linkValiditySeconds] = String(signatureWindowSeconds(config));
    if (needs.signIn) {
      env[ENV.cognitoClientId] = props.userPoolClient.userPoolClientId;
      if (props.userPoolDomain) env[ENV.cognitoDomainUrl] = props.userPoolDomain.baseUrl();
      if (config.developmentSignInUrl) env[ENV.developmentSignInUrl] = config.developmentSignInUrl;
    }
    if (needs.rateLimited) {
      if (config.rateLimitPerAddress) env[ENV.rateLimitPerAddress] = String(config.rateLimitPerAddress);
      if (config.rateLimitPerLink) env[ENV.rateLimitPerLink] = String(config.rateLimitPerLink);
    }
    if (needs.sealKey) {
      env[ENV.sealKeyId] = props.sealKey.keyArn;
      env[ENV.sealCertificateSecretId] = props.sealCertificateSecret.secretArn;
      if (config.timestampAuthorityUrl) env[ENV.timestampAuthorityUrl] = config.timestampAuthorityUrl;
    }
    if (needs.sealTrust) env[ENV.sealCertificateSecretId] = props.sealCertificateSecret.secretArn;
    if (needs.signingKey) env[ENV.signingKeySecretId] = props.signingKeySecret.secretArn;
    if (needs.files) env[ENV.filesBucketName] = this.filesBucket.bucketName;
    if (isApi && this.originVerifySecret) env[ENV.originVerifySecretId] = this.originVerifySecret.secretArn;
    // Every HTTP answer adds HSTS when the app's address is HTTPS (functions/shared/http.ts).
    if (isApi) env[ENV.appUrl] = config.appUrl;
    return env;
  }

  private grant(functionId: FunctionId, fn: HandlerFunction, needs: FunctionNeeds, props: StatelessStackProps): void {
    const stateMachine = this.workflow.stateMachine;
    const isApi = functionId in API_FUNCTIONS;

    // Explicit statements rather than table.grantReadData: they name the one index instead of `index/*`.
    if (needs.table !== 'none') {
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: needs.table === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/${GSI1.indexName}`],
      }));
    }
    if (needs.workflow === 'start') stateMachine.grantStartExecution(fn);
    if (needs.workflow === 'answer') {
      if (isApi) {
        stateMachine.grantTaskResponse(fn);
      } else {
        // The state machine invokes this function: refer to it by name, not by reference, or the
        // function, its policy and the state machine would depend on each other.
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: TASK_RESPONSE_ACTIONS, resources: [this.stateMachineArn] }));
      }
    }
    if (needs.mail) {
      const { senderAddress } = props.config;
      const senderDomain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1);
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderDomain }),
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: senderAddress }),
          this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: props.configurationSet.configurationSetName }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': senderAddress } },
      }));
    }
    if (needs.sealKey) {
      // Signing only: no kms:GetPublicKey, no decrypt, no key administration.
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['kms:Sign'], resources: [props.sealKey.keyArn] }));
      props.sealCertificateSecret.grantRead(fn);
    }
    if (needs.sealTrust) props.sealCertificateSecret.grantRead(fn);
    if (needs.signingKey) props.signingKeySecret.grantRead(fn);
    if (needs.files) {
      // Objects only, never the bucket itself (no listing) and no deletion: expiry is the lifecycle rules' job.
      const actions = [
        ...(needs.files !== 'write' ? ['s3:GetObject'] : []),
        ...(needs.files !== 'read' ? ['s3:PutObject', 's3:AbortMultipartUpload'] : []),
      ];
      fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [this.filesBucket.arnForObjects('*')] }));
      this.acknowledgePolicyFinding(fn, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::ports-alliance-files-<AWS::AccountId>-<AWS::Region>/*]',
        'The objects of the files bucket: exports and previews are named by ids made at run time; the grant names this one bucket.');
    }
    if (needs.startsExports) {
      const builder = this.functions['build-document-export'];
      fn.addEnvironment(ENV.exportBuilderFunctionName, builder.functionName);
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [builder.functionArn] }));
    }
    if (isApi && this.originVerifySecret) this.originVerifySecret.grantRead(fn);
  }

  private acknowledgePolicyFinding(fn: HandlerFunction, id: string, reason: string): void {
    const policy = fn.role?.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (policy) Validations.of(policy).acknowledge({ id, reason });
  }

  /**
   * Route-level throttling of the public routes on the stage (`RouteSettings`); the admin and auditor
   * routes keep the stage's higher default. Each route setting names a route key, which must exist
   * before the stage is updated.
   */
  private throttlePublicRoutes(throttle: apigwv2.ThrottleSettings): void {
    const stage = this.stage.node.defaultChild as apigwv2.CfnStage;
    const routeSettings: Record<string, { ThrottlingRateLimit?: number; ThrottlingBurstLimit?: number }> = {};
    for (const route of this.httpApi.node.findAll()) {
      if (!(route instanceof apigwv2.CfnRoute)) continue;
      const routeKey = route.routeKey;
      if (!PUBLIC_ROUTE_KEYS.has(routeKey)) continue;
      routeSettings[routeKey] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
      stage.addResourceDependency(route);
    }
    stage.addPropertyOverride('RouteSettings', routeSettings);
  }

  /** One dead-letter queue per event function: its events land there after Lambda's last retry. */
  private eventDeadLetterQueues(scope: Construct): Record<EventFunctionId, sqs.Queue> {
    return Object.fromEntries((Object.keys(EVENT_FUNCTIONS) as EventFunctionId[]).map((functionId) => [functionId, new sqs.Queue(scope, `${functionId}-dlq`, {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    })])) as Record<EventFunctionId, sqs.Queue>;
  }

  /**
   * Each event function subscribes to its source. SNS invokes Lambda asynchronously: Lambda
   * retries twice, then the function's dead-letter queue takes the event; an event SNS itself
   * cannot deliver goes to the same queue.
   */
  private subscribeEventFunctions(props: StatelessStackProps): void {
    for (const [functionId, spec] of Object.entries(EVENT_FUNCTIONS) as [EventFunctionId, (typeof EVENT_FUNCTIONS)[EventFunctionId]][]) {
      const fn = this.functions[functionId];
      fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });
      switch (spec.source) {
        case 'mail-events':
          props.mailEventsTopic.addSubscription(new snsSubscriptions.LambdaSubscription(fn, { deadLetterQueue: this.deadLetterQueues[functionId] }));
          break;
        case 'daily-schedule':
          this.dailySchedules[functionId] = this.dailySchedule(functionId, fn, spec.description, props.config.digestHourUtc);
          break;
        case 'export-requests':
          // Invoked by the functions that start exports (grant above); nothing to subscribe to.
          break;
      }
    }
  }

  /**
   * EventBridge Scheduler invokes the function asynchronously, daily at `hourUtc`:00 UTC, with a
   * role of its own that only this account's Scheduler may assume and that may invoke this one
   * function (and send what it cannot deliver to the function's dead-letter queue).
   */
  private dailySchedule(functionId: EventFunctionId, fn: HandlerFunction, description: string, hourUtc: number): scheduler.Schedule {
    const role = new iam.Role(fn, 'ScheduleRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: `EventBridge Scheduler invokes ${functionId}`,
    });
    const schedule = new scheduler.Schedule(fn, 'Daily', {
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: String(hourUtc) }),
      description: `${description} (daily at ${hourUtc}:00 UTC)`,
      target: new schedulerTargets.LambdaInvoke(fn, {
        role,
        deadLetterQueue: this.deadLetterQueues[functionId],
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
      }),
    });
    const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (policy) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: `lambda:InvokeFunction on the versions and aliases (":*") of ${functionId}, the schedule's one target, as the Scheduler target grants it.`,
      });
    }
    return schedule;
  }

  /** cdk-nag findings on the state machine's role policy, each acknowledged with its reason. */
  private acknowledgeStateMachineFindings(taskFunctions: Readonly<Record<TaskFunctionId, HandlerFunction>>): void {
    const policy = this.workflow.stateMachine.role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (!policy) return;
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Execution logging and X-Ray: the CloudWatch Logs delivery actions (logs:CreateLogDelivery, ...) and '
        + 'xray:PutTraceSegments/PutTelemetryRecords/GetSampling* support no resource-level permissions.',
    });
    for (const [functionId, fn] of Object.entries(taskFunctions)) {
      const logicalId = this.getLogicalId(fn.node.defaultChild as CfnElement);
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason: `lambda:InvokeFunction on the versions and aliases (":*") of ${functionId}, a task of this workflow, `
          + 'as the LambdaInvoke task grants it.',
      });
    }
  }
}
