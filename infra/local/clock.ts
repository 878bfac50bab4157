/**
 * The time of the embedded local stack. It runs with the system clock and can be moved forward
 * (tests: `POST /local/clock` on a stack started with `controllableClock`): every timer that
 * becomes due fires at once, in the order of its due time, so that reminders and expiry happen
 * when a test says so instead of after a wait on the wall clock.
 */

/** Node fires a timer longer than 2^31-1 ms after 1 ms: longer waits are re-armed in steps. */
const MAX_TIMER_MS = 0x7fff_ffff;
/** How far one move may go: a year is beyond every timeout the product has. */
const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;

interface Timer {
  readonly dueAt: number;
  readonly fire: () => void;
  handle?: NodeJS.Timeout;
}

export class LocalClock {
  /**
   * How far this clock is ahead of the system clock, in memory a worker thread can read too
   * (`timeSourceAhead`), so that functions hosted there keep the same time.
   */
  readonly sharedOffset = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT));
  private readonly timers = new Set<Timer>();

  /** Milliseconds since the epoch, moved forward by every `advance`. */
  now(): number {
    return Date.now() + this.aheadMs;
  }

  /** How far this clock is ahead of the system clock. */
  get aheadMs(): number {
    return this.sharedOffset[0]!;
  }

  /** When the next timer falls due, if any is set. */
  get nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const timer of this.timers) if (next === undefined || timer.dueAt < next) next = timer.dueAt;
    return next;
  }

  /** Calls `fire` once, when this clock reaches `dueAt`; answers a function that cancels it. */
  at(dueAt: number, fire: () => void): () => void {
    const timer: Timer = { dueAt, fire };
    this.timers.add(timer);
    this.arm(timer);
    return () => this.cancel(timer);
  }

  /**
   * Moves the clock forward and fires, at once and in order, every timer now due. Throws a
   * RangeError for a move that is not a positive number of milliseconds up to a year.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) throw new RangeError(`the clock moves forward by more than 0 ms and at most ${MAX_ADVANCE_MS} ms, not ${ms}`);
    this.sharedOffset[0] = this.aheadMs + ms;
    const now = this.now();
    const due = [...this.timers].filter((timer) => timer.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    for (const timer of due) this.fireNow(timer);
    // The others are now nearer: their system timers are re-armed for what is left.
    for (const timer of this.timers) this.arm(timer);
  }

  private arm(timer: Timer): void {
    clearTimeout(timer.handle);
    const left = timer.dueAt - this.now();
    timer.handle = setTimeout(() => (this.now() >= timer.dueAt ? this.fireNow(timer) : this.arm(timer)), Math.min(Math.max(left, 0), MAX_TIMER_MS));
    // A pending timeout alone keeps no process alive (the stack's servers do).
    timer.handle.unref();
  }

  private fireNow(timer: Timer): void {
    if (!this.timers.has(timer)) return;
    this.cancel(timer);
    timer.fire();
  }

  private cancel(timer: Timer): void {
    clearTimeout(timer.handle);
    this.timers.delete(timer);
  }
}

/** The time of a clock whose `sharedOffset` this is, read from any thread. */
export function timeSourceAhead(sharedOffset: Float64Array): () => number {
  return () => Date.now() + sharedOffset[0]!;
}
