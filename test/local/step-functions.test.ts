import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../infra/local/clock';
import {
  startLocalStepFunctions,
  type LocalStepFunctions,
  type LocalStepFunctionsOptions,
  type LocalTaskHandler,
} from '../../infra/local/step-functions';

const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-1:000000000000:stateMachine:TestWorkflow';
const EXECUTION_ARN_PREFIX = 'arn:aws:states:eu-west-1:000000000000:execution:TestWorkflow:';
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:TestFunction';

let service: LocalStepFunctions | undefined;

afterEach(async () => {
  await service?.stop();
  service = undefined;
});

async function startService(
  definition: Record<string, unknown>,
  taskHandlers: Record<string, LocalTaskHandler>,
  options: Pick<LocalStepFunctionsOptions, 'onExecutionEvent' | 'clock'> = {},
): Promise<SFNClient> {
  service = await startLocalStepFunctions({ definition, stateMachineArn: STATE_MACHINE_ARN, taskHandlers, ...options });
  return new SFNClient({
    region: 'eu-west-1',
    endpoint: service.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function waitForEnd(sfn: SFNClient, executionArn: string, timeoutMs?: number): Promise<DescribeExecutionCommandOutput> {
  return waitUntil(async () => {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return execution.status === 'RUNNING' ? undefined : execution;
  }, `the end of ${executionArn}`, timeoutMs);
}

/** A handler that records the task token of each invocation; `nextToken` hands them out in order. */
function capturingTokens(): { handler: LocalTaskHandler; tokens: string[]; nextToken(): Promise<string> } {
  const tokens: string[] = [];
  let handedOut = 0;
  return {
    tokens,
    handler: async (payload) => {
      tokens.push((payload as { taskToken: string }).taskToken);
      return { invited: true };
    },
    nextToken: async () => {
      const token = await waitUntil(async () => tokens[handedOut], 'a task token');
      handedOut += 1;
      return token;
    },
  };
}

async function start(sfn: SFNClient, input: unknown, name?: string): Promise<string> {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name, input: JSON.stringify(input) }),
  );
  return executionArn!;
}

/** As CDK synthesizes a LambdaInvoke task with IntegrationPattern.WAIT_FOR_TASK_TOKEN. */
function awaitSignatureState(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Next: 'Signed',
    Type: 'Task',
    TimeoutSeconds: 30,
    ResultPath: '$.signature',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: FUNCTION_ARN,
      Payload: { 'taskToken.$': '$$.Task.Token', 'commitmentId.$': '$.commitmentId', stage: 'signature' },
    },
    ...overrides,
  };
}

function callbackDefinition(overrides: Record<string, unknown> = {}, extraStates: Record<string, unknown> = {}) {
  return {
    StartAt: 'AwaitSignature',
    States: { AwaitSignature: awaitSignatureState(overrides), Signed: { Type: 'Succeed' }, ...extraStates },
  };
}

