/**
 * `npm run bench:import -- --rows 5000`: how long the invitation import takes on the local stack,
 * for a file of N rows: the check (read and validate), the import in one request, and the import
 * in slices of 500 rows as the console sends it. The last line of stdout is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CampaignClient } from '../campaign/campaign-client';
import { spawnLocalStack } from '../local-stack-process';
import { sampleDeclaration } from '../campaign/sample-declaration';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' }, slice: { type: 'string', default: '500' } } });
const rows = Number(values.rows);
const slice = Number(values.slice);
if (!Number.isInteger(rows) || rows < 1 || rows > 5_000) throw new Error('--rows must be a whole number from 1 to 5000');

const CATEGORIES = ['law_enforcement', 'customs', 'port_authority', 'private_operator', 'eu_agency'];
const COUNTRIES = ['BE', 'BG', 'DE', 'EL', 'ES', 'FR', 'HR', 'IT', 'NL', 'PL', 'PT', 'RO'].map((code) => (code === 'EL' ? 'GR' : code));
function csvOf(count: number, tag: string): string {
  const lines = ['organisation,category,country,email,contact_name,language,email_domains'];
  for (let index = 0; index < count; index++) {
    lines.push(`"Organisation ${index + 1} – Λιμάνι ${tag}",${CATEGORIES[index % 5]},${COUNTRIES[index % COUNTRIES.length]},contact${index}.${tag}@port${index % 50}.example,"Contact Ωμέγα ${index}",en,port${index % 50}.example`);
  }
  return `${lines.join('\n')}\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: Math.round((performance.now() - started) / 10) / 100, value };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bench-import-'));
process.stderr.write('Starting the local stack...\n');
// Long waits: no reminder fires while the executions start.
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR', timings: { reminderIntervalSeconds: 3600, reminderCount: 1 } });
try {
  const campaign = new CampaignClient(stack.urls.app, stack.urls.mailbox);
  const admin = await campaign.token('commission-admin');
  const post = (declarationId: string, body: unknown) => campaign.api<{ validRows: number; imported?: { invited: number } }>(admin, 'POST', `/api/declarations/${declarationId}/invitation-imports`, body);

  const whole = await campaign.createDeclaration(admin, sampleDeclaration());
  const wholeCsv = csvOf(rows, 'w');
  process.stderr.write(`Checking ${rows} rows...\n`);
  const check = await timed(() => post(whole.id, { csv: wholeCsv, mode: 'check' }));
  process.stderr.write(`Importing ${rows} rows in one request...\n`);
  const oneRequest = await timed(() => post(whole.id, { csv: wholeCsv, mode: 'import' }));

  const sliced = await campaign.createDeclaration(admin, sampleDeclaration());
  const slicedCsv = csvOf(rows, 's');
  process.stderr.write(`Importing ${rows} rows in slices of ${slice}...\n`);
  const sliceSeconds: number[] = [];
  const inSlices = await timed(async () => {
    let invited = 0;
    for (let from = 1; from <= rows; from += slice) {
      const part = await timed(() => post(sliced.id, { csv: slicedCsv, mode: 'import', rows: { from, to: Math.min(rows, from + slice - 1) } }));
      sliceSeconds.push(part.seconds);
      invited += part.value.imported?.invited ?? 0;
    }
    return invited;
  });

  const figures = {
    rows,
    checkSeconds: check.seconds,
    validRows: check.value.validRows,
    oneRequestSeconds: oneRequest.seconds,
    oneRequestInvited: oneRequest.value.imported?.invited ?? 0,
    slicedSeconds: inSlices.seconds,
    slicedInvited: inSlices.value,
    slowestSliceSeconds: Math.max(...sliceSeconds),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
// The stack's child may still be winding down thousands of executions; the figures are out.
process.exit(0);
