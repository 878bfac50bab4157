/**
 * Runs at most `limit` calls at once, the others waiting their turn in order: the local
 * stand-in for a Lambda function's concurrency. Every handler shares one Node process here, so
 * hundreds of seals started together would otherwise interleave and all finish late together.
 */
export function withConcurrencyLimit<A extends unknown[], R>(limit: number, call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async (...args: A) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await call(...args);
    } finally {
      release();
    }
  };
}
