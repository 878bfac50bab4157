import { spawn } from 'node:child_process';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalStepFunctions, type LocalStepFunctions, type LocalTaskHandler } from '../../infra/local/step-functions';

/** What a client finds and reads on the local endpoint: the state machine and what each execution did. */

const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-1:000000000000:stateMachine:TestWorkflow';
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:TestFunction';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Verify (retried once, after a transient error), then wait for a signature, then succeed. */
const DEFINITION = {
  StartAt: 'Verify',
  States: {
    Verify: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'commitmentId.$': '$.commitmentId' } },
      ResultSelector: { 'outcome.$': '$.Payload.outcome' },
      ResultPath: '$.verification',
      Retry: [{ ErrorEquals: ['TransientError'], IntervalSeconds: 0, MaxAttempts: 1 }],
      Next: 'AwaitSignature',
    },
    AwaitSignature: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'taskToken.$': '$$.Task.Token' } },
      TimeoutSeconds: 3600,
      ResultPath: '$.signature',
      Next: 'Signed',
    },
    Signed: { Type: 'Succeed' },
  },
};

let service: LocalStepFunctions | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

async function startService(taskHandlers: Record<string, LocalTaskHandler>): Promise<SFNClient> {
  service = await startLocalStepFunctions({ definition: DEFINITION, stateMachineArn: STATE_MACHINE_ARN, taskHandlers });
  return new SFNClient({ region: 'eu-west-1', endpoint: service.url, credentials: CREDENTIALS });
}

/** A verification that fails once with a transient error, and a signature wait that hands out its token. */
function handlers(): { handlers: Record<string, LocalTaskHandler>; token: Promise<string> } {
  let attempts = 0;
  let giveToken!: (token: string) => void;
  const token = new Promise<string>((resolve) => (giveToken = resolve));
  return {
    token,
    handlers: {
      Verify: async () => {
        attempts += 1;
        if (attempts === 1) throw Object.assign(new Error('try again'), { name: 'TransientError' });
        return { outcome: 'VERIFIED' };
      },
      AwaitSignature: async (payload) => {
        giveToken((payload as { taskToken: string }).taskToken);
        return null;
      },
    },
  };
}

async function allEvents(sfn: SFNClient, executionArn: string, pageSize: number, reverseOrder = false): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: pageSize, nextToken, reverseOrder }));
    expect(page.events!.length).toBeLessThanOrEqual(pageSize);
    events.push(...page.events!);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function untilEnded(sfn: SFNClient, executionArn: string): Promise<void> {
  await service!.whenIdle();
  const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  expect(status).not.toBe('RUNNING');
}

