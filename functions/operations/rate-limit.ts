import { ENV } from '../catalog';
import { DEFAULT_RATE_LIMITS, rateWindow, type RateLimits } from '../domain/signing';
import { optionalEnv } from '../shared/config';
import { SigningError } from '../shared/signing-errors';
import { attemptWithinLimit, countAttempt } from '../store/rate-limits';
import type { TransactItem } from '../store/table';
import { clock } from '../shared/clock';

/** The limits in force: the defaults, unless the deployment overrides them. */
export function rateLimits(): RateLimits {
  const override = (name: typeof ENV.rateLimitPerAddress | typeof ENV.rateLimitPerLink, fallback: number) => {
    const value = Number(optionalEnv(name));
    return Number.isSafeInteger(value) && value > 0 ? value : fallback;
  };
  return {
    ...DEFAULT_RATE_LIMITS,
    perAddress: override(ENV.rateLimitPerAddress, DEFAULT_RATE_LIMITS.perAddress),
    perLink: override(ENV.rateLimitPerLink, DEFAULT_RATE_LIMITS.perLink),
  };
}

export type LimitedSubject =
  /** Every signing POST from one client address (the address as its keyed hash). */
  | { readonly scope: 'address'; readonly subject: string }
  /** Every signing POST on one commitment's links and sessions. */
  | { readonly scope: 'link'; readonly subject: string; readonly language?: string }
  /** One-time codes emailed for one commitment. */
  | { readonly scope: 'code'; readonly subject: string; readonly language?: string };

/** Counts one attempt; past the limit of its window, refuses it with the time to try again. */
export async function limitAttempts(limited: LimitedSubject, now = clock.now()): Promise<void> {
  const { limit, window, windowSeconds } = limitOf(limited, now);
  const attempts = await countAttempt(limited.scope, limited.subject, window.start, windowSeconds);
  if (attempts > limit) throw rateLimited(limited, window);
}

/**
 * The attempt as an item of the transaction of the write it limits (one round trip less than
 * counting first), and the refusal to give when the transaction fails on it.
 */
export function attemptInTransaction(limited: LimitedSubject, now = clock.now()): { item: TransactItem; refusal: () => SigningError } {
  const { limit, window, windowSeconds } = limitOf(limited, now);
  return { item: attemptWithinLimit(limited.scope, limited.subject, window.start, windowSeconds, limit), refusal: () => rateLimited(limited, window) };
}

function limitOf(limited: LimitedSubject, now: Date): { limit: number; window: { start: number; retryAfterSeconds: number }; windowSeconds: number } {
  const limits = rateLimits();
  const limit = { address: limits.perAddress, link: limits.perLink, code: limits.codesPerLink }[limited.scope];
  return { limit, window: rateWindow(now, limits.windowSeconds), windowSeconds: limits.windowSeconds };
}

function rateLimited(limited: LimitedSubject, window: { retryAfterSeconds: number }): SigningError {
  return new SigningError('RATE_LIMITED', `Too many attempts; try again in ${window.retryAfterSeconds} seconds.`, {
    retryAfterSeconds: window.retryAfterSeconds,
    language: 'language' in limited ? limited.language : undefined,
  });
}
