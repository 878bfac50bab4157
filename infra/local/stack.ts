import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionId, Group, TaskFunctionId } from '../../functions/catalog';
import type { WorkflowTimings } from '../../functions/workflow/contract';
import { CONTEXT_KEYS, type LogLevel } from '../config';
import { buildConsoleScripts } from '../console-scripts';
import { REPO_ROOT } from '../handler-function';
import { freePort, LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from './aws-local';
import { ensureTable, startDynamoDbLocal } from './dynamodb';
import { startLocalHttpApi, type HttpLambdaHandler } from './http-api';
import { LocalIdentityIssuer } from './identity';
import { startLocalSecretsManager } from './secrets-manager';
import { startLocalS3 } from './s3';
import { startLocalLambdaService } from './lambda-service';
import { ensureDevelopmentSigningKey } from './development-signing-key';
import { developmentSealPaths, ensureDevelopmentSeal } from '../pki/development-seal';
import { startLocalPki } from '../pki/local-pki';
import { startLocalKms } from './kms';
import { opensslAvailable, startLocalTimestampAuthority } from '../pki/timestamp-authority';
import { startLocalSes } from './ses';
import { startLocalStepFunctions, type LocalStepFunctions } from './step-functions';
import { synthesizeForLocal, type LocalResources } from './synthesized';
import { LocalLambdaRuntime, type LocalLambdaRuntimeOptions } from './lambda-runtime';
import { workerContainer } from './worker-container';
import { startDynamoDbMeteringProxy, startS3MeteringProxy, UsageMeter } from './usage-meter';
import { eventInjectionEndpoint } from './event-sources';
import { faultControlEndpoint, startLocalFaults, type LocalFaults } from './faults';
import type { Recovery } from './recovery';
import { setTimeSource } from '../../functions/shared/clock';
import { LocalClock } from './clock';
import { clockEndpoint, idleEndpoint } from './workflow-time';
import { ScheduledRuns, scheduleRunEndpoint, startDailySchedules } from './daily-schedules';

export interface LocalStackOptions {
  /**
   * Where DynamoDB data, the development seal key and the local timestamp authority's key live.
   * @default '<repo>/.local'
   */
  readonly dataDir?: string;
  /** Keep the database in memory (tests); the seal key still goes to `dataDir`. @default false */
  readonly inMemory?: boolean;
  /** Fixed ports; any left out gets a free one. */
  readonly ports?: Partial<Record<'app' | 'mailbox' | 'dynamodb' | 'stepFunctions' | 'secretsManager' | 'kms' | 'timestampAuthority' | 's3' | 'lambda' | 'pki', number>>;
  /**
   * Seal to PAdES B-LTA through a local PKI (root, issuing CA, CRLs and an `openssl ocsp` responder) and a
   * local RFC 3161 authority it certifies; needs `openssl`. Off: seals are PAdES B-B with a self-signed
   * certificate. @default true when openssl is installed
   */
  readonly timestampAuthority?: boolean;
  /** Workflow timings, as CDK context values (e.g. short reminder intervals for tests). */
  readonly timings?: Partial<WorkflowTimings>;
  /** The functions' application log level (CDK context `logLevel`, which their resources declare). @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Count DynamoDB capacity and state transitions too (`GET /local/usage`), for `npm run cost`. @default false */
  readonly meterUsage?: boolean;
  /**
   * Fault injection for resilience tests (`/local/faults`, infra/local/faults.ts): the handlers
   * reach SES and DynamoDB Local through proxies that fail on demand, and task invocations can be
   * made to fail or crash. @default false
   */
  readonly faults?: boolean;
  /** Signing POSTs allowed per 10-minute window (CDK context, declared as RATE_LIMIT_PER_ADDRESS / RATE_LIMIT_PER_LINK). @default the product's defaults */
  readonly rateLimits?: { readonly perAddress?: number; readonly perLink?: number };
  /**
   * A clock tests move forward (`POST /local/clock`, infra/local/workflow-time.ts): the
   * workflow's waits time out by it, and the handlers read it as their time. @default false
   */
  readonly controllableClock?: boolean;
}

export interface LocalStack {
  readonly urls: { readonly app: string; readonly console: string; readonly signIn: string; readonly mailbox: string; readonly dynamodb: string; readonly stepFunctions: string; readonly s3: string };
  /** What a client of the stack's AWS services needs (the endpoints are in `urls`). */
  readonly aws: {
    readonly region: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
    readonly tableName: string;
    readonly stateMachineArn: string;
    readonly filesBucketName: string;
  };
  /**
   * Each function's environment as an invocation starts (infra/local/lambda-runtime.ts): what its
   * synthesized resource declares, resolved locally, what Lambda provides, and the local endpoints.
   */
  readonly functionEnvironments: Readonly<Record<FunctionId, Readonly<Record<string, string>>>>;
  readonly timings: WorkflowTimings;
  readonly stepFunctions: LocalStepFunctions;
  /** What the product used since start (or the last reset); also served at `GET /local/usage`. */
  readonly usage: UsageMeter;
  /** The unfinished commitments whose workflow was started again at start-up (infra/local/recovery.ts). */
  readonly recovery: Recovery;
  issueToken(group: Group, options?: { email?: string; name?: string; expiresInSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * CPU-heavy tasks run a few at a time, as separate Lambda instances would: in one process,
 * hundreds of concurrent seals would interleave until each one timed out.
 */
const LOCAL_TASK_CONCURRENCY: Partial<Record<TaskFunctionId, number>> = { 'seal-certificate': 3 };

/** The functions that spend the most CPU per call, hosted in a worker thread (infra/local/worker-container.ts). */
const WORKER_HOSTED_FUNCTIONS: readonly FunctionId[] = ['seal-certificate'];

/** The local stand-ins for the stateful stack's resources. */
export const LOCAL_RESOURCES: LocalResources = {
  tableName: 'ports-alliance-local',
  sealKeyId: 'ports-alliance-development-seal',
  sealCertificateSecretId: 'ports-alliance/seal-certificate',
  signingKeySecretId: 'ports-alliance/signing-key',
  consoleClientId: LocalIdentityIssuer.audience,
  sesConfigurationSetName: 'ports-alliance-local',
};

/** The files bucket as the stacks name it in the local account and region (infra/stateful-stack.ts). */
const LOCAL_FILES_BUCKET = `ports-alliance-files-${LOCAL_ACCOUNT}-${LOCAL_REGION}`;

/** Recovery starts executions as this function would: with its environment. */
const RECOVERY_FUNCTION: FunctionId = 'invite-organisations';

/**
 * Starts the whole product on this machine: DynamoDB Local, a local SES with its mailbox, a
 * local Secrets Manager holding the development seal key, the CDK-synthesized state machine run
 * by aws-local-stepfunctions behind the Step Functions API, and the HTTP API. Handlers run
 * in-process, unmodified, each with the environment its synthesized resource declares, finding
 * the services through `AWS_ENDPOINT_URL_*`.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = options.dataDir ?? path.join(REPO_ROOT, '.local');
  mkdirSync(dataDir, { recursive: true });
  const port = async (name: keyof NonNullable<LocalStackOptions['ports']>) => options.ports?.[name] ?? (await freePort());
  const ports = { app: await port('app'), mailbox: await port('mailbox'), dynamodb: await port('dynamodb'), stepFunctions: await port('stepFunctions'), secretsManager: await port('secretsManager'), kms: await port('kms'), timestampAuthority: await port('timestampAuthority'), s3: await port('s3'), lambda: await port('lambda'), pki: await port('pki') };
  const withTimestamps = options.timestampAuthority ?? (await opensslAvailable());
  const meter = new UsageMeter();
  // With metering, the handlers reach DynamoDB Local through a proxy that records consumed capacity.
  // With faults, they reach SES and DynamoDB Local through proxies that fail on demand.
  const faultPorts = options.faults ? { mail: await freePort(), dynamodb: await freePort() } : undefined;
  const dynamodbEndpointPort = options.meterUsage ? await freePort() : faultPorts?.dynamodb ?? ports.dynamodb;
  // With metering, the handlers reach the local S3 server through a proxy that counts requests.
  const s3EndpointPort = options.meterUsage ? await freePort() : ports.s3;
  const appUrl = `http://127.0.0.1:${ports.app}`;
  // What the deployment would take from CDK context, set for this machine: the functions' resources
  // declare these variables only because the context sets them.
  const synthesized = synthesizeForLocal({
    ...options.timings,
    [CONTEXT_KEYS.appUrl]: appUrl,
    [CONTEXT_KEYS.developmentSignInUrl]: '/local/sign-in',
    [CONTEXT_KEYS.logLevel]: options.logLevel ?? 'INFO',
    ...(options.rateLimits?.perAddress ? { [CONTEXT_KEYS.rateLimitPerAddress]: options.rateLimits.perAddress } : {}),
    ...(options.rateLimits?.perLink ? { [CONTEXT_KEYS.rateLimitPerLink]: options.rateLimits.perLink } : {}),
    ...(withTimestamps ? { [CONTEXT_KEYS.timestampAuthorityUrl]: `http://127.0.0.1:${ports.timestampAuthority}/tsa` } : {}),
  }, LOCAL_RESOURCES);
  const timings: WorkflowTimings = {
    reminderIntervalSeconds: synthesized.config.reminderIntervalSeconds,
    reminderCount: synthesized.config.reminderCount,
    reviewTimeoutSeconds: synthesized.config.reviewTimeoutSeconds,
    countersignTimeoutSeconds: synthesized.config.countersignTimeoutSeconds,
  };
  const stateMachineArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${synthesized.stateMachineName}`;
  // Each function sees its own environment only (infra/local/lambda-runtime.ts); the endpoints stand in for AWS's.
  const runtimeOptions: LocalLambdaRuntimeOptions = {
    repoRoot: REPO_ROOT,
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    credentials: LOCAL_CREDENTIALS,
    endpoints: {
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamodbEndpointPort}`,
      AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${faultPorts?.mail ?? ports.mailbox}`,
      AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${ports.stepFunctions}`,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${ports.secretsManager}`,
      AWS_ENDPOINT_URL_KMS: `http://127.0.0.1:${ports.kms}`,
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3EndpointPort}`,
      AWS_ENDPOINT_URL_LAMBDA: `http://127.0.0.1:${ports.lambda}`,
    },
  };
  const runtime = new LocalLambdaRuntime(synthesized.functions, runtimeOptions);
  // The stack's time; with a controllable clock, the handlers' time too (below), in the worker as well.
  const clock = new LocalClock();
  // The sealing function runs in a worker thread, a container of its own (infra/local/worker-container.ts).
  // Not with faults: the crash injection reaches the handlers' clients in the main thread only.
  const worker = workerContainer({
    functions: options.faults ? {} : Object.fromEntries(WORKER_HOSTED_FUNCTIONS.map((functionId) => [functionId, synthesized.functions[functionId]!])),
    options: runtimeOptions,
    clockOffset: options.controllableClock ? clock.sharedOffset : undefined,
  });
  const containerOf = (functionId: string) => (worker.hosts(functionId) ? worker : runtime);
  const invoke = (functionId: string, event: unknown) => containerOf(functionId).invoke(functionId, event);
  const load = (functionId: string) => containerOf(functionId).load(functionId);
  // What the deployed bundle of the console page has written in at build time (infra/bundle-options.ts).
  globalThis.__CONSOLE_SCRIPTS__ = buildConsoleScripts();

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => process.stderr.write(`stopping: ${(error as Error).message}\n`));
  };
  stops.push(() => worker.stop());
  try {
    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb, dataDir: options.inMemory ? undefined : path.join(dataDir, 'dynamodb') });
    stops.push(() => dynamodb.stop());
    await ensureTable(dynamodb.url, { ...synthesized.table, TableName: LOCAL_RESOURCES.tableName });
    if (options.meterUsage) {
      const proxy = await startDynamoDbMeteringProxy({ target: faultPorts ? `http://127.0.0.1:${faultPorts.dynamodb}` : dynamodb.url, meter, port: dynamodbEndpointPort });
      stops.push(() => proxy.stop());
    }

    const ses = await startLocalSes({ port: ports.mailbox });
    stops.push(() => ses.stop());
    let faults: LocalFaults | undefined;
    if (faultPorts) {
      faults = await startLocalFaults({ mail: { target: ses.url, port: faultPorts.mail }, dynamodb: { target: dynamodb.url, port: faultPorts.dynamodb } });
      stops.push(() => faults!.stop());
    }

    // The seal: a development key behind a local KMS, its certificate in the local Secrets Manager.
    const seal = await ensureDevelopmentSeal(dataDir);
    const kms = await startLocalKms({ port: ports.kms, keys: { [LOCAL_RESOURCES.sealKeyId]: seal.privateKeyPem } });
    stops.push(() => kms.stop());
    // Large files: an S3-compatible server, its objects under the data directory (or a temporary one).
    const s3Directory = options.inMemory ? mkdtempSync(path.join(tmpdir(), 'ports-alliance-s3-')) : path.join(dataDir, 's3');
    const s3 = await startLocalS3({ port: ports.s3, directory: s3Directory, buckets: [LOCAL_FILES_BUCKET], credentials: LOCAL_CREDENTIALS });
    stops.push(async () => {
      await s3.stop();
      if (options.inMemory) rmSync(s3Directory, { recursive: true, force: true });
    });
    if (options.meterUsage) {
      const proxy = await startS3MeteringProxy({ target: s3.url, meter, port: s3EndpointPort });
      stops.push(() => proxy.stop());
    }
    // Functions that start another one (the export builder) invoke it through the Lambda API.
    const lambda = await startLocalLambdaService({
      port: ports.lambda,
      isFunction: (functionId) => functionId in synthesized.functions,
      invoke,
    });
    stops.push(() => lambda.stop());
    let timestampTrustPem: string | undefined;
    let certificateChainPem = seal.certificatePem;
    if (withTimestamps) {
      // The local PKI certifies the KMS key and the timestamp authority, and publishes their status.
      const pki = await startLocalPki({ port: ports.pki, dataDir, sealPrivateKeyFile: developmentSealPaths(dataDir).privateKey });
      stops.push(() => pki.stop());
      const timestampAuthority = await startLocalTimestampAuthority({
        port: ports.timestampAuthority,
        dataDir,
        issuedBy: { key: pki.files.timestampKey, certificateFile: pki.files.timestampCertificate, certificateChainPem: pki.timestampChainPem() },
        onTokenIssued: options.meterUsage ? () => meter.recordTimestampToken() : undefined,
      });
      stops.push(() => timestampAuthority.stop());
      certificateChainPem = pki.sealChainPem();
      timestampTrustPem = readFileSync(pki.files.rootCertificate, 'utf8');
    }
    const sealCertificate = JSON.stringify({ certificateChainPem, ...(timestampTrustPem ? { timestampTrustPem } : {}) });
    const secrets = await startLocalSecretsManager({ port: ports.secretsManager, secrets: { [LOCAL_RESOURCES.sealCertificateSecretId]: sealCertificate, [LOCAL_RESOURCES.signingKeySecretId]: ensureDevelopmentSigningKey(dataDir) } });
    stops.push(() => secrets.stop());

    const taskHandlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
    const functionHandlers = new Map<string, (payload: unknown) => Promise<unknown>>();
    for (const [state, functionId] of Object.entries(synthesized.taskFunctionByState)) {
      let handler = functionHandlers.get(functionId);
      if (!handler) {
        const invokeTask = (payload: unknown) => invoke(functionId, payload);
        handler = meter.timed('task', functionId, faults ? (payload: unknown) => faults!.tasks.run(functionId, () => invokeTask(payload)) : invokeTask);
        functionHandlers.set(functionId, handler);
      }
      taskHandlers[state] = handler;
    }
    // Handlers run in this process: with a controllable clock, their time is the stack's.
    if (options.controllableClock) {
      setTimeSource(() => clock.now());
      stops.push(async () => setTimeSource());
    }
    const stepFunctions = await startLocalStepFunctions({
      definition: synthesized.definition,
      stateMachineArn,
      taskHandlers,
      taskConcurrency: Object.entries(LOCAL_TASK_CONCURRENCY).map(([functionId, limit]) => ({
        limit,
        states: Object.entries(synthesized.taskFunctionByState).filter(([, id]) => id === functionId).map(([state]) => state),
      })),
      clock,
      port: ports.stepFunctions,
      // Step Functions Standard bills each state entered, retries included.
      onExecutionEvent: options.meterUsage ? (event) => (event.type === 'StateEntered' || event.type === 'StateRetried') && meter.recordStateEntered() : undefined,
    });
    stops.push(() => stepFunctions.stop());

    // EventBridge Scheduler's daily schedules (the digest), on the stack's clock.
    const background = new ScheduledRuns();
    stops.push(async () => {
      stopSchedules();
      await background.whenIdle();
    });
    const stopSchedules = startDailySchedules({
      clock,
      hourUtc: synthesized.config.digestHourUtc,
      background,
      invoke,
      onError: (functionId, error) => process.stderr.write(`${functionId} failed: ${(error as Error).message}\n`),
    });

    const identity = await LocalIdentityIssuer.create();
    const api = await startLocalHttpApi({
      port: ports.app,
      identity,
      // Loading is not part of a request's metered time, as before a warm container's invocation.
      loadHandler: async (functionId) => {
        await load(functionId);
        return meter.timed('api', functionId, (event) => invoke(functionId, event) as ReturnType<HttpLambdaHandler>);
      },
      usage: meter,
      localEndpoints: [
        eventInjectionEndpoint(async (functionId) => (event) => invoke(functionId, event)),
        idleEndpoint(stepFunctions, [background, lambda]),
        scheduleRunEndpoint({ clock, background, invoke }),
        ...(options.controllableClock ? [clockEndpoint(clock)] : []),
        ...(faults ? [faultControlEndpoint(faults)] : []),
      ],
    });
    stops.push(() => api.stop());

    // Executions lived in memory: start the workflow of every unfinished commitment again, as the
    // function that starts executions would (with its environment; loaded in it, not before).
    const recovery = await runtime.runAs(RECOVERY_FUNCTION, async () => (await import('./recovery')).redriveUnfinishedCommitments());

    let stopping: Promise<void> | undefined;
    return {
      urls: { app: appUrl, console: `${appUrl}/console`, signIn: `${appUrl}/local/sign-in`, mailbox: ses.url, dynamodb: dynamodb.url, stepFunctions: stepFunctions.url, s3: s3.url },
      aws: { region: LOCAL_REGION, credentials: { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, secretAccessKey: LOCAL_CREDENTIALS.secretAccessKey }, tableName: LOCAL_RESOURCES.tableName, stateMachineArn, filesBucketName: LOCAL_FILES_BUCKET },
      functionEnvironments: runtime.allEnvironments() as Readonly<Record<FunctionId, Readonly<Record<string, string>>>>,
      timings,
      stepFunctions,
      usage: meter,
      recovery,
      issueToken: (group, tokenOptions = {}) => identity.issue({ group, email: tokenOptions.email, name: tokenOptions.name }, tokenOptions.expiresInSeconds),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

