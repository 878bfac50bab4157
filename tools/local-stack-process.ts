/**
 * Starts the local stack in a process of its own, exactly as `npm start` runs it (infra/local/start.ts,
 * by file path), and reads what it announces. Tools and test set-ups use it; nothing here imports the
 * local stack's modules, so a program that starts a stack stays a client of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FunctionId } from '../functions/catalog';
import type { WorkflowTimings } from '../functions/workflow/contract';
import { localStackNodeFlags } from '../infra/local-stack-node-flags';
import { REPO_ROOT } from './repo-root';

/** `npm start`'s entry. */
export const LOCAL_STACK_ENTRY = path.join(REPO_ROOT, 'infra', 'local', 'start.ts');

/** What the flags of `npm start` set (see infra/local/start.ts). */
export interface LocalStackProcessOptions {
  /** @default '<repo>/.local' */
  readonly dataDir?: string;
  /** @default false */
  readonly inMemory?: boolean;
  /** The functions' application log level. @default 'WARN' */
  readonly logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
  readonly timings?: Partial<WorkflowTimings>;
  readonly rateLimits?: { readonly perAddress?: number; readonly perLink?: number };
  /** @default on when openssl is installed */
  readonly timestampAuthority?: boolean;
  /** @default false */
  readonly meterUsage?: boolean;
  /** @default false */
  readonly faults?: boolean;
  /** A clock that `POST /local/clock` moves forward. @default false */
  readonly controllableClock?: boolean;
}

/** What the stack announces once it is up. */
export interface LocalStackAnnouncement {
  readonly urls: { readonly app: string; readonly console: string; readonly signIn: string; readonly mailbox: string; readonly dynamodb: string; readonly stepFunctions: string; readonly s3: string };
  /** What a client of the stack's AWS services needs (the endpoints are in `urls`). */
  readonly aws: {
    readonly region: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
    readonly tableName: string;
    readonly stateMachineArn: string;
    readonly filesBucketName: string;
  };
  /** Each function's environment as an invocation starts: what its resource declares, what Lambda provides, the endpoints. */
  readonly functionEnvironments: Readonly<Record<FunctionId, Readonly<Record<string, string>>>>;
  readonly timings: WorkflowTimings;
}

export interface LocalStackProcess extends LocalStackAnnouncement {
  readonly child: ChildProcess;
  /** Everything the stack and its functions wrote so far. */
  output(): string;
  stop(): Promise<void>;
}

const READY_LINE = /^LOCAL_STACK_READY (.+)$/m;

/** The flags of `npm start` for these options. */
function localStackFlags(options: LocalStackProcessOptions): string[] {
  // Free ports: a tool or test must not collide with a stack already running on npm start's ports.
  const flags: string[] = ['--ready-line', '--free-ports'];
  const add = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined || value === false) return;
    flags.push(`--${name}`);
    if (value !== true) flags.push(String(value));
  };
  add('data-dir', options.dataDir);
  add('in-memory', options.inMemory);
  add('log-level', options.logLevel);
  add('reminder-interval-seconds', options.timings?.reminderIntervalSeconds);
  add('reminder-count', options.timings?.reminderCount);
  add('review-timeout-seconds', options.timings?.reviewTimeoutSeconds);
  add('countersign-timeout-seconds', options.timings?.countersignTimeoutSeconds);
  add('rate-limit-per-address', options.rateLimits?.perAddress);
  add('rate-limit-per-link', options.rateLimits?.perLink);
  if (options.timestampAuthority !== undefined) add('timestamp-authority', options.timestampAuthority ? 'on' : 'off');
  add('meter-usage', options.meterUsage);
  add('faults', options.faults);
  add('controllable-clock', options.controllableClock);
  return flags;
}

/**
 * Starts a local stack as `npm start` would and resolves once it announces its URLs. A free port
 * can be taken by another process between the moment the stack chooses it and the moment it binds
 * it (several stacks start at once in the tests): a stack that exits on EADDRINUSE before it is
 * ready is started again, on ports chosen afresh.
 */
export async function spawnLocalStack(options: LocalStackProcessOptions = {}, timeoutMs = 120_000): Promise<LocalStackProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(options, timeoutMs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

/** The stack exited before it was ready because a port it had chosen was taken meanwhile. */
class PortTakenError extends Error {}

function spawnOnce(options: LocalStackProcessOptions, timeoutMs: number): Promise<LocalStackProcess> {
  const child = spawn(process.execPath, [...localStackNodeFlags(), '--import', 'tsx', LOCAL_STACK_ENTRY, ...localStackFlags(options)], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the local stack did not start within ${timeoutMs} ms:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const message = `the local stack exited with code ${code}:\n${output.slice(-3000)}`;
      reject(output.includes('EADDRINUSE') ? new PortTakenError(message) : new Error(message));
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY_LINE.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.off('data', collect).on('data', (more: Buffer) => (output += more.toString()));
      child.stderr?.off('data', collect).on('data', (more: Buffer) => (output += more.toString()));
      const announced = JSON.parse(ready[1] ?? '{}') as LocalStackAnnouncement;
      resolve({
        ...announced,
        child,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });
}

/** Whether a local stack answers at `appUrl` (its development sign-in page). */
export async function localStackRunning(appUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${appUrl}/local/sign-in`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}
