/** Runs of missing open times in a candle range. */
import { type CandleRange } from './candle-range';

export interface TimeRun {
  /** Open time of the first missing candle, epoch ms. */
  from: number;
  /** Exclusive end, epoch ms. */
  to: number;
  /** Candles missing in the run. */
  count: number;
}

/** The runs of `range`'s open times that are not in `times` (sorted ascending). */
export function findGaps(times: readonly number[], range: CandleRange): TimeRun[] {
  const runs: TimeRun[] = [];
  let expected = range.from;
  const close = (to: number): void => {
    if (to > expected)
      runs.push({ from: expected, to, count: Math.round((to - expected) / range.step) });
  };
  for (const time of times) {
    if (time < expected || time >= range.to) continue;
    close(time);
    expected = time + range.step;
  }
  close(range.to);
  return runs;
}
