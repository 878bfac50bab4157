/** Test-side of the local stack's clock and idleness (infra/local/workflow-time.ts). */

/**
 * How long a test waits for the workflow to get somewhere. Long, since a loaded machine is slow
 * (the test stacks' links and waits last a day): a wait ends as soon as what it waits for happens.
 */
export const WORKFLOW_TIMEOUT_MS = 180_000;

/**
 * Waits until the workflow has settled: no task runs and every execution (or each of
 * `executions`, by commitment id) waits at a callback or has ended. Nothing more happens to it
 * until someone calls or the clock reaches a timeout, so a test can then check what did not happen.
 */
export async function waitForIdle(appUrl: string, options: { executions?: readonly string[]; timeoutMs?: number } = {}): Promise<void> {
  const query = new URLSearchParams({ timeoutMs: String(options.timeoutMs ?? WORKFLOW_TIMEOUT_MS) });
  for (const execution of options.executions ?? []) query.append('execution', execution);
  const response = await fetch(`${appUrl}/local/idle?${query}`);
  if (response.status !== 200) throw new Error(`the workflow did not settle: ${response.status} ${await response.text()}`);
}

/** Moves the stack's clock forward (a stack started with `controllableClock`); answers its new time. */
export async function advanceClock(appUrl: string, seconds: number): Promise<Date> {
  const response = await fetch(`${appUrl}/local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
  if (response.status !== 200) throw new Error(`moving the clock answered ${response.status}: ${await response.text()}`);
  return new Date(((await response.json()) as { now: string }).now);
}

/** The stack's time, and when its next timer (a wait's timeout) falls due. */
export async function stackClock(appUrl: string): Promise<{ now: Date; nextDueAt?: Date }> {
  const response = await fetch(`${appUrl}/local/clock`);
  if (response.status !== 200) throw new Error(`reading the clock answered ${response.status}: ${await response.text()}`);
  const { now, nextDueAt } = (await response.json()) as { now: string; nextDueAt?: string };
  return { now: new Date(now), nextDueAt: nextDueAt === undefined ? undefined : new Date(nextDueAt) };
}

/** The stack's time. */
export async function stackTime(appUrl: string): Promise<Date> {
  return (await stackClock(appUrl)).now;
}

/**
 * Lets the workflow settle, then moves the clock past every timeout due within `horizonSeconds`
 * (letting each settle in turn), so that nothing falls due on its own while a test runs.
 */
export async function settleWithin(appUrl: string, horizonSeconds: number, timeoutMs = WORKFLOW_TIMEOUT_MS): Promise<void> {
  for (let round = 0; ; round++) {
    await waitForIdle(appUrl, { timeoutMs });
    const { now, nextDueAt } = await stackClock(appUrl);
    if (nextDueAt === undefined || nextDueAt.getTime() - now.getTime() > horizonSeconds * 1000) return;
    if (round === 20) throw new Error(`timeouts keep falling due within ${horizonSeconds} s of the clock`);
    await advanceClock(appUrl, Math.max(1, Math.ceil((nextDueAt.getTime() - now.getTime()) / 1000)));
  }
}
