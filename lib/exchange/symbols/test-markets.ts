/** A small Binance-like market list for the symbol tests. */
import { type Market } from '../types';

export function testMarket(base: string, quote: string, active = true): Market {
  return {
    symbol: `${base}/${quote}`,
    venueSymbol: `${base}${quote}`,
    base,
    quote,
    active,
    stepSize: '0.001',
    tickSize: '0.01',
    minQty: '0.001',
    minNotional: '5',
    orderTypes: ['market', 'limit'],
  };
}

export const TEST_MARKETS: ReadonlyMap<string, Market> = new Map(
  [
    testMarket('BTC', 'USDT'),
    testMarket('BTC', 'USDC'),
    testMarket('BTC', 'EUR'),
    testMarket('ETH', 'BTC'),
    testMarket('ETH', 'USDT'),
    testMarket('ETHFI', 'USDT'),
    testMarket('WBTC', 'BTC'),
    testMarket('WBTC', 'USDT'),
    testMarket('SOL', 'USDT'),
    testMarket('SOL', 'FDUSD'),
    testMarket('DOGE', 'USDT'),
    testMarket('LUNA', 'USDT', false),
    testMarket('PERP', 'USDT'),
  ].map((m) => [m.symbol, m]),
);
