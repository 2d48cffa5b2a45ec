/**
 * Float comparisons with a relative tolerance of 1e-9. Sizing works in exact decimals while the
 * rules see doubles (`balance * pct / 100`); the tolerance keeps a correctly sized order from
 * failing a rule by one unit in the last place. It is far below any real money difference.
 *
 * All three fail closed: a NaN `observed` counts as a violation, so bad data never passes.
 */
const RELATIVE = 1e-9;

function slack(limit: number): number {
  return RELATIVE * Math.max(1, Math.abs(limit));
}

/** `observed` is above `limit` by more than rounding noise (or is NaN). */
export function exceeds(observed: number, limit: number): boolean {
  return !(observed <= limit + slack(limit));
}

/** `observed` is below `limit` by more than rounding noise (or is NaN). */
export function fallsShort(observed: number, limit: number): boolean {
  return !(observed >= limit - slack(limit));
}

/** `observed` has reached `limit` (≥, rounding noise counted as reached; NaN counts as reached). */
export function reaches(observed: number, limit: number): boolean {
  return !(observed < limit - slack(limit));
}
