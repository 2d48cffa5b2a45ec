import { type Market } from '../types';

/** Quote currencies in the order a trader usually means them when they type only a base. */
export const QUOTE_PREFERENCE: readonly string[] = [
  'USDT',
  'USDC',
  'FDUSD',
  'USD',
  'BUSD',
  'EUR',
  'BTC',
  'ETH',
  'BNB',
];

/** Rank of a quote: lower is preferred; unknown quotes after all known ones. */
export function quoteRank(quote: string): number {
  const i = QUOTE_PREFERENCE.indexOf(quote);
  return i === -1 ? QUOTE_PREFERENCE.length : i;
}

/** A venue's markets as a list, whatever shape they came in. */
export function marketList(markets: ReadonlyMap<string, Market> | Iterable<Market>): Market[] {
  return markets instanceof Map
    ? [...(markets as ReadonlyMap<string, Market>).values()]
    : [...(markets as Iterable<Market>)];
}
