import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_FUNCTIONS, ENV, TASK_FUNCTIONS, type ApiFunctionId, type Group, type TaskFunctionId } from '../../functions/catalog';
import { createDevelopmentSealKey } from '../../functions/pdf/development-seal-key';
import { signatureWindowSeconds, type WorkflowTimings } from '../../functions/workflow/contract';
import { REPO_ROOT } from '../handler-function';
import { freePort, LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from './aws-local';
import { ensureTable, startDynamoDbLocal } from './dynamodb';
import { startLocalHttpApi, type HttpLambdaHandler } from './http-api';
import { LocalIdentityIssuer } from './identity';
import { startLocalSecretsManager } from './secrets-manager';
import { startLocalSes } from './ses';
import { startLocalStepFunctions, type LocalStepFunctions } from './step-functions';
import { synthesizeForLocal } from './synthesized';

export interface LocalStackOptions {
  /**
   * Where DynamoDB data and the development seal key live.
   * @default '<repo>/.local'
   */
  readonly dataDir?: string;
  /** Keep the database in memory (tests); the seal key still goes to `dataDir`. @default false */
  readonly inMemory?: boolean;
  /** Fixed ports; any left out gets a free one. */
  readonly ports?: Partial<Record<'app' | 'mailbox' | 'dynamodb' | 'stepFunctions' | 'secretsManager', number>>;
  /** Workflow timings, as CDK context values (e.g. short reminder intervals for tests). */
  readonly timings?: Partial<WorkflowTimings>;
  /** Powertools log level of the handlers. @default 'INFO' */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
}

export interface LocalStack {
  readonly urls: { readonly app: string; readonly console: string; readonly signIn: string; readonly mailbox: string; readonly dynamodb: string; readonly stepFunctions: string };
  /** The environment the handlers run with (endpoints, table, state machine, addresses). */
  readonly env: Readonly<Record<string, string>>;
  readonly timings: WorkflowTimings;
  readonly stepFunctions: LocalStepFunctions;
  issueToken(group: Group, options?: { email?: string; name?: string; expiresInSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'ports-alliance-local';
const SEAL_SECRET_ID = 'ports-alliance/seal-key';

/**
 * Starts the whole product on this machine: DynamoDB Local, a local SES with its mailbox, a
 * local Secrets Manager holding the development seal key, the CDK-synthesized state machine run
 * by aws-local-stepfunctions behind the Step Functions API, and the HTTP API. Handlers run
 * in-process, unmodified, finding the services through `AWS_ENDPOINT_URL_*`.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = options.dataDir ?? path.join(REPO_ROOT, '.local');
  mkdirSync(dataDir, { recursive: true });
  const port = async (name: keyof NonNullable<LocalStackOptions['ports']>) => options.ports?.[name] ?? (await freePort());
  const ports = { app: await port('app'), mailbox: await port('mailbox'), dynamodb: await port('dynamodb'), stepFunctions: await port('stepFunctions'), secretsManager: await port('secretsManager') };

  const synthesized = synthesizeForLocal({ ...options.timings });
  const timings: WorkflowTimings = {
    reminderIntervalSeconds: synthesized.config.reminderIntervalSeconds,
    reminderCount: synthesized.config.reminderCount,
    reviewTimeoutSeconds: synthesized.config.reviewTimeoutSeconds,
    countersignTimeoutSeconds: synthesized.config.countersignTimeoutSeconds,
  };
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const stateMachineArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${synthesized.stateMachineName}`;
  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
    AWS_ENDPOINT_URL_SES: `http://127.0.0.1:${ports.mailbox}`,
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${ports.stepFunctions}`,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${ports.secretsManager}`,
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? 'INFO',
    POWERTOOLS_SERVICE_NAME: 'ports-alliance-signing',
    [ENV.tableName]: LOCAL_TABLE_NAME,
    [ENV.stateMachineArn]: stateMachineArn,
    [ENV.senderAddress]: synthesized.config.senderAddress,
    [ENV.commissionContactAddress]: synthesized.config.commissionContactAddress,
    [ENV.appUrl]: appUrl,
    [ENV.linkValiditySeconds]: String(signatureWindowSeconds(timings)),
    [ENV.sealKeySecretId]: SEAL_SECRET_ID,
  };
  // The handlers read configuration from the environment, as they do on Lambda.
  Object.assign(process.env, env);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => process.stderr.write(`stopping: ${(error as Error).message}\n`));
  };
  try {
    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb, dataDir: options.inMemory ? undefined : path.join(dataDir, 'dynamodb') });
    stops.push(() => dynamodb.stop());
    await ensureTable(dynamodb.url, { ...synthesized.table, TableName: LOCAL_TABLE_NAME });

    const ses = await startLocalSes({ port: ports.mailbox });
    stops.push(() => ses.stop());

    const secrets = await startLocalSecretsManager({ port: ports.secretsManager, secrets: { [SEAL_SECRET_ID]: developmentSealKeySecret(dataDir) } });
    stops.push(() => secrets.stop());

    const taskHandlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
    for (const [state, functionId] of Object.entries(synthesized.taskFunctionByState)) {
      taskHandlers[state] = async (payload) => (await loadHandler<(payload: unknown) => Promise<unknown>>(TASK_FUNCTIONS[functionId as TaskFunctionId].entry))(payload);
    }
    const stepFunctions = await startLocalStepFunctions({ definition: synthesized.definition, stateMachineArn, taskHandlers, port: ports.stepFunctions });
    stops.push(() => stepFunctions.stop());

    const identity = await LocalIdentityIssuer.create();
    const api = await startLocalHttpApi({
      port: ports.app,
      identity,
      loadHandler: (functionId: ApiFunctionId) => loadHandler<HttpLambdaHandler>(API_FUNCTIONS[functionId].entry),
    });
    stops.push(() => api.stop());

    let stopping: Promise<void> | undefined;
    return {
      urls: { app: appUrl, console: `${appUrl}/console`, signIn: `${appUrl}/local/sign-in`, mailbox: ses.url, dynamodb: dynamodb.url, stepFunctions: stepFunctions.url },
      env,
      timings,
      stepFunctions,
      issueToken: (group, tokenOptions = {}) => identity.issue({ group, email: tokenOptions.email, name: tokenOptions.name }, tokenOptions.expiresInSeconds),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

const handlerModules = new Map<string, Promise<unknown>>();

/** Imports a handler from source once, like a warm Lambda container. */
async function loadHandler<H>(entry: string): Promise<H> {
  let loading = handlerModules.get(entry);
  if (!loading) {
    loading = import(pathToFileURL(path.join(REPO_ROOT, entry)).href).then((module: { handler?: unknown }) => {
      if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler`);
      return module.handler;
    });
    handlerModules.set(entry, loading);
  }
  return (await loading) as H;
}

/** The development stand-in for the Commission's seal key, created on first start. */
function developmentSealKeySecret(dataDir: string): string {
  const file = path.join(dataDir, 'seal-key.json');
  if (!existsSync(file)) {
    const key = createDevelopmentSealKey();
    writeFileSync(file, JSON.stringify({ p12Base64: key.p12.toString('base64'), passphrase: key.passphrase }), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}
