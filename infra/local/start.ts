/**
 * `npm start`: the whole product on this machine. Ctrl-C (or SIGTERM) stops everything it started.
 *
 * Settings come from flags (`npm start -- --reminder-interval-seconds 60`), else from environment
 * variables (`REMINDER_INTERVAL_SECONDS=60 npm start`), else the defaults below:
 *   --data-dir <dir>                     data of DynamoDB Local, the seal and the timestamp authority (.local)
 *   --in-memory                          keep the database in memory only
 *   --free-ports                         every service on a free port instead of 3000, 8005, 8000, 8083, 8084
 *   --log-level <level>                  the functions' application log level (LOG_LEVEL; WARN)
 *   --reminder-interval-seconds <n>      (REMINDER_INTERVAL_SECONDS), --reminder-count <n> (REMINDER_COUNT),
 *   --review-timeout-seconds <n>, --countersign-timeout-seconds <n>: workflow timings (cdk.json's otherwise)
 *   --rate-limit-per-address <n>, --rate-limit-per-link <n>: signing POSTs per 10-minute window
 *   --timestamp-authority <on|off>       timestamp every seal (on when openssl is installed)
 *   --meter-usage                        count usage at GET /local/usage (for `npm run cost`)
 *   --faults                             fault injection at /local/faults (resilience tests)
 *   --controllable-clock                 a clock that POST /local/clock moves forward: the workflow's waits and
 *                                        the handlers' time follow it (tests of reminders and expiry)
 *   --ready-line                         print one line `LOCAL_STACK_READY <json>` (URLs, resources, each
 *                                        function's environment, timings) for a program that started it
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { LOG_LEVELS, type LogLevel } from '../config';
import { missingLocalStackNodeFlags } from '../local-stack-node-flags';
import type { LocalStack, LocalStackOptions } from './stack';

// The stack runs with the Node flags it wants (infra/local-stack-node-flags.ts): without them, this
// process starts the stack again with them, passes signals on, and exits as it exits. The stack's
// modules are loaded only in the process that runs it.
const missingNodeFlags = missingLocalStackNodeFlags();
if (missingNodeFlags.length > 0) await runAgainWith(missingNodeFlags);

function runAgainWith(nodeFlags: readonly string[]): Promise<never> {
  const child = spawn(process.execPath, [...nodeFlags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  // The stack stops on the first signal and ignores the next, so a Ctrl-C that reaches both processes stops it once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise<never>(() => {
    child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}

function fail(message: string): never {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(2);
}

const FLAGS = {
  'data-dir': { type: 'string' },
  'in-memory': { type: 'boolean' },
  'free-ports': { type: 'boolean' },
  'log-level': { type: 'string' },
  'reminder-interval-seconds': { type: 'string' },
  'reminder-count': { type: 'string' },
  'review-timeout-seconds': { type: 'string' },
  'countersign-timeout-seconds': { type: 'string' },
  'rate-limit-per-address': { type: 'string' },
  'rate-limit-per-link': { type: 'string' },
  'timestamp-authority': { type: 'string' },
  'meter-usage': { type: 'boolean' },
  faults: { type: 'boolean' },
  'controllable-clock': { type: 'boolean' },
  'ready-line': { type: 'boolean' },
} as const;

let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS }>>;
try {
  parsed = parseArgs({ options: FLAGS });
} catch (error) {
  fail((error as Error).message);
}
const flags = parsed.values;

function parseWholeNumber(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) fail(`${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}

/** A whole number from a flag, else from an environment variable. */
const wholeNumber = (flag: keyof typeof flags, variable?: string): number | undefined =>
  flags[flag] !== undefined
    ? parseWholeNumber(flags[flag] as string, `--${flag}`)
    : variable ? parseWholeNumber(process.env[variable], variable) : undefined;

const port = (variable: string, fallback: number): number => parseWholeNumber(process.env[variable], variable) ?? fallback;

