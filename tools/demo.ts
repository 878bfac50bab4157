/**
 * `npm run demo -- --signatories N`: a whole campaign, end to end, through the HTTP API and the
 * local mailbox. Starts the local stack unless one is already running, and stops what it started.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './repo-root';
import { runCampaign } from './campaign/run-campaign';
import { CampaignClient } from './campaign/campaign-client';
import { localStackRunning, spawnLocalStack, type LocalStackProcess } from './local-stack-process';

const { values } = parseArgs({ options: { signatories: { type: 'string', default: '8' }, app: { type: 'string', default: 'http://127.0.0.1:3000' }, mailbox: { type: 'string', default: 'http://127.0.0.1:8005' } } });
const count = Number(values.signatories);
if (!Number.isInteger(count) || count < 1 || count > 5_000) {
  process.stderr.write('--signatories must be a whole number from 1 to 5000\n');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = Date.now();
let stack: LocalStackProcess | undefined;
let client = new CampaignClient(values.app, values.mailbox);
if (!(await localStackRunning(values.app))) {
  log('No local stack is running: starting one (npm start, on free ports)...');
  stack = await spawnLocalStack({ logLevel: 'WARN' });
  client = new CampaignClient(stack.urls.app, stack.urls.mailbox);
}

let exitCode = 1;
try {
  exitCode = await runDemo(client);
} finally {
  await stack?.stop();
}
process.exit(exitCode);

async function runDemo(campaign: CampaignClient): Promise<number> {
  const run = await runCampaign({
    appUrl: campaign.appUrl,
    mailboxUrl: campaign.mailboxUrl,
    signatories: count,
    concurrency: 8,
    onProgress: (phase, done, total) => done === total && log(`${phase}: ${done} of ${total}.`),
  });
  const auditor = await campaign.token('auditor');
  const outDir = path.join(REPO_ROOT, '.local', 'demo');
  mkdirSync(outDir, { recursive: true });
  let pdfs = 0;
  for (const commitmentId of run.deliveredIds) {
    const { bytes } = await campaign.downloadDocument(auditor, commitmentId);
    writeFileSync(path.join(outDir, `${commitmentId}.pdf`), bytes);
    pdfs += 1;
  }
  const summary = { signatories: count, delivered: run.deliveredIds.length, pdfs, seconds: Math.round((Date.now() - started) / 100) / 10, declarationId: run.declarationId, byState: run.byState };
  writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  log(`Delivered ${summary.delivered} of ${count}; ${pdfs} sealed PDFs in ${path.relative(REPO_ROOT, outDir)}/.`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary.delivered === count && pdfs === count ? 0 : 1;
}
