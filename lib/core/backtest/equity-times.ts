/**
 * Valuation times of an equity curve over bars `start…n−1`: the first traded bar's open (the
 * starting balance), then each bar's close (open time + timeframe).
 */
export function equityTimes(time: Float64Array, start: number, timeframeMs: number): Float64Array {
  const n = time.length;
  const out = new Float64Array(n - start + 1);
  out[0] = time[start]!;
  for (let i = start; i < n; i++) out[i - start + 1] = time[i]! + timeframeMs;
  return out;
}

/** Number of set flags (e.g. exposed bars). */
export function countOnes(flags: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i]!;
  return count;
}
