/**
 * `npm run cost -- --signatories N [--one-time-code off]`: runs a small campaign on the local stack, counts what one
 * delivered commitment uses on AWS, and prices it with AWS's public prices (prices.ts). The last
 * line of stdout is JSON with `usdPerCommitment` and the breakdown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_FUNCTIONS, TASK_FUNCTIONS, type FunctionSpec } from '../../functions/catalog';
import type { MailboxEmail } from '../campaign/campaign-client';
import { spawnLocalStack } from '../local-stack-process';
import { readUsage, resetUsage, type InvocationTotals } from '../campaign/local-usage';
import { PRICES } from './prices';
import { runCampaign } from '../campaign/run-campaign';
import { progress, round } from './stats';

const { values } = parseArgs({ options: { signatories: { type: 'string', default: '20' }, 'one-time-code': { type: 'string', default: 'on' } } });
const signatories = Number(values.signatories);
if (!Number.isInteger(signatories) || signatories < 1 || signatories > 1_000) throw new Error('--signatories must be a whole number from 1 to 1000');
if (!['on', 'off'].includes(values['one-time-code'])) throw new Error('--one-time-code must be on (the default) or off');
const oneTimeCode = values['one-time-code'] === 'on';
/** Single-commitment campaigns whose durations price Lambda (the median one). */
const SOLO_RUNS = 3;

