/**
 * `npm run demo -- --signatories N`: a whole campaign, end to end, through the HTTP API and the
 * local mailbox. Starts the local stack unless one is already running, and stops what it started.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../handler-function';
import { CampaignClient, signingLinkIn, waitFor } from './campaign-client';
import { campaignSignatories } from './demo-signatories';
import { sampleDeclaration } from './sample-declaration';
import { startLocalStack, type LocalStack } from './stack';
import { mapWithConcurrency } from '../../functions/operations/concurrency';

const { values } = parseArgs({ options: { signatories: { type: 'string', default: '8' }, app: { type: 'string', default: 'http://127.0.0.1:3000' }, mailbox: { type: 'string', default: 'http://127.0.0.1:8005' } } });
const count = Number(values.signatories);
if (!Number.isInteger(count) || count < 1 || count > 5_000) {
  process.stderr.write('--signatories must be a whole number from 1 to 5000\n');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = Date.now();
let stack: LocalStack | undefined;
let client = new CampaignClient(values.app, values.mailbox);
if (!(await isRunning(values.app))) {
  log('No local stack is running: starting one...');
  stack = await startLocalStack({ logLevel: 'WARN' });
  client = new CampaignClient(stack.urls.app, stack.urls.mailbox);
}

let exitCode = 1;
try {
  exitCode = await runCampaign(client);
} finally {
  await stack?.stop();
}
process.exit(exitCode);

async function runCampaign(campaign: CampaignClient): Promise<number> {
  const runTag = Date.now().toString(36);
  const admin = await campaign.token('commission-admin');
  const auditor = await campaign.token('auditor');
  const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
  log(`Declaration ${declaration.id} created.`);

  const people = campaignSignatories(count, runTag);
  const invited = await campaign.invite(admin, declaration.id, people.map((person) => person.invitation));
  log(`Invited ${invited.invited} organisations.`);

  await mapWithConcurrency(people, 8, async ({ signatory }) => {
    const [invitation] = await campaign.waitForEmails(signatory.email, (email) => email.subject.startsWith('Invitation'), 1, 60_000);
    const response = await campaign.signThroughLink(signingLinkIn(invitation!), { name: signatory.contact, title: signatory.function });
    if (response.status !== 200) throw new Error(`signing for ${signatory.organisation} answered ${response.status}`);
  });
  log(`All ${count} signed through their emailed links.`);

  const isSettled = (state: string) => !['INVITED', 'SIGNED'].includes(state);
  await waitFor(async () => {
    const status = await campaign.status(admin, declaration.id);
    return status.commitments.every((commitment) => isSettled(commitment.state)) ? status : undefined;
  }, 120_000, 'automatic verification of every signature');
  const countersigned = await campaign.countersignAllVerified(admin, declaration.id);
  log(`Countersigned ${countersigned.countersigned}.`);

  const final = await waitFor(async () => {
    const status = await campaign.status(admin, declaration.id);
    return status.commitments.every((commitment) => !['VERIFIED', 'COUNTERSIGNED', 'SEALED'].includes(commitment.state)) ? status : undefined;
  }, 300_000, 'sealing and delivery');

  const outDir = path.join(REPO_ROOT, '.local', 'demo');
  mkdirSync(outDir, { recursive: true });
  const delivered = final.commitments.filter((commitment) => commitment.state === 'DELIVERED');
  let pdfs = 0;
  for (const commitment of delivered) {
    const { bytes } = await campaign.downloadDocument(auditor, commitment.id);
    writeFileSync(path.join(outDir, `${commitment.id}.pdf`), bytes);
    pdfs += 1;
  }
  const summary = { signatories: count, delivered: delivered.length, pdfs, seconds: Math.round((Date.now() - started) / 100) / 10, declarationId: declaration.id, byState: final.byState };
  writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  log(`Delivered ${delivered.length} of ${count}; ${pdfs} sealed PDFs in ${path.relative(REPO_ROOT, outDir)}/.`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  return delivered.length === count && pdfs === count ? 0 : 1;
}

async function isRunning(appUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${appUrl}/local/sign-in`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}
