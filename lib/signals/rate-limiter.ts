/**
 * A per-process token bucket per key (webhook token id). Chosen over counting in PostgreSQL
 * because the webhook must answer in milliseconds and a counter row per request would add a
 * write (and a hot row) to every alert. With N web processes the effective limit is N times the
 * configured rate, which is acceptable for a flood guard; the durable per-user limits (trades
 * per day and so on) are the risk engine's, counted in the database.
 */
export interface RateLimiter {
  /** True when the key may proceed now (one token taken). */
  take(key: string, nowMs: number): boolean;
}

export function createRateLimiter(options: {
  capacity: number;
  refillPerSecond: number;
  maxKeys?: number;
}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    take(key, nowMs) {
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: nowMs };
      const refilled = Math.min(
        options.capacity,
        bucket.tokens + ((nowMs - bucket.at) / 1000) * options.refillPerSecond,
      );
      const allowed = refilled >= 1;
      buckets.delete(key);
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: nowMs });
      return allowed;
    },
  };
}