describe('the local Step Functions API, for any client', () => {
  it('lists and describes the state machine, with the definition it runs', async () => {
    const sfn = await startService(handlers().handlers);

    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: STATE_MACHINE_ARN }));

    expect(stateMachines).toEqual([{ stateMachineArn: STATE_MACHINE_ARN, name: 'TestWorkflow', type: 'STANDARD', creationDate: expect.any(Date) }]);
    expect(described).toMatchObject({ stateMachineArn: STATE_MACHINE_ARN, name: 'TestWorkflow', status: 'ACTIVE', type: 'STANDARD', roleArn: expect.stringMatching(/^arn:aws:iam::000000000000:role\//) });
    expect(JSON.parse(described.definition!)).toEqual(DEFINITION);
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${STATE_MACHINE_ARN}Other` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('tells what an execution did, in AWS\'s event types and details, page by page and in reverse', async () => {
    const tasks = handlers();
    const sfn = await startService(tasks.handlers);
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'c-1', input: '{"commitmentId":"c-1"}' }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tasks.token, output: '{"outcome":"SIGNED"}' }));
    await untilEnded(sfn, executionArn!);

    const events = await allEvents(sfn, executionArn!, 4);

    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited',
      'SucceedStateEntered', 'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(events.every((event, index) => event.previousEventId === index && event.timestamp instanceof Date)).toBe(true);
    expect(events[0]!.executionStartedEventDetails).toMatchObject({ input: '{"commitmentId":"c-1"}', roleArn: expect.any(String) });
    expect(events[1]!.stateEnteredEventDetails).toMatchObject({ name: 'Verify' });
    expect(events[2]!.taskScheduledEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', region: 'eu-west-1' });
    expect(events[4]!.taskFailedEventDetails).toMatchObject({ resourceType: 'lambda', resource: 'invoke', error: 'TransientError' });
    expect(events[10]!.taskScheduledEventDetails).toMatchObject({ resource: 'invoke.waitForTaskToken' });
    expect(JSON.parse(events[13]!.taskSucceededEventDetails!.output!)).toEqual({ outcome: 'SIGNED' });
    expect(JSON.parse(events[17]!.executionSucceededEventDetails!.output!)).toEqual({ commitmentId: 'c-1', verification: { outcome: 'VERIFIED' }, signature: { outcome: 'SIGNED' } });

    expect(await allEvents(sfn, executionArn!, 5, true)).toEqual([...events].reverse());
    const withoutData = await sfn.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    expect(withoutData.events![0]!.executionStartedEventDetails!.input).toBeUndefined();
    await expect(sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken: 'not-ours' }))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('ends the history of a stopped execution with ExecutionAborted, after what had happened', async () => {
    const tasks = handlers();
    const sfn = await startService(tasks.handlers);
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'c-2', input: '{"commitmentId":"c-2"}' }));
    await tasks.token;
    await service!.whenIdle();
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Revoked', cause: 'The invitation was withdrawn' }));

    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));

    expect(events!.map((event) => event.type).slice(-3)).toEqual(['TaskStarted', 'TaskSubmitted', 'ExecutionAborted']);
    expect(events!.at(-1)!.executionAbortedEventDetails).toEqual({ error: 'Revoked', cause: 'The invitation was withdrawn' });
  });

  it('answers the AWS CLI: list-state-machines, describe-state-machine, list-executions, describe-execution, get-execution-history', async () => {
    const tasks = handlers();
    const sfn = await startService(tasks.handlers);
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'c-3', input: '{"commitmentId":"c-3"}' }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tasks.token, output: '{"outcome":"SIGNED"}' }));
    await untilEnded(sfn, executionArn!);
    const cli = (...args: string[]) => awsCli(service!.url, 'stepfunctions', ...args);

    const [machines, described, executions, execution, history] = await Promise.all([
      cli('list-state-machines'),
      cli('describe-state-machine', '--state-machine-arn', STATE_MACHINE_ARN),
      cli('list-executions', '--state-machine-arn', STATE_MACHINE_ARN),
      cli('describe-execution', '--execution-arn', executionArn!),
      // The CLI follows nextToken by itself: three events a page here.
      cli('get-execution-history', '--execution-arn', executionArn!, '--page-size', '3'),
    ]);

    expect(machines.stateMachines).toEqual([expect.objectContaining({ stateMachineArn: STATE_MACHINE_ARN, type: 'STANDARD' })]);
    expect(JSON.parse(described.definition as string)).toEqual(DEFINITION);
    expect(executions.executions).toEqual([expect.objectContaining({ executionArn, status: 'SUCCEEDED' })]);
    expect(execution).toMatchObject({ executionArn, status: 'SUCCEEDED' });
    expect((history.events as { type: string }[]).map((event) => event.type)).toHaveLength(18);
    expect((history.events as { type: string }[]).at(-1)!.type).toBe('ExecutionSucceeded');
  });
});

/** Runs the AWS CLI (Debian's awscli, installed by tools/setup.sh) against a local endpoint; its JSON answer. */
function awsCli(endpoint: string, ...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('aws', [...args, '--endpoint-url', endpoint, '--output', 'json'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        AWS_DEFAULT_REGION: 'eu-west-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error('the AWS CLI did not start (install Debian\'s awscli: npm run setup)', { cause: error })));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as Record<string, unknown>) : reject(new Error(`aws ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}
