import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalClock } from '../../infra/local/clock';

const DAY = 24 * 3600 * 1000;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2027, 0, 4, 9, 0, 0) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the local stack\'s clock', () => {
  it('runs with the system clock until it is moved forward', () => {
    const clock = new LocalClock();
    expect(clock.now()).toBe(Date.now());
    vi.advanceTimersByTime(1500);
    expect(clock.now()).toBe(Date.now());
    clock.advance(3600_000);
    expect(clock.now()).toBe(Date.now() + 3600_000);
    expect(clock.aheadMs).toBe(3600_000);
  });

  it('fires every timer that a move makes due, at once and in the order of their due times, and no other', () => {
    const clock = new LocalClock();
    const fired: string[] = [];
    const start = clock.now();
    clock.at(start + 2 * 3600_000, () => fired.push('two hours'));
    clock.at(start + 3600_000, () => fired.push('one hour'));
    clock.at(start + 3 * 3600_000, () => fired.push('three hours'));

    clock.advance(2 * 3600_000);
    expect(fired).toEqual(['one hour', 'two hours']);
    clock.advance(3600_000 - 1);
    expect(fired).toEqual(['one hour', 'two hours']);
    clock.advance(1);
    expect(fired).toEqual(['one hour', 'two hours', 'three hours']);
  });

  it('fires a timer when the system time reaches it, less what the clock was moved forward', () => {
    const clock = new LocalClock();
    const fire = vi.fn();
    clock.at(clock.now() + 10 * 60_000, fire);
    clock.advance(4 * 60_000);
    vi.advanceTimersByTime(6 * 60_000 - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
  });

  it('holds timers longer than a Node timer can (about 24.8 days) until they are due', () => {
    const clock = new LocalClock();
    const fire = vi.fn();
    clock.at(clock.now() + 90 * DAY, fire);
    vi.advanceTimersByTime(30 * DAY);
    clock.advance(59 * DAY);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(DAY - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledOnce();
  });

  it('says when its next timer falls due', () => {
    const clock = new LocalClock();
    expect(clock.nextDueAt).toBeUndefined();
    const start = clock.now();
    const cancel = clock.at(start + 1000, () => undefined);
    clock.at(start + 5000, () => undefined);
    expect(clock.nextDueAt).toBe(start + 1000);
    cancel();
    expect(clock.nextDueAt).toBe(start + 5000);
    clock.advance(5000);
    expect(clock.nextDueAt).toBeUndefined();
  });

  it('never fires a cancelled timer, and fires each timer once', () => {
    const clock = new LocalClock();
    const cancelled = vi.fn();
    const kept = vi.fn();
    const cancel = clock.at(clock.now() + 1000, cancelled);
    clock.at(clock.now() + 1000, kept);
    cancel();
    clock.advance(1000);
    vi.advanceTimersByTime(DAY);
    clock.advance(DAY);
    expect(cancelled).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
  });

  it('moves only forward, by at most a year', () => {
    const clock = new LocalClock();
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 367 * DAY]) expect(() => clock.advance(ms), String(ms)).toThrow(RangeError);
    expect(clock.aheadMs).toBe(0);
  });
});
