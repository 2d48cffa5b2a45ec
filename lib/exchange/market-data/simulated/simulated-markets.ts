/**
 * The simulated venue's market list, with filters shaped like Binance spot's (LOT_SIZE step and
 * minimum, PRICE_FILTER tick, NOTIONAL minimum of 5 USDT, PERCENT_PRICE_BY_SIDE band 0.2–5).
 */
import { type Market } from '../../types';
import { type SimulatedMarket } from './simulated-market';

export const DEFAULT_SIMULATED_SYMBOLS: readonly string[] = [
  'BTC/USDT',
  'ETH/USDT',
  'SOL/USDT',
  'BNB/USDT',
  'XRP/USDT',
  'DOGE/USDT',
  'ADA/USDT',
  'AVAX/USDT',
  'LINK/USDT',
  'LTC/USDT',
  'DOT/USDT',
  'NEAR/USDT',
  'ATOM/USDT',
  'BTC/USDC',
  'ETH/USDC',
  'ETH/BTC',
];

export function simulatedMarket(market: SimulatedMarket, symbol: string): Market {
  const profile = market.profile(symbol);
  return {
    symbol,
    venueSymbol: `${profile.base}${profile.quote}`,
    base: profile.base,
    quote: profile.quote,
    active: true,
    stepSize: profile.stepSize,
    tickSize: profile.tickSize,
    minQty: profile.stepSize,
    maxQty: profile.maxQty,
    minNotional: profile.minNotional,
    priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
    orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
  };
}

export function simulatedMarkets(
  market: SimulatedMarket,
  symbols: readonly string[] = DEFAULT_SIMULATED_SYMBOLS,
): ReadonlyMap<string, Market> {
  return new Map(symbols.map((symbol) => [symbol, simulatedMarket(market, symbol)]));
}
