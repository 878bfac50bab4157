/**
 * Local-only endpoints that let tests drive time and see when the workflow has settled, instead
 * of waiting on the wall clock:
 * - `GET /local/idle?timeoutMs=10000[&execution=<name>...]`: answers 200 once no task handler runs,
 *   no work outside the workflow is under way (a scheduled run such as the daily digest,
 *   infra/local/daily-schedules.ts; an asynchronous invocation, infra/local/lambda-service.ts),
 *   and every running execution (or each one named; an execution's name is its commitment id)
 *   waits at a callback, so that nothing more happens until a callback comes or the clock reaches
 *   a timeout; 504 if that takes longer than `timeoutMs` (at most 300000), 404 for an execution
 *   never started. The body says what runs (`{"idle", "running", "parked", "tasksInFlight"}`).
 * - `GET /local/clock`: the stack's time and when its next timer falls due
 *   (`{"now", "aheadSeconds", "nextDueAt"}`; `nextDueAt` is absent when nothing waits for a timeout);
 *   `POST /local/clock` `{"advanceSeconds": 3600}` moves it forward (a stack started with
 *   `controllableClock`): the workflow's waits that become due time out at once, and the handlers
 *   see the new time.
 */
import type { LocalClock } from './clock';
import type { LocalEndpoint } from './http-api';
import type { LocalStepFunctions } from './step-functions';

const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
const MAX_IDLE_TIMEOUT_MS = 300_000;
const MAX_ADVANCE_SECONDS = 366 * 24 * 3600;

/** Work outside the workflow that idleness waits for too (scheduled runs, asynchronous Lambda invocations). */
export interface BackgroundWork {
  readonly inFlight: number;
  whenIdle(): Promise<void>;
}

export function idleEndpoint(stepFunctions: LocalStepFunctions, background: readonly BackgroundWork[] = []): LocalEndpoint {
  return async ({ method, path, query }) => {
    if (path !== '/local/idle') return undefined;
    if (method !== 'GET') return { status: 405, body: { message: 'Use GET.' } };
    const timeoutMs = query.has('timeoutMs') ? Number(query.get('timeoutMs')) : DEFAULT_IDLE_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > MAX_IDLE_TIMEOUT_MS) {
      return { status: 400, body: { message: `timeoutMs must be a whole number from 0 to ${MAX_IDLE_TIMEOUT_MS}.` } };
    }
    const executions = query.getAll('execution');
    let idle: Promise<void>;
    try {
      const workflowIdle = () => stepFunctions.whenIdle(executions.length > 0 ? executions : undefined);
      idle = background.length > 0 && executions.length === 0 ? untilAllIdle(workflowIdle, background) : workflowIdle();
    } catch (error) {
      return { status: 404, body: { message: (error as Error).message } };
    }
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      idle.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    const activity = { ...stepFunctions.activity(), backgroundInFlight: inFlight(background) };
    return settled ? { status: 200, body: { ...activity, idle: true } } : { status: 504, body: { ...activity, message: `The workflow was not idle within ${timeoutMs} ms.` } };
  };
}

const inFlight = (background: readonly BackgroundWork[]) => background.reduce((sum, work) => sum + work.inFlight, 0);

/** The workflow and the background work, all idle at the same moment (any may start another). */
async function untilAllIdle(workflowIdle: () => Promise<void>, background: readonly BackgroundWork[]): Promise<void> {
  for (;;) {
    await workflowIdle();
    await Promise.all(background.map((work) => work.whenIdle()));
    await workflowIdle();
    if (inFlight(background) === 0) return;
  }
}

export function clockEndpoint(clock: LocalClock): LocalEndpoint {
  const time = () => {
    const next = clock.nextDueAt;
    return { now: new Date(clock.now()).toISOString(), aheadSeconds: clock.aheadMs / 1000, ...(next === undefined ? {} : { nextDueAt: new Date(next).toISOString() }) };
  };
  return async ({ method, path, body }) => {
    if (path !== '/local/clock') return undefined;
    if (method === 'GET') return { status: 200, body: time() };
    if (method !== 'POST') return { status: 405, body: { message: 'Use GET, or POST {"advanceSeconds": n}.' } };
    let seconds: unknown;
    try {
      seconds = (JSON.parse((await body()).toString('utf8') || '{}') as { advanceSeconds?: unknown }).advanceSeconds;
    } catch {
      return { status: 400, body: { message: 'The body must be JSON: {"advanceSeconds": n}.' } };
    }
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_ADVANCE_SECONDS) {
      return { status: 400, body: { message: `advanceSeconds must be a number of seconds above 0 and at most ${MAX_ADVANCE_SECONDS}.` } };
    }
    clock.advance(seconds * 1000);
    return { status: 200, body: time() };
  };
}
