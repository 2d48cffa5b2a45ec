/** Market regime from trend strength: `trend`, `range`, or `unclear` in between. */
export type Regime = 'trend' | 'range' | 'unclear';

/** `trend` when ADX ≥ `trendAdx`, `range` when ADX ≤ `rangeAdx`, else `unclear` (also for NaN). */
export function detectRegime(adx: number, trendAdx: number, rangeAdx: number): Regime {
  if (adx >= trendAdx) return 'trend';
  if (adx <= rangeAdx) return 'range';
  return 'unclear';
}
