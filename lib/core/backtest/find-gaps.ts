import { type CandleGap } from './types';

/**
 * Missing bars in a candle series: wherever two consecutive open times are more than one
 * timeframe apart, a gap from the earlier candle to the later one with the number of bars that
 * should have been between them (rounded to whole bars). Gaps are reported, never filled in.
 */
export function findGaps(time: ArrayLike<number>, timeframeMs: number): CandleGap[] {
  const gaps: CandleGap[] = [];
  for (let i = 1; i < time.length; i++) {
    const from = time[i - 1]!;
    const to = time[i]!;
    if (to - from > timeframeMs) {
      gaps.push({ from, to, missingBars: Math.max(1, Math.round((to - from) / timeframeMs) - 1) });
    }
  }
  return gaps;
}
