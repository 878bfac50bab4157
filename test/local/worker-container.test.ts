import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/handler-function';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { LocalClock } from '../../infra/local/clock';
import type { LocalFunction } from '../../infra/local/lambda-runtime';
import { workerContainer, type WorkerContainer } from '../../infra/local/worker-container';

/** The PDF functions run in a worker thread locally: the same runtime, its own thread. */
const reportFunction = (greeting: string): LocalFunction => ({
  entry: 'test/fixtures/local-functions/report.ts',
  declaredEnvironment: { GREETING: greeting },
  memorySize: 256,
  timeoutSeconds: 10,
  runtime: 'nodejs24.x',
  logFormat: 'JSON',
});
const OPTIONS = { repoRoot: REPO_ROOT, region: LOCAL_REGION, account: LOCAL_ACCOUNT, credentials: LOCAL_CREDENTIALS, endpoints: {} };

interface Report {
  readonly threadId: number;
  readonly now: string;
  readonly greeting: string;
  readonly functionName: string;
}

let container: WorkerContainer | undefined;
afterEach(async () => {
  await container?.stop();
  container = undefined;
});

describe('a worker container', () => {
  it('runs each hosted function in another thread, in its own environment', async () => {
    container = workerContainer({ functions: { hello: reportFunction('hello'), bonjour: reportFunction('bonjour') }, options: OPTIONS });
    expect(container.hosts('hello')).toBe(true);
    expect(container.hosts('seal-certificate')).toBe(false);
    const [hello, bonjour] = (await Promise.all([container.invoke('hello', {}), container.invoke('bonjour', {})])) as Report[];
    expect(hello).toMatchObject({ greeting: 'hello', functionName: 'hello' });
    expect(bonjour).toMatchObject({ greeting: 'bonjour', functionName: 'bonjour' });
    expect(hello!.threadId).not.toBe(threadId);
    expect(bonjour!.threadId).toBe(hello!.threadId);
  });

  it('answers a function error with its name and message, and keeps running', async () => {
    container = workerContainer({ functions: { hello: reportFunction('hello') }, options: OPTIONS });
    await expect(container.invoke('hello', { fail: 'SealRefused' })).rejects.toMatchObject({ name: 'SealRefused', message: 'failed as asked: SealRefused' });
    await expect(container.invoke('hello', {})).resolves.toMatchObject({ greeting: 'hello' });
  });

  it('fails the invocations of a worker that died as Lambda reports a dead runtime, and starts a fresh one', async () => {
    container = workerContainer({ functions: { hello: reportFunction('hello') }, options: OPTIONS });
    const first = (await container.invoke('hello', {})) as Report;
    await expect(container.invoke('hello', { exit: true })).rejects.toMatchObject({ name: 'Lambda.Unknown', message: expect.stringContaining('exit status 3') });
    const next = (await container.invoke('hello', {})) as Report;
    expect(next.greeting).toBe('hello');
    expect(next.threadId).not.toBe(first.threadId);
  });

  it('reads the stack’s controllable clock, moved after the worker started', async () => {
    const clock = new LocalClock();
    container = workerContainer({ functions: { hello: reportFunction('hello') }, options: OPTIONS, clockOffset: clock.sharedOffset });
    await container.invoke('hello', {});
    clock.advance(30 * 24 * 3600 * 1000);
    const { now } = (await container.invoke('hello', {})) as Report;
    expect(Date.parse(now)).toBeGreaterThanOrEqual(clock.now() - 60_000);
    expect(Date.parse(now)).toBeLessThanOrEqual(clock.now());
  });

  it('refuses invocations once stopped', async () => {
    container = workerContainer({ functions: { hello: reportFunction('hello') }, options: OPTIONS });
    await container.invoke('hello', {});
    await container.stop();
    await expect(container.invoke('hello', {})).rejects.toThrow('stopping');
  });
});
