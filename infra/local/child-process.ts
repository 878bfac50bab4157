import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { LocalStack, LocalStackOptions } from './stack';

/** Where `npm start` runs (not read from handler-function.ts, which loads the CDK into every test that starts a stack). */
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface LocalStackProcess {
  readonly urls: LocalStack['urls'];
  readonly env: LocalStack['env'];
  readonly timings: LocalStack['timings'];
  readonly child: ChildProcess;
  /** Everything the stack's handlers logged so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the local stack in its own Node process, exactly as `npm start` runs it. */
export function spawnLocalStack(options: LocalStackOptions, timeoutMs = 120_000): Promise<LocalStackProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'infra', 'local', 'child.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOCAL_STACK_OPTIONS: JSON.stringify(options), NODE_NO_WARNINGS: '1' },
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
      reject(new Error(`the local stack exited with code ${code}:\n${output.slice(-3000)}`));
    });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const ready = /^LOCAL_STACK_READY (.+)$/m.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const started = JSON.parse(ready[1] ?? '{}') as Pick<LocalStackProcess, 'urls' | 'env' | 'timings'>;
      resolve({
        ...started,
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
