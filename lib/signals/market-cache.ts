import type { Exchange, Market } from '../exchange/types';

type Markets = ReadonlyMap<string, Market>;

/**
 * Markets per exchange account, kept briefly so a webhook can resolve a symbol without a call to
 * the venue each time. A slow venue never holds the answer up: past `waitMs` the caller gets
 * null and stores the symbol unresolved (the worker validates it again before trading).
 * `exchangeOf` (which may read the account row) runs only when the entry is missing or stale;
 * a stale list keeps answering while it is refreshed.
 */
export function createMarketCache(options: { ttlMs: number }) {
  type Entry = { at: number; markets: Promise<Markets | null>; settled?: Markets };
  const entries = new Map<string, Entry>();
  return {
    async marketsOf(
      accountId: string,
      exchangeOf: () => Promise<Exchange>,
      nowMs: number,
      waitMs: number,
    ): Promise<Markets | null> {
      let entry = entries.get(accountId);
      if (!entry || nowMs - entry.at > options.ttlMs) {
        // A stale list keeps answering until its replacement has arrived.
        const fresh: Entry = { at: nowMs, markets: Promise.resolve(null), settled: entry?.settled };
        fresh.markets = exchangeOf()
          .then((exchange) => exchange.loadMarkets())
          .then((markets) => (fresh.settled = markets))
          .catch(() => {
            if (entries.get(accountId) === fresh) entries.delete(accountId);
            return null;
          });
        entry = fresh;
        entries.set(accountId, entry);
      }
      if (entry.settled) return entry.settled;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), waitMs);
      });
      try {
        return await Promise.race([entry.markets, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type MarketCache = ReturnType<typeof createMarketCache>;
