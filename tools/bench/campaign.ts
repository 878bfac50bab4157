/**
 * `npm run bench -- --signatories N`: a whole campaign of N commitments on the local stack, timed.
 * Progress goes to stderr; the last line of stdout is one JSON object with the figures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnLocalStack } from '../local-stack-process';
import { readUsage } from '../campaign/local-usage';
import { measureBundles } from './bundles';
import { cpuSecondsOf } from './cpu-time';
import { runCampaign } from '../campaign/run-campaign';
import { percentile, progress, round } from './stats';

const { values } = parseArgs({ options: { signatories: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '16' } } });
const signatories = Number(values.signatories);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(signatories) || signatories < 1 || signatories > 5_000) throw new Error('--signatories must be a whole number from 1 to 5000');

process.stderr.write('Measuring bundles and their start-up...\n');
const bundles = await measureBundles();
const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bench-'));
process.stderr.write('Starting the local stack...\n');
// No reminder may fire during the run.
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR', timings: { reminderIntervalSeconds: 3600, reminderCount: 1 } });
try {
  const cpuBefore = { stack: cpuSecondsOf(stack.child.pid), bench: process.cpuUsage() };
  const run = await runCampaign({ appUrl: stack.urls.app, mailboxUrl: stack.urls.mailbox, signatories, concurrency, onProgress: progress });
  const cpuAfter = cpuSecondsOf(stack.child.pid);
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const cpuMs = (seconds: number) => round((seconds * 1000) / signatories);
  const descendantSeconds = (command: string) => (cpuAfter.descendants[command] ?? 0) - (cpuBefore.stack.descendants[command] ?? 0);
  const javaSeconds = descendantSeconds('java');
  const otherSeconds = Object.keys(cpuAfter.descendants).filter((command) => command !== 'java').reduce((sum, command) => sum + descendantSeconds(command), 0);
  // Where the machine's CPU went, per commitment: 2 cores for 60 s leave 120 ms for 1,000 commitments.
  const cpuMsPerCommitment = {
    localStackProcess: cpuMs(cpuAfter.self - cpuBefore.stack.self),
    dynamodbLocal: cpuMs(javaSeconds),
    // The stack's other child processes: the local PKI's OCSP responder (`openssl ocsp`).
    otherLocalProcesses: cpuMs(otherSeconds),
    benchClient: cpuMs((benchCpu.user + benchCpu.system) / 1e6),
  };
  const usage = await readUsage(stack.urls.app);
  const api = bundles.filter((bundle) => bundle.kind === 'api');
  const seal = bundles.find((bundle) => bundle.functionId === 'seal-certificate')!;
  const figures = {
    signatories,
    delivered: run.deliveredIds.length,
    byState: run.byState,
    statusPolls: run.statusPolls,
    seconds: round(run.seconds),
    phaseSeconds: Object.fromEntries(Object.entries(run.phaseSeconds).map(([phase, seconds]) => [phase, round(seconds)])),
    commitmentsPerSecond: round(run.deliveredIds.length / run.seconds, 2),
    signLatencyMsP50: round(percentile(run.signLatenciesMs, 50)),
    signLatencyMsP95: round(percentile(run.signLatenciesMs, 95)),
    operatorVisitMsP50: round(percentile(run.operatorFlowsMs, 50)),
    pdfMsP50: round(percentile(usage.taskSamples['seal-certificate'] ?? [], 50)),
    peakRssMb: peakRssMb(stack.child.pid),
    cpuMsPerCommitment,
    largestApiBundleKb: Math.max(...api.map((bundle) => bundle.bundleKb)),
    // The fonts travel inside the bundle (functions/pdf/fonts.ts): nothing else is deployed beside it.
    sealBundleKb: seal.bundleKb,
    largestInitMs: Math.max(...bundles.map((bundle) => bundle.initMs)),
    initMs: Object.fromEntries(bundles.map((bundle) => [bundle.functionId, bundle.initMs])),
    concurrency,
    machine: { cpus: cpus().length, node: process.version },
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  // A commitment left undelivered is a defect to explain, not only a figure.
  if (run.deliveredIds.length !== signatories) process.stderr.write(`Not every commitment was delivered. The local stack's errors:\n${errorSummary(stack.output())}\n`);
  process.exitCode = run.deliveredIds.length === signatories ? 0 : 1;
} catch (error) {
  process.stderr.write(`The campaign failed: ${(error as Error).message}\nLast lines of the local stack:\n${stack.output().slice(-4000)}\n`);
  process.exitCode = 1;
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The local stack process's peak resident set (VmHWM): the handlers run there. */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The local stack's ERROR log lines grouped by task and message (identifiers masked), most frequent first. */
function errorSummary(output: string): string {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!line.includes('"level":"ERROR"')) continue;
    let key = line.slice(0, 300);
    try {
      const entry = JSON.parse(line) as { message?: string; task?: string; error?: { name?: string; message?: string } };
      key = `${entry.task ?? entry.message}: ${entry.error?.name ?? ''} ${entry.error?.message ?? entry.message ?? ''}`.replace(/cmt_[0-9a-z]+/g, 'cmt_…').slice(0, 400);
    } catch {
      // not a structured line: keep its start
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${String(count).padStart(6)}  ${key}`).join('\n') || '(none)';
}
