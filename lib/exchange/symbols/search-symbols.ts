/**
 * Symbol search for pickers: the active markets matching a query, best first. Ranking: exact
 * symbol, then exact base, then base prefix, then symbol prefix, then base contains, then symbol
 * contains; within a rank, preferred quotes first (USDT, USDC, …), then shorter bases.
 */
import { type Market } from '../types';
import { marketList, quoteRank } from './quote-preference';
import { readSymbolInput } from './symbol-input';

function baseTier(base: string, query: string): number | null {
  if (base === query) return 1;
  if (base.startsWith(query)) return 2;
  if (base.includes(query)) return 4;
  return null;
}

function tier(market: Market, query: ReturnType<typeof readSymbolInput>): number | null {
  const compact = `${market.base}${market.quote}`;
  switch (query.kind) {
    case 'pair': {
      if (!market.quote.startsWith(query.quote)) return null;
      if (market.base === query.base && market.quote === query.quote) return 0;
      return baseTier(market.base, query.base);
    }
    case 'compact': {
      const q = query.text;
      if (compact === q || market.venueSymbol.toUpperCase() === q) return 0;
      const byBase = baseTier(market.base, q);
      if (byBase !== null && byBase < 4) return byBase;
      if (compact.startsWith(q)) return 3;
      if (byBase !== null) return byBase;
      return compact.includes(q) ? 5 : null;
    }
    case 'derivative':
      return query.base === undefined ? null : baseTier(market.base, query.base);
    default:
      return null;
  }
}

export function searchSymbols(
  markets: ReadonlyMap<string, Market> | Iterable<Market>,
  query: string,
  limit = 10,
): Market[] {
  const parsed = readSymbolInput(query);
  const ranked: { market: Market; tier: number }[] = [];
  for (const market of marketList(markets)) {
    if (!market.active) continue;
    const t = tier(market, parsed);
    if (t !== null) ranked.push({ market, tier: t });
  }
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      quoteRank(a.market.quote) - quoteRank(b.market.quote) ||
      a.market.base.length - b.market.base.length ||
      a.market.symbol.localeCompare(b.market.symbol),
  );
  return ranked.slice(0, Math.max(0, limit)).map((r) => r.market);
}
