import { TIMEFRAME_MS, type Candle } from '../../../core/types';
import { ExchangeError } from '../../exchange-error';
import { type MarketDataFeed } from '../../market-data/types';
import { type Market, type OhlcvRequest, type Ticker } from '../../types';

/** A Binance-like spot market for tests (BTC/USDT filters by default). */
export function testMarket(symbol = 'BTC/USDT', overrides: Partial<Market> = {}): Market {
  const [base = 'BTC', quote = 'USDT'] = symbol.split('/');
  return {
    symbol,
    venueSymbol: `${base}${quote}`,
    base,
    quote,
    active: true,
    stepSize: '0.00001',
    tickSize: '0.01',
    minQty: '0.00001',
    minNotional: '5',
    orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
    ...overrides,
  };
}

export interface ScriptedFeed extends MarketDataFeed {
  /** The price of `symbol` from `time` (epoch ms) on. */
  setPrice(symbol: string, price: number, time: number): void;
}

/**
 * A market data feed for tests: prices are set by the test at given times; the ticker is the
 * latest price at or before `now` (bid/ask `spread` around it), and candles are built from the
 * price path (open = the price in force at the bar's start, high/low over every price set in
 * the bar, close = the price in force at its end). No network, fully deterministic.
 */
export function createScriptedFeed(
  options: { markets?: Market[]; spread?: number } = {},
): ScriptedFeed {
  const markets = new Map((options.markets ?? [testMarket()]).map((m) => [m.symbol, m]));
  const spread = options.spread ?? 0;
  const paths = new Map<string, { time: number; price: number }[]>();

  const path = (symbol: string) => {
    if (!markets.has(symbol))
      throw new ExchangeError('rejected', 'bad_symbol', `Invalid symbol ${symbol}`);
    return paths.get(symbol) ?? [];
  };
  /** Price in force at `time` (the last one set at or before it), if any. */
  const priceAt = (symbol: string, time: number) =>
    path(symbol).findLast((p) => p.time <= time)?.price;

  return {
    venue: 'paper',
    source: () => 'simulated',
    markets: () => Promise.resolve(markets),
    setPrice(symbol, price, time) {
      const points = path(symbol).filter((p) => p.time !== time);
      points.push({ time, price });
      points.sort((a, b) => a.time - b.time);
      paths.set(symbol, points);
    },
    ticker(symbol, now): Promise<Ticker> {
      const last = priceAt(symbol, now);
      if (last === undefined) return Promise.reject(new Error(`No price for ${symbol} at ${now}`));
      return Promise.resolve({
        symbol,
        last,
        bid: last - spread / 2,
        ask: last + spread / 2,
        time: now,
      });
    },
    candles(request: OhlcvRequest, now: number): Promise<Candle[]> {
      const tf = TIMEFRAME_MS[request.timeframe];
      const end = Math.min(request.until ?? now, now);
      const points = path(request.symbol);
      const candles: Candle[] = [];
      for (let t = Math.ceil(request.since / tf) * tf; t + tf <= end; t += tf) {
        const inside = points.filter((p) => p.time > t && p.time < t + tf).map((p) => p.price);
        const open = priceAt(request.symbol, t) ?? inside[0];
        if (open === undefined) continue;
        const all = [open, ...inside];
        const close = all[all.length - 1]!;
        candles.push({
          time: t,
          open,
          high: Math.max(...all),
          low: Math.min(...all),
          close,
          volume: 1,
        });
        if (request.limit !== undefined && candles.length >= request.limit) break;
      }
      return Promise.resolve(candles);
    },
  };
}
