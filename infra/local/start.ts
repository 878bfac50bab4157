/**
 * `npm start`: the whole product on this machine. Ctrl-C stops everything it started.
 * Timings can be shortened for a demo with environment variables, e.g.
 * REMINDER_INTERVAL_SECONDS=60 REMINDER_COUNT=2 npm start
 */
import { startLocalStack, type LocalStack } from './stack';

let stack: LocalStack | undefined;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the local stack...\n');
    // Before the stack is up, exiting is enough: the services started so far stop with the process.
    if (!stack) process.exit(130);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

const numberFromEnv = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);
const reminderIntervalSeconds = numberFromEnv('REMINDER_INTERVAL_SECONDS');
const reminderCount = numberFromEnv('REMINDER_COUNT');

stack = await startLocalStack({
  ports: {
    app: numberFromEnv('PORT') ?? 3000,
    mailbox: numberFromEnv('MAILBOX_PORT') ?? 8005,
    dynamodb: numberFromEnv('DYNAMODB_PORT') ?? 8000,
    stepFunctions: numberFromEnv('STEP_FUNCTIONS_PORT') ?? 8083,
    secretsManager: numberFromEnv('SECRETS_MANAGER_PORT') ?? 8084,
  },
  timings: {
    ...(reminderIntervalSeconds !== undefined ? { reminderIntervalSeconds } : {}),
    ...(reminderCount !== undefined ? { reminderCount } : {}),
  },
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'WARN',
});

process.stdout.write(`
European Ports Alliance signing is running on the embedded local stack.

  App (signing links point here)  ${stack.urls.app}
  Commission console              ${stack.urls.console}
  Development sign-in             ${stack.urls.signIn}   (pick commission-admin or auditor)
  Mailbox (local SES)             ${stack.urls.mailbox}
  Check a sealed PDF              ${stack.urls.app}/verify   (offline: npm run verify -- file.pdf)
  DynamoDB Local                  ${stack.urls.dynamodb}   (data in .local/dynamodb)
  Step Functions API              ${stack.urls.stepFunctions}

  A token for scripts:  curl -s -X POST ${stack.urls.app}/local/token -H 'content-type: application/json' -d '{"group":"commission-admin"}'
  Reminders every ${stack.timings.reminderIntervalSeconds} s, ${stack.timings.reminderCount} before expiry.
  Unfinished commitments whose workflow was started again: ${Object.values(stack.recovery.redriven).reduce((sum, count) => sum + count, 0)}.

Press Ctrl-C to stop.
`);