describe('local Step Functions service', () => {
  it('runs a lambda:invoke task: the handler gets the Payload and the ResultSelector reads $.Payload', async () => {
    const payloads: unknown[] = [];
    const sfn = await startService({
      StartAt: 'Verify',
      States: {
        Verify: {
          Next: 'Verified',
          Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.SdkClientException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
          Type: 'Task',
          ResultPath: '$.verification',
          ResultSelector: { 'outcome.$': '$.Payload.outcome' },
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'commitmentId.$': '$.commitmentId' } },
        },
        Verified: { Type: 'Succeed' },
      },
    }, {
      Verify: async (payload) => {
        payloads.push(payload);
        return { outcome: 'VERIFIED', ignored: 'not selected' };
      },
    });

    const executionArn = await start(sfn, { commitmentId: 'c-1' }, 'c-1');
    const execution = await waitForEnd(sfn, executionArn);

    expect(executionArn).toBe(`${EXECUTION_ARN_PREFIX}c-1`);
    expect(payloads).toEqual([{ commitmentId: 'c-1' }]);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({ commitmentId: 'c-1', verification: { outcome: 'VERIFIED' } });
    expect(execution.name).toBe('c-1');
    expect(execution.stateMachineArn).toBe(STATE_MACHINE_ARN);
    expect(execution.input).toBe('{"commitmentId":"c-1"}');
    expect(execution.startDate).toBeInstanceOf(Date);
    expect(execution.stopDate!.getTime()).toBeGreaterThanOrEqual(execution.startDate!.getTime());
  });

  it('completes a callback task with SendTaskSuccess sent from inside the handler, once', async () => {
    const tokens: string[] = [];
    const sfn = await startService(callbackDefinition(), {
      AwaitSignature: async (payload) => {
        const { taskToken } = payload as { taskToken: string };
        tokens.push(taskToken);
        await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
        await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ outcome: 'SIGNED' }) }));
        return null;
      },
    });

    const execution = await waitForEnd(sfn, await start(sfn, { commitmentId: 'c-2' }));

    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({ commitmentId: 'c-2', signature: { outcome: 'SIGNED' } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{64,}$/);
    const repeated = sfn.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }));
    await expect(repeated).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('fails a callback task with SendTaskFailure, and a Catch on the custom error matches', async () => {
    const capture = capturingTokens();
    const sfn = await startService(
      callbackDefinition(
        { Catch: [{ ErrorEquals: ['CommitmentRevoked'], ResultPath: '$.failure', Next: 'Revoked' }] },
        { Revoked: { Type: 'Succeed' } },
      ),
      { AwaitSignature: capture.handler },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-3' });
    const taskToken = await capture.nextToken();
    await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'CommitmentRevoked', cause: 'Revoked by an admin' }));
    const execution = await waitForEnd(sfn, executionArn);

    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({
      commitmentId: 'c-3',
      failure: { Error: 'CommitmentRevoked', Cause: 'Revoked by an admin' },
    });
  }, 10_000);

  it('times a callback task out when its clock passes TimeoutSeconds, not before, and its token then answers TaskTimedOut', async () => {
    const clock = new LocalClock();
    const capture = capturingTokens();
    const sfn = await startService(
      callbackDefinition(
        { TimeoutSeconds: 3600, Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Expired' }] },
        { Expired: { Type: 'Succeed' } },
      ),
      { AwaitSignature: capture.handler },
      { clock },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-4' });
    const taskToken = await capture.nextToken();
    await service!.whenIdle();
    clock.advance(3599_000);
    await service!.whenIdle();
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    clock.advance(1000);
    const execution = await waitForEnd(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!).timeout.Error).toBe('States.Timeout');
    const late = sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ outcome: 'SIGNED' }) }));
    await expect(late).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('retries a failed callback task with a fresh token per attempt', async () => {
    const tokens: string[] = [];
    const sfn = await startService(
      callbackDefinition({
        Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2, JitterStrategy: 'FULL' }],
      }),
      {
        AwaitSignature: async (payload) => {
          tokens.push((payload as { taskToken: string }).taskToken);
          if (tokens.length === 1) throw Object.assign(new Error('mail server busy'), { name: 'TransientError' });
          return null;
        },
      },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-5' });
    const secondToken = await waitUntil(async () => tokens[1], 'the retry');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: secondToken, output: JSON.stringify({ outcome: 'SIGNED' }) }));
    const execution = await waitForEnd(sfn, executionArn);

    expect(execution.status).toBe('SUCCEEDED');
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    const toFailedAttempt = sfn.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }));
    await expect(toFailedAttempt).rejects.toBeInstanceOf(TaskTimedOut);
  }, 10_000);

  it('treats a repeated StartExecution with the same name and input as the same execution', async () => {
    const capture = capturingTokens();
    const sfn = await startService(callbackDefinition(), { AwaitSignature: capture.handler });
    const request = { stateMachineArn: STATE_MACHINE_ARN, name: 'c-6', input: JSON.stringify({ commitmentId: 'c-6' }) };

    const first = await sfn.send(new StartExecutionCommand(request));
    const repeated = await sfn.send(new StartExecutionCommand(request));
    const otherInput = sfn.send(new StartExecutionCommand({ ...request, input: JSON.stringify({ commitmentId: 'other' }) }));

    expect(repeated.executionArn).toBe(first.executionArn);
    expect(repeated.startDate).toEqual(first.startDate);
    await expect(otherInput).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await capture.nextToken();
    expect(capture.tokens).toHaveLength(1);

    // Once the execution has ended, its name stays taken (as on AWS Standard).
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    await expect(sfn.send(new StartExecutionCommand(request))).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('generates an execution name when none is given', async () => {
    const sfn = await startService(callbackDefinition(), { AwaitSignature: capturingTokens().handler });

    const executionArn = await start(sfn, { commitmentId: 'c-7' });

    expect(executionArn).toMatch(new RegExp(`^${EXECUTION_ARN_PREFIX}[0-9a-f-]{36}$`));
  });

  it('stops an execution: its waiting token then answers TaskDoesNotExist', async () => {
    const capture = capturingTokens();
    const sfn = await startService(
      callbackDefinition({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3 }] }),
      { AwaitSignature: capture.handler },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-8' });
    const taskToken = await capture.nextToken();
    const { stopDate } = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Revoked', cause: 'by an admin' }));
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const late = sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));

    expect(stopDate).toBeInstanceOf(Date);
    expect(execution).toMatchObject({ status: 'ABORTED', error: 'Revoked', cause: 'by an admin' });
    await expect(late).rejects.toBeInstanceOf(TaskDoesNotExist);
    await service!.whenIdle();
    expect(capture.tokens).toHaveLength(1);
  });

  it('stops an execution during a retry back-off without running the task again', async () => {
    let calls = 0;
    const sfn = await startService({
      StartAt: 'Deliver',
      States: {
        Deliver: {
          End: true,
          Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 30, MaxAttempts: 3 }],
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
        },
      },
    }, {
      Deliver: async () => {
        calls += 1;
        throw Object.assign(new Error('SES throttled'), { name: 'TransientError' });
      },
    });

    const executionArn = await start(sfn, { commitmentId: 'c-8b' });
    await waitUntil(async () => (calls > 0 ? calls : undefined), 'the first attempt');
    await sfn.send(new StopExecutionCommand({ executionArn }));
    await service!.whenIdle();

    expect(calls).toBe(1);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
  });

  it('survives task handlers that fail after their task has ended', async () => {
    const clock = new LocalClock();
    const failHandlers: Array<() => void> = [];
    const failLater = () => new Promise<never>((_, reject) => {
      failHandlers.push(() => reject(Object.assign(new Error('too late'), { name: 'LateError' })));
    });
    const sfn = await startService({
      StartAt: 'Route',
      States: {
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$.route', StringEquals: 'callback', Next: 'AwaitSignature' }],
          Default: 'Verify',
        },
        AwaitSignature: awaitSignatureState({
          TimeoutSeconds: 1,
          Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Signed' }],
        }),
        Signed: { Type: 'Succeed' },
        Verify: {
          End: true,
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2 }],
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
        },
      },
    }, { AwaitSignature: failLater, Verify: failLater }, { clock });

    // A callback task times out while its handler still runs; a request-response task is stopped mid-run.
    const timedOut = await start(sfn, { commitmentId: 'c-14', route: 'callback' });
    const stopped = await start(sfn, { commitmentId: 'c-15', route: 'request-response' });
    await waitUntil(async () => (failHandlers.length === 2 ? true : undefined), 'both handlers');
    await sfn.send(new StopExecutionCommand({ executionArn: stopped }));
    clock.advance(1000);
    expect(JSON.parse((await waitForEnd(sfn, timedOut)).output!).timeout.Error).toBe('States.Timeout');
    for (const fail of failHandlers) fail();
    await service!.whenIdle();
    // Node reports an unhandled rejection once the microtasks have run; vitest fails the test on one.
    await new Promise((resolve) => setImmediate(resolve));

    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: stopped }))).status).toBe('ABORTED');
    expect(failHandlers).toHaveLength(2);
  });

  it('times an execution out when its clock passes its TimeoutSeconds: its waiting token then answers TaskDoesNotExist', async () => {
    const clock = new LocalClock();
    const capture = capturingTokens();
    const sfn = await startService({ ...callbackDefinition({ TimeoutSeconds: 3600 }), TimeoutSeconds: 600 }, { AwaitSignature: capture.handler }, { clock });

    const executionArn = await start(sfn, { commitmentId: 'c-9' });
    const taskToken = await capture.nextToken();
    clock.advance(599_000);
    await service!.whenIdle();
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    clock.advance(1000);
    const execution = await waitForEnd(sfn, executionArn);

    expect(execution).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskDoesNotExist);
  });

  it('keeps a callback task waiting past what a Node timer holds, and times it out at its TimeoutSeconds', async () => {
    const clock = new LocalClock();
    const capture = capturingTokens();
    const day = 24 * 3600 * 1000;
    const sfn = await startService(
      callbackDefinition(
        { TimeoutSeconds: 90 * 24 * 3600, Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Expired' }] },
        { Expired: { Type: 'Succeed' } },
      ),
      { AwaitSignature: capture.handler },
      { clock },
    );

    const answered = await start(sfn, { commitmentId: 'c-10' });
    const answeredToken = await capture.nextToken();
    const timedOut = await start(sfn, { commitmentId: 'c-10b' });
    await capture.nextToken();
    // A Node timer holds about 24.8 days: longer waits must neither fire early nor at once.
    clock.advance(30 * day);
    clock.advance(59 * day);
    await service!.whenIdle();
    for (const executionArn of [answered, timedOut]) expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    await sfn.send(new SendTaskSuccessCommand({ taskToken: answeredToken, output: JSON.stringify({ outcome: 'SIGNED' }) }));
    expect(JSON.parse((await waitForEnd(sfn, answered)).output!).signature).toEqual({ outcome: 'SIGNED' });
    clock.advance(day);
    expect(JSON.parse((await waitForEnd(sfn, timedOut)).output!).timeout.Error).toBe('States.Timeout');
  });

  it('is idle once every running execution waits at a callback, and busy while a task runs', async () => {
    const capture = capturingTokens();
    let finishVerify: (() => void) | undefined;
    const sfn = await startService({
      StartAt: 'Route',
      States: {
        Route: { Type: 'Choice', Choices: [{ Variable: '$.route', StringEquals: 'verify', Next: 'Verify' }], Default: 'AwaitSignature' },
        AwaitSignature: awaitSignatureState(),
        Signed: { Type: 'Succeed' },
        Verify: {
          End: true,
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
        },
      },
    }, {
      AwaitSignature: capture.handler,
      Verify: () => new Promise((resolve) => {
        finishVerify = () => resolve({ outcome: 'VERIFIED' });
      }),
    });

    await start(sfn, { commitmentId: 'c-17', route: 'callback' }, 'c-17');
    await capture.nextToken();
    await service!.whenIdle(['c-17']);
    await service!.whenIdle();
    expect(service!.activity()).toEqual({ idle: true, running: 1, parked: 1, tasksInFlight: 0 });

    const verifying = await start(sfn, { commitmentId: 'c-18', route: 'verify' }, 'c-18');
    await waitUntil(async () => (finishVerify ? true : undefined), 'the verify task');
    expect(service!.activity()).toEqual({ idle: false, running: 2, parked: 1, tasksInFlight: 1 });
    // The waiting execution is idle on its own while the other one works.
    await service!.whenIdle(['c-17']);
    let idle = false;
    const whenIdle = service!.whenIdle().then(() => (idle = true));
    await sfn.send(new DescribeExecutionCommand({ executionArn: verifying }));
    expect(idle).toBe(false);

    finishVerify!();
    await whenIdle;
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: verifying }))).status).toBe('SUCCEEDED');
    expect(service!.activity()).toEqual({ idle: true, running: 1, parked: 1, tasksInFlight: 0 });
    expect(() => service!.whenIdle(['never-started'])).toThrow(/Execution Does Not Exist/);
  });

  it('is busy from the callback that answers a waiting task until the next wait has parked', async () => {
    const capture = capturingTokens();
    let parkCountersignature: (() => void) | undefined;
    const sfn = await startService(
      callbackDefinition({ Next: 'AwaitCountersignature' }, { AwaitCountersignature: awaitSignatureState({ ResultPath: '$.countersignature' }) }),
      {
        AwaitSignature: capture.handler,
        AwaitCountersignature: (payload) => new Promise((resolve) => {
          parkCountersignature = () => resolve(capture.handler(payload));
        }),
      },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-19' }, 'c-19');
    const signatureToken = await capture.nextToken();
    await service!.whenIdle(['c-19']);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: signatureToken, output: '{}' }));
    expect(service!.activity()).toMatchObject({ idle: false, parked: 0 });
    let idle = false;
    const whenIdle = service!.whenIdle(['c-19']).then(() => (idle = true));
    await waitUntil(async () => (parkCountersignature ? true : undefined), 'the countersignature wait');
    expect(idle).toBe(false);

    parkCountersignature!();
    await whenIdle;
    expect(capture.tokens).toHaveLength(2);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
  });

  it('runs a task with capped concurrency in turns, timing it out from when its handler runs, not while it waits', async () => {
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const calls: string[] = [];
    const options = {
      taskConcurrency: [{ states: ['Seal'], limit: 1 }],
    };
    service = await startLocalStepFunctions({
      definition: {
        StartAt: 'Seal',
        States: {
          Seal: {
            Type: 'Task',
            TimeoutSeconds: 1,
            // As on AWS, a timeout is not a task failure: this retrier leaves it alone.
            Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1 }],
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'commitmentId.$': '$.commitmentId' } },
            End: true,
          },
        },
      },
      stateMachineArn: STATE_MACHINE_ARN,
      taskHandlers: {
        Seal: async (payload) => {
          const { commitmentId } = payload as { commitmentId: string };
          calls.push(commitmentId);
          if (commitmentId === 'first') await firstHeld;
          return { sealed: commitmentId };
        },
      },
      ...options,
    });
    const sfn = new SFNClient({ region: 'eu-west-1', endpoint: service.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

    const first = await start(sfn, { commitmentId: 'first' });
    await waitUntil(async () => (calls.length === 1 ? true : undefined), 'the first handler to run');
    const second = await start(sfn, { commitmentId: 'second' });

    // The first runs past its second and times out; the second has waited as long, without a turn.
    const timedOut = await waitForEnd(sfn, first);
    expect(timedOut.status).toBe('FAILED');
    expect(timedOut.error).toBe('States.Timeout');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: second }))).status).toBe('RUNNING');
    expect(calls).toEqual(['first']);

    // The first handler's turn ends when it returns, as a Lambda instance is busy until then.
    releaseFirst();
    const sealed = await waitForEnd(sfn, second);
    expect(sealed.status).toBe('SUCCEEDED');
    expect(JSON.parse(sealed.output!)).toMatchObject({ Payload: { sealed: 'second' } });
    expect(calls).toEqual(['first', 'second']);
  });

  it('refuses a retrier of States.Timeout, or a timeout read from the input, on a task with capped concurrency', async () => {
    const starting = startLocalStepFunctions({
      definition: {
        StartAt: 'Seal',
        States: {
          Seal: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FUNCTION_ARN }, Retry: [{ ErrorEquals: ['States.ALL'] }], End: true },
        },
      },
      stateMachineArn: STATE_MACHINE_ARN,
      taskHandlers: { Seal: async () => ({}) },
      taskConcurrency: [{ states: ['Seal'], limit: 2 }],
    });

    await expect(starting).rejects.toThrow(/'Seal': retrying States.Timeout is not supported locally/);

    const withTimeoutPath = startLocalStepFunctions({
      definition: {
        StartAt: 'Seal',
        States: {
          Seal: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FUNCTION_ARN }, TimeoutSecondsPath: '$.timeout', End: true },
        },
      },
      stateMachineArn: STATE_MACHINE_ARN,
      taskHandlers: { Seal: async () => ({}) },
      taskConcurrency: [{ states: ['Seal'], limit: 2 }],
    });
    await expect(withTimeoutPath).rejects.toThrow(/'Seal': TimeoutSecondsPath is not supported locally/);
  });

  it('refuses States.TaskFailed on a callback task, which its local timeout would match', async () => {
    const starting = startLocalStepFunctions({
      definition: callbackDefinition({ Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 1 }] }),
      stateMachineArn: STATE_MACHINE_ARN,
      taskHandlers: { AwaitSignature: capturingTokens().handler },
    });

    await expect(starting).rejects.toThrow(/'AwaitSignature': States.TaskFailed is not supported/);
  });

  it('answers TaskDoesNotExist for a token never issued and InvalidToken for a malformed one', async () => {
    const sfn = await startService(callbackDefinition(), { AwaitSignature: capturingTokens().handler });

    const unknown = sfn.send(new SendTaskSuccessCommand({ taskToken: 'A'.repeat(86), output: '{}' }));
    const malformed = sfn.send(new SendTaskFailureCommand({ taskToken: 'not a token', error: 'X' }));

    await expect(unknown).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(malformed).rejects.toBeInstanceOf(InvalidToken);
  });

  it('reports a handler error as the failed execution error, with a Lambda-style cause', async () => {
    const sfn = await startService({
      StartAt: 'Seal',
      States: {
        Seal: {
          End: true,
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
        },
      },
    }, {
      Seal: async () => {
        throw Object.assign(new Error('the key is unavailable'), { name: 'SealKeyUnavailable' });
      },
    });

    const execution = await waitForEnd(sfn, await start(sfn, { commitmentId: 'c-11' }));

    expect(execution).toMatchObject({ status: 'FAILED', error: 'SealKeyUnavailable' });
    expect(JSON.parse(execution.cause!)).toMatchObject({ errorType: 'SealKeyUnavailable', errorMessage: 'the key is unavailable' });
  });

  it('lists executions newest first, filtered by status', async () => {
    const capture = capturingTokens();
    const sfn = await startService(callbackDefinition(), { AwaitSignature: capture.handler });
    const ended = await start(sfn, { commitmentId: 'c-12' }, 'c-12');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await capture.nextToken(), output: '{}' }));
    await waitForEnd(sfn, ended);
    const running = await start(sfn, { commitmentId: 'c-13' }, 'c-13');

    const list = async (statusFilter?: 'RUNNING' | 'SUCCEEDED') =>
      (await sfn.send(new ListExecutionsCommand({ stateMachineArn: STATE_MACHINE_ARN, statusFilter }))).executions!.map(
        (execution) => execution.executionArn,
      );

    expect(await list('RUNNING')).toEqual([running]);
    expect(await list('SUCCEEDED')).toEqual([ended]);
    expect(await list()).toEqual([running, ended]);
  });

  it('tells an observer about the events of each execution', async () => {
    const events: Array<{ executionArn: string; type: string }> = [];
    const sfn = await startService(
      { StartAt: 'Done', States: { Done: { Type: 'Pass', Parameters: { 'commitmentId.$': '$.commitmentId' }, End: true } } },
      {},
      { onExecutionEvent: ({ executionArn, type }) => events.push({ executionArn, type }) },
    );

    const executionArn = await start(sfn, { commitmentId: 'c-16' });
    await waitUntil(async () => (events.some((event) => event.type === 'ExecutionSucceeded') ? true : undefined), 'the last event');

    expect(events.map((event) => event.type)).toEqual(['ExecutionStarted', 'StateEntered', 'StateExited', 'ExecutionSucceeded']);
    expect(events.every((event) => event.executionArn === executionArn)).toBe(true);
  });

  it('answers StateMachineDoesNotExist and ExecutionDoesNotExist for unknown ARNs', async () => {
    const sfn = await startService(callbackDefinition(), { AwaitSignature: capturingTokens().handler });

    const unknownMachine = sfn.send(new StartExecutionCommand({ stateMachineArn: `${STATE_MACHINE_ARN}Other`, input: '{}' }));
    const unknownExecution = sfn.send(new DescribeExecutionCommand({ executionArn: `${EXECUTION_ARN_PREFIX}nope` }));

    await expect(unknownMachine).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(unknownExecution).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('refuses to start with a Task state that has no handler', async () => {
    const starting = startLocalStepFunctions({
      definition: callbackDefinition(),
      stateMachineArn: STATE_MACHINE_ARN,
      taskHandlers: {},
    });

    await expect(starting).rejects.toThrow(/'AwaitSignature' has no local handler/);
  });
});
