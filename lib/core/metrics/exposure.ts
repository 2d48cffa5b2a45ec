import { type ClosedTrade } from '../types';

/** First index with `times[i] >= t` (times ascending). */
function lowerBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Percentage of bars with an open position. With `inPosition` flags, the share of truthy
 * flags; otherwise bar `i` counts when some trade has `entryTime ≤ time[i] < exitTime`
 * (overlapping trades count a bar once). 0 for an empty curve.
 */
export function exposurePct(
  time: ArrayLike<number>,
  trades: readonly ClosedTrade[],
  inPosition?: ArrayLike<boolean | number>,
): number {
  const n = time.length;
  if (n === 0) return 0;
  let exposed = 0;
  if (inPosition) {
    for (let i = 0; i < inPosition.length; i++) if (inPosition[i]) exposed++;
    return (exposed / n) * 100;
  }
  const marks = new Uint8Array(n);
  for (const t of trades) {
    const end = lowerBound(time, t.exitTime);
    for (let i = lowerBound(time, t.entryTime); i < end; i++) marks[i] = 1;
  }
  for (let i = 0; i < n; i++) exposed += marks[i] ?? 0;
  return (exposed / n) * 100;
}
