import { Template } from 'aws-cdk-lib/assertions';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { appUrl as configuredAppUrl } from '../../functions/shared/config';
import { buildConsoleScripts } from '../../infra/console-scripts';
import { createApp } from '../../infra/create-app';
import { REPO_ROOT } from '../../infra/handler-function';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { matchRoute, toEvent } from '../../infra/local/http-api';
import { LocalLambdaRuntime, type LocalFunction } from '../../infra/local/lambda-runtime';
import { LOCAL_RESOURCES } from '../../infra/local/stack';
import { synthesizeForLocal } from '../../infra/local/synthesized';

/**
 * The local stack runs every function in one process; these tests prove that each one still sees
 * exactly the environment its synthesized resource declares, as on Lambda, whatever the stack's own
 * process has in its environment.
 */
const APP_URL = 'http://127.0.0.1:3999';
const CONTEXT = { appUrl: APP_URL, developmentSignInUrl: '/local/sign-in', rateLimitPerAddress: 1500, logLevel: 'WARN' };
const ENDPOINTS = {
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1',
  AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:2',
  AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:3',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://127.0.0.1:4',
  AWS_ENDPOINT_URL_KMS: 'http://127.0.0.1:5',
};
/** What Lambda sets for a function with JSON logs and an application log level, and per invocation the trace header. */
const LAMBDA_VARIABLES = [
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_LOG_FORMAT', 'AWS_LAMBDA_LOG_LEVEL', '_X_AMZN_TRACE_ID',
];

const runtimeFor = (functions: Readonly<Record<string, LocalFunction>>) =>
  new LocalLambdaRuntime(functions, { repoRoot: REPO_ROOT, region: LOCAL_REGION, account: LOCAL_ACCOUNT, credentials: LOCAL_CREDENTIALS, endpoints: ENDPOINTS });

/** The variables each function's `AWS::Lambda::Function` declares, read from the template alone. */
function declaredVariables(context: Record<string, unknown>): Record<FunctionId, { names: string[]; memorySize: number }> {
  const { stateless } = createApp({ skipBundling: true, validateTemplates: false, context });
  const resources = Object.values(Template.fromStack(stateless).findResources('AWS::Lambda::Function')) as {
    Metadata: Record<string, string>;
    Properties: { Environment: { Variables: Record<string, unknown> }; MemorySize: number };
  }[];
  return Object.fromEntries(resources.map((resource) => [
    /\/Functions\/([^/]+)\/Resource$/.exec(resource.Metadata['aws:cdk:path']!)![1],
    { names: Object.keys(resource.Properties.Environment.Variables), memorySize: resource.Properties.MemorySize },
  ])) as Record<FunctionId, { names: string[]; memorySize: number }>;
}

async function consolePage(runtime: LocalLambdaRuntime): Promise<string> {
  const url = new URL('/console', APP_URL);
  const event = toEvent({ headers: { host: url.host }, sourceIp: '127.0.0.1' }, url, 'GET', matchRoute('GET', '/console')!, Buffer.alloc(0), undefined);
  const result = (await runtime.invoke('console-page', event)) as APIGatewayProxyStructuredResultV2;
  expect(result.statusCode).toBe(200);
  return result.body ?? '';
}

let runtime: LocalLambdaRuntime;

beforeAll(() => {
  runtime = runtimeFor(synthesizeForLocal(CONTEXT, LOCAL_RESOURCES).functions);
  // What the local stack provides before it loads the console page (its deployed bundle has them built in).
  globalThis.__CONSOLE_SCRIPTS__ = buildConsoleScripts();
  // What the stack's own process has, as every function saw it when they shared one environment.
  Object.assign(process.env, { [ENV.appUrl]: APP_URL, [ENV.developmentSignInUrl]: '/from-the-stack-process', [ENV.tableName]: 'not-for-functions' });
}, 120_000);

