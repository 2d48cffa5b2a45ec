import type { PriceTickEvent } from './events';

/** A user sees at most one tick per account and symbol this often (default). */
export const PRICE_TICK_GAP_MS = 5_000;

export interface PriceTicks {
  /**
   * Sends `tick` to `userId`'s room unless that user got a tick for the same account and symbol
   * less than the gap ago (then it is dropped: the next one carries a fresher price anyway).
   * Resolves whether it was sent; never rejects.
   */
  offer(userId: string, tick: PriceTickEvent): Promise<boolean>;
}

/**
 * Throttled live prices for the browsers (`price:tick`): whoever reads a price (the cycle, the
 * exit monitor) offers it; this keeps the fan-out to a few small NOTIFYs per user per minute.
 * State is per process, so N workers may each send one per gap: still a handful per minute.
 */
export function createPriceTicks(
  send: (userId: string, tick: PriceTickEvent) => Promise<unknown>,
  options: { gapMs?: number; clock?: () => number } = {},
): PriceTicks {
  const gapMs = options.gapMs ?? PRICE_TICK_GAP_MS;
  const clock = options.clock ?? Date.now;
  const lastSent = new Map<string, number>();
  let lastPrune = clock();
  return {
    async offer(userId, tick) {
      const now = clock();
      if (now - lastPrune > 10 * gapMs) {
        // Forget keys nobody ticked lately, so the map stays as small as the active set.
        for (const [key, at] of lastSent) if (now - at >= gapMs) lastSent.delete(key);
        lastPrune = now;
      }
      const key = `${userId}|${tick.accountId}|${tick.symbol}`;
      const previous = lastSent.get(key);
      if (previous !== undefined && now - previous < gapMs) return false;
      lastSent.set(key, now);
      try {
        await send(userId, tick);
        return true;
      } catch {
        return false;
      }
    },
  };
}
