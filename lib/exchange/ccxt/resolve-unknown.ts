/**
 * After a write whose outcome is unknown (timeout, 5xx, dropped connection), look the result up by
 * our client id for a grace period instead of resending: found → it happened; still absent after
 * the last lookup → `ExchangeError('unknown')` and the caller decides. Never resends.
 */
import { ExchangeError } from '../exchange-error';

export interface GracePeriod {
  /** Lookups to make (the first one at once), default 3. */
  attempts: number;
  /** Wait between lookups, default 1000 ms. */
  delayMs: number;
}

export const DEFAULT_GRACE_PERIOD: GracePeriod = { attempts: 3, delayMs: 1000 };

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export interface ResolveOptions<T> {
  /** What we were doing, for the message, e.g. `order c-123`. */
  what: string;
  /** Resolves the thing, or null when the venue says it does not exist. */
  lookup: () => Promise<T | null>;
  /** The unknown-outcome error of the write. */
  cause: ExchangeError;
  grace: GracePeriod;
  wait?: (ms: number) => Promise<void>;
}

export async function resolveUnknown<T>(options: ResolveOptions<T>): Promise<T> {
  const wait = options.wait ?? sleep;
  const { attempts, delayMs } = options.grace;
  let lastFailure: unknown;
  let definitelyAbsent = 0;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) await wait(delayMs);
    try {
      const found = await options.lookup();
      if (found !== null) return found;
      definitelyAbsent += 1;
    } catch (error) {
      lastFailure = error;
    }
  }
  const checked =
    definitelyAbsent === attempts
      ? `${options.what} was not found in ${attempts} lookups over ${(attempts - 1) * delayMs} ms`
      : `${options.what} could not be confirmed (${definitelyAbsent}/${attempts} lookups answered: not found)`;
  return Promise.reject(
    new ExchangeError(
      'unknown',
      options.cause.code,
      `${options.cause.message}; ${checked}; not resent`,
      {
        ...options.cause.details,
        cause:
          lastFailure instanceof ExchangeError ? lastFailure.message : options.cause.details.cause,
      },
    ),
  );
}
