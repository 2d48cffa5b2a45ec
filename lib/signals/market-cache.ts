import type { ExchangeAccount } from '../db/schema';
import type { Exchange, Market } from '../exchange/types';

type Markets = ReadonlyMap<string, Market>;

/**
 * Markets per exchange account, kept briefly so a webhook can resolve a symbol without a call to
 * the venue each time. A slow venue never holds the answer up: past `waitMs` the caller gets
 * null and stores the symbol unresolved (the worker validates it again before trading).
 */
export function createMarketCache(options: { ttlMs: number }) {
  const entries = new Map<string, { at: number; markets: Promise<Markets | null> }>();
  return {
    async marketsOf(
      account: ExchangeAccount,
      exchangeFor: (a: ExchangeAccount) => Promise<Exchange>,
      nowMs: number,
      waitMs: number,
    ): Promise<Markets | null> {
      let entry = entries.get(account.id);
      if (!entry || nowMs - entry.at > options.ttlMs) {
        const markets = exchangeFor(account)
          .then((exchange) => exchange.loadMarkets())
          .catch(() => {
            entries.delete(account.id);
            return null;
          });
        entry = { at: nowMs, markets };
        entries.set(account.id, entry);
      }
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
