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

/**
 * Number of set flags in 0/1 flags (e.g. exposed bars). Four at a time through a 32-bit view:
 * the byte sum of a word (at most 4) is its top byte times 0x01010101.
 */
export function countOnes(flags: Uint8Array): number {
  let count = 0;
  let i = 0;
  if (flags.byteOffset % 4 === 0) {
    const words = new Uint32Array(flags.buffer, flags.byteOffset, flags.length >>> 2);
    for (let w = 0; w < words.length; w++) count += Math.imul(words[w]!, 0x01010101) >>> 24;
    i = words.length * 4;
  }
  for (; i < flags.length; i++) count += flags[i]!;
  return count;
}
