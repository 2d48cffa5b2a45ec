import { type Candle, type CandleColumns } from '../types';
import { StructureTracker } from './structure-tracker';
import { type MarketStructure, type StructureOptions } from './types';

/**
 * Market-structure features at the last candle: last swings with ages and distances, last
 * BOS/CHoCH, nearest open fair value gaps, equal-high/low liquidity zones, trend and volatility
 * regimes. Candles must be closed and in time order. Runs `StructureTracker` over the series, so
 * the result for a prefix never depends on candles after it.
 */
export function analyzeStructure(
  candles: CandleColumns | readonly Candle[],
  options: Partial<StructureOptions> = {},
): MarketStructure {
  const tracker = new StructureTracker(options);
  if (isColumns(candles)) {
    const { time, high, low, close } = candles;
    for (let i = 0; i < close.length; i++) tracker.update(time[i]!, high[i]!, low[i]!, close[i]!);
  } else {
    for (const c of candles) tracker.update(c.time, c.high, c.low, c.close);
  }
  if (isColumns(candles) ? candles.close.length === 0 : candles.length === 0) {
    throw new RangeError('analyzeStructure needs at least one candle');
  }
  return tracker.snapshot();
}

function isColumns(candles: CandleColumns | readonly Candle[]): candles is CandleColumns {
  return !Array.isArray(candles);
}