const logLevel = (flags['log-level'] ?? process.env.LOG_LEVEL ?? 'WARN').toUpperCase();
if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) fail(`--log-level (LOG_LEVEL) must be one of ${LOG_LEVELS.join(', ')}`);
const timestampAuthority = flags['timestamp-authority'];
if (timestampAuthority !== undefined && timestampAuthority !== 'on' && timestampAuthority !== 'off') fail('--timestamp-authority must be on or off');

const definedOnly = <T extends object>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
const options: LocalStackOptions = {
  dataDir: flags['data-dir'],
  inMemory: flags['in-memory'] ?? false,
  // Without fixed ports, every service listens on a free one (the other services always do).
  ports: flags['free-ports'] ? {} : {
    app: port('PORT', 3000),
    mailbox: port('MAILBOX_PORT', 8005),
    dynamodb: port('DYNAMODB_PORT', 8000),
    stepFunctions: port('STEP_FUNCTIONS_PORT', 8083),
    secretsManager: port('SECRETS_MANAGER_PORT', 8084),
    // The certificates name the PKI's address: a fixed port keeps them, and documents sealed earlier, valid across restarts.
    pki: port('PKI_PORT', 8086),
  },
  timings: definedOnly({
    reminderIntervalSeconds: wholeNumber('reminder-interval-seconds', 'REMINDER_INTERVAL_SECONDS'),
    reminderCount: wholeNumber('reminder-count', 'REMINDER_COUNT'),
    reviewTimeoutSeconds: wholeNumber('review-timeout-seconds'),
    countersignTimeoutSeconds: wholeNumber('countersign-timeout-seconds'),
  }),
  rateLimits: definedOnly({ perAddress: wholeNumber('rate-limit-per-address'), perLink: wholeNumber('rate-limit-per-link') }),
  timestampAuthority: timestampAuthority === undefined ? undefined : timestampAuthority === 'on',
  logLevel: logLevel as LogLevel,
  meterUsage: flags['meter-usage'] ?? false,
  faults: flags.faults ?? false,
  controllableClock: flags['controllable-clock'] ?? false,
};

let stack: LocalStack | undefined;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (!flags['ready-line']) process.stdout.write('\nStopping the local stack...\n');
    // Before the stack is up, exiting is enough: the services started so far stop with the process.
    if (!stack) process.exit(130);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

const { startLocalStack } = await import('./stack');
stack = await startLocalStack(options);

if (flags['ready-line']) {
  const { urls, aws, functionEnvironments, timings } = stack;
  process.stdout.write(`LOCAL_STACK_READY ${JSON.stringify({ urls, aws, functionEnvironments, timings })}\n`);
} else {
  process.stdout.write(`
European Ports Alliance signing is running on the embedded local stack.

  App (signing links point here)  ${stack.urls.app}
  Commission console              ${stack.urls.console}
  Development sign-in             ${stack.urls.signIn}   (pick commission-admin or auditor)
  Mailbox (local SES)             ${stack.urls.mailbox}
  Check a sealed PDF              ${stack.urls.app}/verify   (offline: npm run verify -- file.pdf)
  DynamoDB Local                  ${stack.urls.dynamodb}   (${options.inMemory ? 'data in memory only' : `data in ${flags['data-dir'] ?? '.local'}/dynamodb`})
  Step Functions API              ${stack.urls.stepFunctions}
  Files (S3: ZIP exports, PDFs)   ${stack.urls.s3}   (${options.inMemory ? 'files in a temporary folder' : `files in ${flags['data-dir'] ?? '.local'}/s3`})

  A token for scripts:  curl -s -X POST ${stack.urls.app}/local/token -H 'content-type: application/json' -d '{"group":"commission-admin"}'
  Reminders every ${stack.timings.reminderIntervalSeconds} s, ${stack.timings.reminderCount} before expiry.
  Unfinished commitments whose workflow was started again: ${Object.values(stack.recovery.redriven).reduce((sum, count) => sum + count, 0)}.

Press Ctrl-C to stop.
`);
}
