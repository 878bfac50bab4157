/**
 * The local stand-in for EventBridge Scheduler's daily schedules (the catalog's `daily-schedule`
 * event functions, e.g. the digest): a timer of the stack's clock at the deployment's hour (UTC),
 * re-armed after each run. Moving a controllable clock past that hour runs the function at once,
 * as Scheduler would have; `GET /local/idle` waits for the run to finish. A move across several
 * days runs it once (the digest is once per day anyway, for the day the run sees).
 */
import type { ScheduledEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { EVENT_FUNCTIONS, type EventFunctionId } from '../../functions/catalog';
import { nextDigestAt } from '../../functions/domain/notifications';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './aws-local';
import type { LocalClock } from './clock';
import type { LocalEndpoint } from './http-api';
import type { BackgroundWork } from './workflow-time';

/** Work the stack runs by itself (a scheduled run), counted so that `GET /local/idle` can wait for it. */
export class ScheduledRuns implements BackgroundWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  get inFlight(): number {
    return this.running;
  }

  run(work: () => Promise<unknown>): void {
    this.running += 1;
    void work().finally(() => {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.waiters.splice(0)) resolve();
    });
  }

  whenIdle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

export interface DailySchedulesOptions {
  readonly clock: LocalClock;
  readonly hourUtc: number;
  readonly invoke: (functionId: EventFunctionId, event: ScheduledEvent) => Promise<unknown>;
  readonly background: ScheduledRuns;
  /** Where a failed run is reported (Scheduler would retry, then dead-letter it). */
  readonly onError?: (functionId: EventFunctionId, error: unknown) => void;
}

/** The event EventBridge Scheduler hands a Lambda target (the shape of a scheduled event). */
export function scheduledEvent(functionId: EventFunctionId, at: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: LOCAL_ACCOUNT,
    time: at.toISOString(),
    region: LOCAL_REGION,
    resources: [`arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/default/${functionId}-daily`],
    detail: {},
  };
}

/**
 * `POST /local/schedules/<functionId>`: runs a scheduled function now, as an operator would invoke
 * it by hand, and answers what it returned (or 502 with its error). For demonstrations and tests
 * of a repeated run; the timer keeps its own time.
 */
export function scheduleRunEndpoint(options: Pick<DailySchedulesOptions, 'clock' | 'invoke' | 'background'>): LocalEndpoint {
  return async ({ method, path }) => {
    const functionId = /^\/local\/schedules\/([a-z-]+)$/.exec(path)?.[1];
    if (functionId === undefined) return undefined;
    const spec = (EVENT_FUNCTIONS as Record<string, { source: string }>)[functionId];
    if (spec?.source !== 'daily-schedule') return { status: 404, body: { message: `No scheduled function is called ${functionId}.` } };
    if (method !== 'POST') return { status: 405, body: { message: 'POST to run it now.' } };
    const run = new Promise<{ status: number; body: unknown }>((resolve) => {
      options.background.run(async () => {
        try {
          resolve({ status: 200, body: { functionId, result: await options.invoke(functionId as EventFunctionId, scheduledEvent(functionId as EventFunctionId, new Date(options.clock.now()))) } });
        } catch (error) {
          resolve({ status: 502, body: { functionId, error: error instanceof Error ? { name: error.name, message: error.message } : String(error) } });
        }
      });
    });
    return run;
  };
}

/** Arms every daily schedule; answers a function that disarms them. */
export function startDailySchedules(options: DailySchedulesOptions): () => void {
  const cancels = new Map<EventFunctionId, () => void>();
  const arm = (functionId: EventFunctionId) => {
    const dueAt = nextDigestAt(new Date(options.clock.now()), options.hourUtc);
    cancels.set(functionId, options.clock.at(dueAt.getTime(), () => {
      arm(functionId);
      options.background.run(async () => {
        try {
          await options.invoke(functionId, scheduledEvent(functionId, dueAt));
        } catch (error) {
          options.onError?.(functionId, error);
        }
      });
    }));
  };
  for (const [functionId, spec] of Object.entries(EVENT_FUNCTIONS) as [EventFunctionId, (typeof EVENT_FUNCTIONS)[EventFunctionId]][]) {
    if (spec.source === 'daily-schedule') arm(functionId);
  }
  return () => {
    for (const cancel of cancels.values()) cancel();
  };
}
