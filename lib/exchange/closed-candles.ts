import { TIMEFRAME_MS, type Candle, type Timeframe } from '../core/types';
import type { Exchange } from './types';

/**
 * The last `count` closed candles of `symbol` at `now` (the candle still forming is left out):
 * what a strategy, a prompt or a summary is built from, so live decisions see what a backtest
 * bar sees.
 */
export function fetchClosedCandles(
  exchange: Exchange,
  symbol: string,
  timeframe: Timeframe,
  count: number,
  now: Date,
): Promise<Candle[]> {
  const frame = TIMEFRAME_MS[timeframe];
  const lastClosedOpen = Math.floor(now.getTime() / frame) * frame - frame;
  return exchange.fetchOHLCV({
    symbol,
    timeframe,
    since: lastClosedOpen - (count - 1) * frame,
    until: lastClosedOpen + frame,
  });
}