const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-cost-'));
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR', meterUsage: true, timings: { reminderIntervalSeconds: 3600, reminderCount: 1 } });
try {
  await resetUsage(stack.urls.app);
  const run = await runCampaign({ appUrl: stack.urls.app, mailboxUrl: stack.urls.mailbox, signatories, concurrency: 4, oneTimeCode, onProgress: progress });
  const usage = await readUsage(stack.urls.app);
  const { emails } = (await (await fetch(`${stack.urls.mailbox}/store`)).json()) as { emails: MailboxEmail[] };
  const delivered = run.deliveredIds.length;
  if (delivered === 0) throw new Error('no commitment was delivered; nothing to price');
  // Lambda bills each invocation's duration in a sandbox of its own. Here every invocation shares one
  // process and a machine shared with other work, so the campaign's durations include the queue for
  // that process (its seals, started together by the bulk countersignature, wait for each other) and
  // swing with the machine's load. Durations are therefore also measured one commitment at a time.
  const alone = await durationsOneAtATime(stack.urls, oneTimeCode, SOLO_RUNS);

  // The runner's own status polling is not part of a campaign: take it out.
  const api = { ...usage.api };
  const polled = api['get-declaration-status'];
  if (polled) api['get-declaration-status'] = withoutCalls(polled, run.statusPolls);

  const perCommitment = (value: number) => value / delivered;
  const memoryOf = (id: string) => ((API_FUNCTIONS as Record<string, FunctionSpec>)[id] ?? (TASK_FUNCTIONS as Record<string, FunctionSpec>)[id])?.memorySize ?? 256;
  const invocations = [...Object.entries(api), ...Object.entries(usage.tasks)];
  const lambdaRequests = perCommitment(invocations.reduce((sum, [, totals]) => sum + totals.count, 0));
  const msEachUnderLoad = (totals: InvocationTotals) => (totals.count === 0 ? 0 : totals.totalMs / totals.count);
  const msEachAlone = (id: string, totals: InvocationTotals) => alone.get(id) ?? msEachUnderLoad(totals);
  const gbSecondsOf = (msEach: (id: string, totals: InvocationTotals) => number) =>
    perCommitment(invocations.reduce((sum, [id, totals]) => sum + ((totals.count * msEach(id, totals)) / 1000) * (memoryOf(id) / 1024), 0));
  const gbSeconds = gbSecondsOf(msEachAlone);
  const gbSecondsUnderLoad = gbSecondsOf((_id, totals) => msEachUnderLoad(totals));
  const httpRequests = perCommitment(Object.values(api).reduce((sum, totals) => sum + totals.count, 0));
  // DynamoDB Local, like DynamoDB, reports transactional items at twice the standard rate: what AWS bills.
  const writeUnits = perCommitment(usage.dynamodb.writeUnits + usage.dynamodb.transactionalWriteUnits);
  const readUnits = perCommitment(usage.dynamodb.readUnits + usage.dynamodb.transactionalReadUnits);
  const stateTransitions = perCommitment(usage.stateTransitions);
  const emailCount = perCommitment(emails.length);
  const s3WriteRequests = perCommitment(usage.s3.writeRequests);
  const s3ReadRequests = perCommitment(usage.s3.readRequests);
  const attachmentBytes = perCommitment(emails.reduce((sum, email) => sum + email.attachments.reduce((bytes, file) => bytes + file.size, 0), 0));

  const usd = {
    stepFunctions: stateTransitions * PRICES.stepFunctionsStandardPerStateTransition,
    lambdaRequests: lambdaRequests * PRICES.lambdaPerRequest,
    lambdaCompute: gbSeconds * PRICES.lambdaArmPerGbSecond,
    dynamodbWrites: writeUnits * PRICES.dynamodbPerWriteRequestUnit,
    dynamodbReads: readUnits * PRICES.dynamodbPerReadRequestUnit,
    sesEmails: emailCount * PRICES.sesPerEmail,
    sesAttachments: (attachmentBytes / 1024 ** 3) * PRICES.sesPerAttachmentGb,
    httpApi: httpRequests * PRICES.httpApiPerRequest,
    s3Requests: s3WriteRequests * PRICES.s3PerWriteRequest + s3ReadRequests * PRICES.s3PerReadRequest,
  };
  const total = Object.values(usd).reduce((sum, value) => sum + value, 0);
  const totalUnderLoad = total - usd.lambdaCompute + gbSecondsUnderLoad * PRICES.lambdaArmPerGbSecond;
  const result = {
    signatories,
    delivered,
    oneTimeCode,
    usdPerCommitment: Number(total.toPrecision(3)),
    // The same with Lambda priced from the campaign's own durations, queue and machine load included.
    usdPerCommitmentWithDurationsUnderLoad: Number(totalUnderLoad.toPrecision(3)),
    // Within 10% of the floor of four emails and six transitions ($0.00055).
    goalUsdPerCommitment: 0.0006,
    usage: {
      stateTransitions: round(stateTransitions, 2),
      lambdaInvocations: round(lambdaRequests, 2),
      lambdaGbSeconds: round(gbSeconds, 4),
      lambdaGbSecondsUnderLoad: round(gbSecondsUnderLoad, 4),
      dynamodbWriteUnits: round(writeUnits, 2),
      dynamodbReadUnits: round(readUnits, 2),
      sesEmails: round(emailCount, 2),
      sesAttachmentKb: round(attachmentBytes / 1024, 1),
      httpApiRequests: round(httpRequests, 2),
      dynamodbRequests: round(perCommitment(usage.dynamodb.requests), 2),
      s3WriteRequests: round(s3WriteRequests, 2),
      s3ReadRequests: round(s3ReadRequests, 2),
      // Not priced here: a qualified timestamp authority bills per token, at the price of its contract.
      timestampTokens: round(perCommitment(usage.timestampTokens), 2),
    },
    dynamodbRequestsByKind: Object.fromEntries(
      Object.entries(usage.dynamodb.requestsByKind).sort(([, a], [, b]) => b - a).map(([kind, count]) => [kind, round(perCommitment(count), 2)]),
    ),
    // Where the write and read units go: capacity units per commitment by request kind, largest first.
    dynamodbUnitsByKind: Object.fromEntries(
      Object.entries(usage.dynamodb.unitsByKind ?? {}).sort(([, a], [, b]) => b - a).map(([kind, units]) => [kind, round(perCommitment(units), 2)]),
    ),
    // Where the Lambda compute goes: GB-seconds per commitment by function, largest first, with the
    // invocations per commitment, the memory, and the mean duration one at a time and in the campaign.
    lambdaByFunction: Object.fromEntries(
      invocations
        .filter(([, totals]) => totals.count > 0)
        .map(([id, totals]) => {
          const msEach = msEachAlone(id, totals);
          const gb = perCommitment(((totals.count * msEach) / 1000) * (memoryOf(id) / 1024));
          return [id, { invocations: round(perCommitment(totals.count), 2), memoryMb: memoryOf(id), msEach: round(msEach, 1), msEachUnderLoad: round(msEachUnderLoad(totals), 1), gbSeconds: round(gb, 4) }] as const;
        })
        .sort(([, a], [, b]) => b.gbSeconds - a.gbSeconds),
    ),
    usd: Object.fromEntries(Object.entries(usd).map(([key, value]) => [key, Number(value.toPrecision(3))])),
    prices: { region: PRICES.region, recordedOn: PRICES.recordedOn },
    note: `Lambda durations are measured on this machine, not on Lambda: each function's mean over ${SOLO_RUNS} commitments run one at a time (the median run), times its invocations in the campaign; free tiers are not deducted.`,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Each function's mean duration (ms) when one commitment goes through at a time, on the warm stack:
 * the median over `runs` single-commitment campaigns. Usage is reset before each.
 */
async function durationsOneAtATime(urls: { app: string; mailbox: string }, oneTimeCode: boolean, runs: number): Promise<Map<string, number>> {
  const means = new Map<string, number[]>();
  for (let index = 0; index < runs; index++) {
    await resetUsage(urls.app);
    const solo = await runCampaign({ appUrl: urls.app, mailboxUrl: urls.mailbox, signatories: 1, concurrency: 1, oneTimeCode, onProgress: (phase, done, total) => progress(`one at a time (${index + 1}/${runs}): ${phase}`, done, total) });
    if (solo.deliveredIds.length !== 1) throw new Error('the single commitment was not delivered; its durations would be incomplete');
    const soloUsage = await readUsage(urls.app);
    for (const [id, totals] of [...Object.entries(soloUsage.api), ...Object.entries(soloUsage.tasks)]) {
      if (totals.count > 0) means.set(id, [...(means.get(id) ?? []), totals.totalMs / totals.count]);
    }
  }
  return new Map([...means].map(([id, values]) => [id, median(values)]));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function withoutCalls(totals: InvocationTotals, calls: number): InvocationTotals {
  const kept = Math.max(0, totals.count - calls);
  return { count: kept, totalMs: totals.count === 0 ? 0 : (totals.totalMs * kept) / totals.count };
}
