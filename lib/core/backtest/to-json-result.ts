import { downsample } from './downsample';
import { type BacktestResult } from './types';

/** A series as plain arrays, for JSON. */
export interface JsonSeries {
  time: number[];
  values: number[];
}

/** `BacktestResult` as JSON-ready data: curves downsampled to plain arrays, everything else kept. */
export type JsonBacktestResult = Omit<BacktestResult, 'curves'> & {
  curves: { equity: JsonSeries; drawdownPct: JsonSeries; points: number };
};

/**
 * The result in a form `JSON.stringify` keeps intact (typed arrays become plain arrays): equity
 * and drawdown downsampled to at most `maxPoints` each with their extremes kept (`downsample`);
 * trades, metrics and configuration unchanged. `JSON.stringify` writes the ratios that can be
 * infinite (e.g. a profit factor with no losing trade) as null.
 */
export function toJsonResult(result: BacktestResult, maxPoints = 2000): JsonBacktestResult {
  const { time, equity, drawdownPct } = result.curves;
  const plain = (s: { time: Float64Array; values: Float64Array }): JsonSeries => ({
    time: Array.from(s.time),
    values: Array.from(s.values),
  });
  return {
    ...result,
    curves: {
      equity: plain(downsample({ time, values: equity }, maxPoints)),
      drawdownPct: plain(downsample({ time, values: drawdownPct }, maxPoints)),
      points: equity.length,
    },
  };
}
