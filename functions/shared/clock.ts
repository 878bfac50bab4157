/**
 * The one clock of the handlers and operations: what "now" is when a link, session or code
 * expires, a rate-limit window is counted, or an event is recorded.
 *
 * On Lambda it is the system clock. The embedded local stack can give it another source (a clock
 * tests move forward, infra/local/clock.ts), so that the expiry checked inside the DynamoDB write
 * conditions follows the same time as the workflow's timeouts.
 */

/** Milliseconds since the epoch. */
export type TimeSource = () => number;

const systemTime: TimeSource = () => Date.now();
let source: TimeSource = systemTime;

export const clock = {
  /** The current time. */
  now(): Date {
    return new Date(source());
  },
};

/** Makes every later `clock.now()` read `next`; without an argument, the system clock again. */
export function setTimeSource(next: TimeSource = systemTime): void {
  source = next;
}
