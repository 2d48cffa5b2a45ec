/**
 * Per point: (equity / running peak − 1) × 100, so 0 at a new high and negative below it.
 * Written into `out` when given (a scratch array of the same length, e.g. one a caller is done
 * with), else into a new array.
 */
export function drawdownCurve(
  equity: Float64Array,
  out = new Float64Array(equity.length),
): Float64Array {
  if (out.length !== equity.length) {
    throw new RangeError(`drawdownCurve: ${out.length} slots for ${equity.length} points`);
  }
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i]!;
    if (e > peak) peak = e;
    out[i] = peak > 0 ? (e / peak - 1) * 100 : 0;
  }
  return out;
}
