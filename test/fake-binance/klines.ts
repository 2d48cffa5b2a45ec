/**
 * Deterministic synthetic candles for the fake's `GET /api/v3/klines`: the same symbol, interval
 * and open time always give the same candle, so paging can be checked candle by candle.
 */
import { binanceErrors } from './binance-errors';

export const INTERVAL_MS: Record<string, number> = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '8h': 28_800_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
  '3d': 259_200_000,
  '1w': 604_800_000,
};

/** Price of the synthetic path at time `t` around `base`. */
function pathPrice(base: number, seed: number, t: number): number {
  const slow = Math.sin(t / 604_800_000 + seed);
  const fast = Math.sin(t / 10_800_000 + seed * 2);
  return base * (1 + 0.05 * slow + 0.01 * fast);
}

const seedOf = (symbol: string): number =>
  [...symbol].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 97;

export type KlineRow = [
  number,
  string,
  string,
  string,
  string,
  string,
  number,
  string,
  number,
  string,
  string,
  string,
];

/** One kline row exactly as Binance serialises it. */
export function klineRow(
  symbol: string,
  base: number,
  openTime: number,
  intervalMs: number,
): KlineRow {
  const seed = seedOf(symbol);
  const open = pathPrice(base, seed, openTime);
  const close = pathPrice(base, seed, openTime + intervalMs);
  const high = Math.max(open, close) * 1.001;
  const low = Math.min(open, close) * 0.999;
  const volume = 10 + ((openTime / intervalMs) % 17);
  const f = (x: number) => x.toFixed(8);
  return [
    openTime,
    f(open),
    f(high),
    f(low),
    f(close),
    f(volume),
    openTime + intervalMs - 1,
    f(volume * close),
    100,
    f(volume / 2),
    f((volume / 2) * close),
    '0',
  ];
}

export interface KlineQuery {
  symbol: string;
  interval: string;
  startTime?: number;
  endTime?: number;
  limit?: number;
}

/**
 * Binance's klines semantics: at most `limit` (default 500, capped at 1000) candles whose open
 * time lies in [startTime, endTime], oldest first; without startTime, the latest ones up to
 * endTime (or now). Candles exist from `firstOpenTime` to the current, still forming one.
 */
export function queryKlines(
  query: KlineQuery,
  base: number,
  now: number,
  firstOpenTime: number,
): KlineRow[] {
  const intervalMs = INTERVAL_MS[query.interval];
  if (intervalMs === undefined) throw binanceErrors.invalidInterval();
  const limit = Math.min(query.limit ?? 500, 1000);
  if (limit < 1) throw binanceErrors.invalidLimit();
  const first = Math.ceil(firstOpenTime / intervalMs) * intervalMs;
  const last = Math.min(Math.floor(now / intervalMs) * intervalMs, query.endTime ?? Infinity);
  let from: number;
  if (query.startTime !== undefined)
    from = Math.max(first, Math.ceil(query.startTime / intervalMs) * intervalMs);
  else
    from = Math.max(first, Math.floor(last / intervalMs) * intervalMs - (limit - 1) * intervalMs);
  const rows: KlineRow[] = [];
  for (let t = from; t <= last && rows.length < limit; t += intervalMs) {
    rows.push(klineRow(query.symbol, base, t, intervalMs));
  }
  return rows;
}
