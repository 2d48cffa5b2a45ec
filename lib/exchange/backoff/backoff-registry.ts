/**
 * Back-off shared by every adapter instance talking to the same venue in this process: when the
 * venue answers 429/418, every bot on that venue stops sending until the `Retry-After` time
 * passes, and calls fail fast without a request. The clock is injectable so tests need not sleep.
 */
import { ExchangeError } from '../exchange-error';

export interface BackoffRegistry {
  /** Milliseconds left of the back-off for `key`; 0 when requests may go out. */
  remainingMs(key: string): number;
  /** Starts a back-off of `ms` for `key`, or extends one already running (never shortens it). */
  backOff(key: string, ms: number): void;
  /** Ends the back-off for `key`, or for every key. */
  clear(key?: string): void;
  /** Throws `ExchangeError('retry', 'rate_limited')` while `key` is backing off. */
  assertCanSend(key: string): void;
}

export interface BackoffRegistryOptions {
  now?: () => number;
}

export function createBackoffRegistry(options: BackoffRegistryOptions = {}): BackoffRegistry {
  const now = options.now ?? Date.now;
  const until = new Map<string, number>();

  const remainingMs = (key: string): number => {
    const end = until.get(key);
    if (end === undefined) return 0;
    const left = end - now();
    if (left > 0) return left;
    until.delete(key);
    return 0;
  };

  return {
    remainingMs,
    backOff(key, ms) {
      if (!(ms > 0)) return;
      const end = now() + ms;
      until.set(key, Math.max(until.get(key) ?? 0, end));
    },
    clear(key) {
      if (key === undefined) until.clear();
      else until.delete(key);
    },
    assertCanSend(key) {
      const left = remainingMs(key);
      if (left > 0) {
        throw new ExchangeError(
          'retry',
          'rate_limited',
          `${key}: backing off after a rate limit, ${Math.ceil(left / 1000)} s left`,
          {
            retryAfterMs: left,
          },
        );
      }
    },
  };
}

/** The process-wide registry every adapter uses unless given another one. */
export const sharedBackoffRegistry: BackoffRegistry = createBackoffRegistry();
