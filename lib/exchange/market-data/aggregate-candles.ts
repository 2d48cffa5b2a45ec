/**
 * Folds finer candles into coarser ones: one candle per timeframe bucket (open times aligned to
 * the epoch, so 1d buckets are UTC days): first open, highest high, lowest low, last close,
 * summed volume. Input must be sorted by time.
 */
import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../core/types';
import { alignDown } from './candle-range';

export function aggregateCandles(candles: readonly Candle[], timeframe: Timeframe): Candle[] {
  const step = TIMEFRAME_MS[timeframe];
  const out: Candle[] = [];
  let current: Candle | undefined;
  for (const candle of candles) {
    const bucket = alignDown(candle.time, step);
    if (current && current.time === bucket) {
      current.high = Math.max(current.high, candle.high);
      current.low = Math.min(current.low, candle.low);
      current.close = candle.close;
      current.volume += candle.volume;
    } else {
      current = { ...candle, time: bucket };
      out.push(current);
    }
  }
  return out;
}
