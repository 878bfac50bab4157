/**
 * Runs the local stack as a child process for test runners and benchmarks: options come in the
 * LOCAL_STACK_OPTIONS environment variable (JSON), and one line `LOCAL_STACK_READY <json>` on
 * stdout announces the URLs. SIGTERM or SIGINT stops everything.
 */
import { startLocalStack, type LocalStackOptions } from './stack';

const options = JSON.parse(process.env.LOCAL_STACK_OPTIONS ?? '{}') as LocalStackOptions;
const stack = await startLocalStack(options);
process.stdout.write(`LOCAL_STACK_READY ${JSON.stringify({ urls: stack.urls, env: stack.env, timings: stack.timings })}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