describe('each function on the local stack', () => {
  it('sees exactly what its synthesized resource declares, what Lambda provides and the local endpoints', () => {
    const declared = declaredVariables(CONTEXT);
    for (const functionId of Object.keys(FUNCTIONS) as FunctionId[]) {
      const seen = runtime.runAs(functionId, () => ({ ...process.env }));
      expect(Object.keys(seen).sort(), functionId).toEqual([...declared[functionId].names, ...LAMBDA_VARIABLES, ...Object.keys(ENDPOINTS)].sort());
      expect(seen, functionId).toMatchObject({ ...ENDPOINTS, AWS_LAMBDA_FUNCTION_NAME: functionId, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(declared[functionId].memorySize), AWS_LAMBDA_LOG_LEVEL: 'WARN' });
      expect(seen[ENV.tableName], functionId).toBe(LOCAL_RESOURCES.tableName);
    }
    expect(runtime.environmentOf('send-reminders')).toMatchObject({ [ENV.appUrl]: APP_URL, [ENV.sesConfigurationSet]: LOCAL_RESOURCES.sesConfigurationSetName });
    expect(runtime.environmentOf('submit-signature')).toMatchObject({ [ENV.rateLimitPerAddress]: '1500', [ENV.signingKeySecretId]: LOCAL_RESOURCES.signingKeySecretId });
    expect(runtime.environmentOf('seal-certificate')).toMatchObject({ [ENV.sealKeyId]: LOCAL_RESOURCES.sealKeyId, [ENV.sealCertificateSecretId]: LOCAL_RESOURCES.sealCertificateSecretId });
    expect(runtime.environmentOf('console-page')).toMatchObject({ [ENV.cognitoClientId]: LOCAL_RESOURCES.consoleClientId });
  });

  it('finds nothing in a variable its resource does not declare, though the stack\'s process has it', () => {
    expect(process.env[ENV.appUrl]).toBe(APP_URL);
    expect(runtime.runAs('build-document-export', () => process.env[ENV.appUrl])).toBeUndefined();
    expect(() => runtime.runAs('build-document-export', () => configuredAppUrl())).toThrow(`Environment variable ${ENV.appUrl} is not set`);
    expect(runtime.runAs('submit-signature', () => configuredAppUrl())).toBe(APP_URL);
  });

  it('runs a real handler with its own environment: the console offers the development sign-in only where its resource declares it', async () => {
    expect(await consolePage(runtime)).toContain('/local/sign-in');
    const withoutDevelopmentSignIn = runtimeFor(synthesizeForLocal({ ...CONTEXT, developmentSignInUrl: undefined }, LOCAL_RESOURCES).functions);
    const page = await consolePage(withoutDevelopmentSignIn);
    expect(page).not.toContain('/local/sign-in');
    expect(page).not.toContain('/from-the-stack-process');
  }, 60_000);

  it('keeps what a function writes to its environment within its own invocation', () => {
    runtime.runAs('list-declarations', () => {
      process.env.WRITTEN_BY_A_HANDLER = '1';
      expect(process.env.WRITTEN_BY_A_HANDLER).toBe('1');
    });
    expect(runtime.runAs('list-declarations', () => process.env.WRITTEN_BY_A_HANDLER)).toBeUndefined();
    expect(process.env.WRITTEN_BY_A_HANDLER).toBeUndefined();
  });
});

describe('an invocation', () => {
  it('calls handler(event, context) with a Lambda context from the function\'s resource', async () => {
    const fixture: LocalFunction = { entry: 'test/fixtures/lambda/context-echo.ts', declaredEnvironment: {}, memorySize: 512, timeoutSeconds: 30, runtime: 'nodejs24.x', logFormat: 'JSON' };
    const echo = runtimeFor({ 'context-echo': fixture });
    const first = await echo.invoke('context-echo', { hello: 'world' }) as Record<string, unknown>;
    const second = await echo.invoke('context-echo', {}) as Record<string, unknown>;
    expect(first).toMatchObject({
      event: { hello: 'world' },
      functionName: 'context-echo',
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:context-echo`,
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/context-echo',
      environmentFunctionName: 'context-echo',
    });
    expect(first.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.awsRequestId).not.toBe(first.awsRequestId);
    expect(first.traceHeader).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(second.traceHeader).not.toBe(first.traceHeader);
    expect(first.logStreamName).toBe(echo.environmentOf('context-echo').AWS_LAMBDA_LOG_STREAM_NAME);
    expect(first.remainingTimeInMillis).toBeGreaterThan(0);
    expect(first.remainingTimeInMillis).toBeLessThanOrEqual(30_000);
  });
});
