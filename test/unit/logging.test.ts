import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loggableError, redact, type LoggableError } from '../../functions/shared/logger';
import { taskHandler } from '../../functions/shared/task-handler';
import { eventHandler } from '../../functions/shared/event-handler';

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
});
afterEach(() => vi.restoreAllMocks());

const logged = () => lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('log lines', () => {
  it('of a failed task carry the commitment id and the task, and no address from the error', async () => {
    const sesSandbox = Object.assign(new Error('Email address is not verified. The following identities failed the check in region EU-WEST-1: Jane.Doe@customs.gr.example'), { name: 'MessageRejected' });
    const handler = taskHandler('deliver-certificate', async () => { throw sesSandbox; });
    await expect(handler({ commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' })).rejects.toBe(sesSandbox);
    const [line] = logged();
    expect(line).toMatchObject({ level: 'ERROR', message: 'task failed', task: 'deliver-certificate', commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' });
    expect(JSON.stringify(line)).not.toContain('@');
    expect(JSON.stringify(line)).toContain('<address>');
  });

  it('of a failed event leave the event (which may hold addresses) out', async () => {
    const handler = eventHandler('record-mail-event', async (_event: { Records: unknown[] }) => { throw new Error('table unreachable'); });
    await expect(handler({ Records: [{ Sns: { Message: '{"mail":{"destination":["someone@port.example"]}}' } }] })).rejects.toThrow('table unreachable');
    const text = lines.join('');
    expect(text).toContain('event failed');
    expect(text).not.toContain('someone@port.example');
  });
});

/** A context as Lambda passes it to a handler. */
function lambdaContext(functionName: string, awsRequestId: string): Context {
  return {
    functionName,
    awsRequestId,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/12/01/[$LATEST]0123456789abcdef',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * The wrappers and their logger as a new Lambda container loads them: Powertools decides at start-up
 * whether the first invocation is a cold start (`on-demand` initialisation).
 */
async function freshContainer() {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.resetModules();
  const [{ httpHandler }, { taskHandler: freshTaskHandler }, { eventHandler: freshEventHandler }, { logger }] = await Promise.all([
    import('../../functions/shared/api-handler'),
    import('../../functions/shared/task-handler'),
    import('../../functions/shared/event-handler'),
    import('../../functions/shared/logger'),
  ]);
  return { httpHandler, taskHandler: freshTaskHandler, eventHandler: freshEventHandler, logger };
}

const publicRoute = { routeKey: 'GET /verify', requestContext: { requestId: 'api-request-1', http: { method: 'GET', path: '/verify' } } } as unknown as APIGatewayProxyEventV2;

describe('log lines of a handler carry the Lambda context', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('through httpHandler: the operation\'s own lines and the 500\'s line, a cold start first and warm after', async () => {
    const { httpHandler, logger } = await freshContainer();
    const handler = httpHandler(async () => {
      logger.info('checking the document');
      throw new Error('table unreachable');
    });
    expect(await handler(publicRoute, lambdaContext('verify-document', 'request-1'))).toMatchObject({ statusCode: 500 });
    expect(await handler(publicRoute, lambdaContext('verify-document', 'request-2'))).toMatchObject({ statusCode: 500 });
    const lines = logged();
    expect(lines.map((line) => [line.message, line.function_request_id, line.cold_start])).toEqual([
      ['checking the document', 'request-1', true],
      ['request failed', 'request-1', true],
      ['checking the document', 'request-2', false],
      ['request failed', 'request-2', false],
    ]);
    for (const line of lines) expect(line).toMatchObject({ function_name: 'verify-document', function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:verify-document', function_memory_size: '256' });
  });

  it('through taskHandler', async () => {
    const { taskHandler: wrap } = await freshContainer();
    const handler = wrap('seal-certificate', async () => { throw new Error('KMS unreachable'); });
    await expect(handler({ commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' }, lambdaContext('seal-certificate', 'task-request-1'))).rejects.toThrow('KMS unreachable');
    expect(logged()).toEqual([expect.objectContaining({ message: 'task failed', function_name: 'seal-certificate', function_request_id: 'task-request-1', cold_start: true })]);
  });

  it('through eventHandler', async () => {
    const { eventHandler: wrap, logger } = await freshContainer();
    const handler = wrap('record-mail-event', async (_event: { Records: unknown[] }) => logger.info('mail event recorded'));
    await handler({ Records: [] }, lambdaContext('record-mail-event', 'event-request-1'));
    expect(logged()).toEqual([expect.objectContaining({ message: 'mail event recorded', function_name: 'record-mail-event', function_request_id: 'event-request-1', cold_start: true })]);
  });

  it('and a handler called without a context still logs, without those keys', async () => {
    const { taskHandler: wrap } = await freshContainer();
    const handler = wrap('deliver-certificate', async () => { throw new Error('SES unreachable'); });
    await expect(handler({ commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' })).rejects.toThrow('SES unreachable');
    const [line] = logged();
    expect(line).toMatchObject({ message: 'task failed', task: 'deliver-certificate' });
    expect(line).not.toHaveProperty('function_request_id');
    expect(line).not.toHaveProperty('cold_start');
  });
});

describe('redaction', () => {
  it('replaces addresses and secret-looking strings, and keeps commitment ids', () => {
    const secret = 'q8Jx3nLr0aZkC2vW9yTfE1uHs5gDp7bM4oNiQ6tRwYc';
    expect(redact(`link /sign/${secret} for "Ana" <ana.pop@apm.ro> about cmt_01jabcdefghjkmnpqrstvwxyz0`))
      .toBe('link /sign/<secret> for "Ana" <<address>> about cmt_01jabcdefghjkmnpqrstvwxyz0');
  });

  it('keeps the error name and redacts the message and stack', () => {
    const error = new TypeError('no route to x@y.example');
    const loggable = loggableError(error, true) as { name: string; message: string; stack: string };
    expect(loggable.name).toBe('TypeError');
    expect(loggable.message).toBe('no route to <address>');
    expect(loggable.stack).not.toContain('x@y.example');
  });

  it('carries the chain of causes, each redacted, and stops on a cycle', () => {
    const root = new Error('throttled for ana.pop@apm.ro');
    const wrapped = new Error('sending the invitation failed', { cause: root });
    expect(loggableError(wrapped)).toEqual({ name: 'Error', message: 'sending the invitation failed', cause: { name: 'Error', message: 'throttled for <address>' } });
    const cyclic = new Error('a');
    (cyclic as { cause?: unknown }).cause = cyclic;
    let depth = 0;
    for (let node = loggableError(cyclic) as LoggableError | string | undefined; typeof node === 'object'; node = node.cause) depth += 1;
    expect(depth).toBe(6);
  });
});
