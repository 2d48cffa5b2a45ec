import { drawdownDuration, type MaxDrawdown } from './max-drawdown';
import { safeRatio } from './ratio';
import { type EquityCurve } from './types';

export interface CurveStats {
  sharpe: number;
  sortino: number;
  drawdown: MaxDrawdown;
}

/**
 * Sharpe, Sortino and the max drawdown of a curve in two passes and no allocation: the same
 * values, bit for bit, as `sharpeRatio(periodReturns(e))`, `sortinoRatio(periodReturns(e))` and
 * `maxDrawdown` (same per-bar returns, same summation order; V8's `x ** 2` is `x * x`). The
 * first pass sums the returns and the downside and tracks the drawdown; the second, needing the
 * mean, recomputes each return for the squared deviations.
 */
export function curveStats(curve: EquityCurve, periodsPerYear: number): CurveStats {
  const { equity } = curve;
  const len = equity.length;
  let sum = 0;
  let downside = 0;
  let peak = equity[0] ?? 0;
  let peakIndex = 0;
  let depth = 0;
  let worstPeak = 0;
  let worstTrough = 0;
  let low = peak;
  let prev = peak;
  for (let i = 1; i < len; i++) {
    const e = equity[i] ?? 0;
    const r = prev === 0 ? 0 : e / prev - 1;
    sum += r;
    // min(r, 0) without a branch on the sign (returns go up or down at random: mispredicting it
    // cost more than the rest of the pass); exact: 2r then / 2, and where 2r overflows r² does
    // too; +Infinity (a rise from a subnormal equity) is the one input it needs spelled out
    const down = r === Infinity ? 0 : (r - Math.abs(r)) * 0.5;
    downside += down * down;
    if (e >= peak) {
      peak = e;
      peakIndex = i;
      low = e;
    } else if (e < low) {
      // (peak − e) / peak only grows as e falls: above this peak's low so far it cannot beat
      // the depth, so the division is skipped (same result as `maxDrawdown`)
      low = e;
      if (peak > 0 && (peak - e) / peak > depth) {
        depth = (peak - e) / peak;
        worstPeak = peakIndex;
        worstTrough = i;
      }
    }
    prev = e;
  }
  const drawdown = drawdownDuration(curve, {
    depth,
    peakIndex: worstPeak,
    troughIndex: worstTrough,
  });
  const n = Math.max(0, len - 1);
  if (n < 2) return { sharpe: 0, sortino: 0, drawdown };
  const mean = sum / n;
  let squares = 0;
  prev = equity[0] ?? 0;
  for (let i = 1; i < len; i++) {
    const e = equity[i] ?? 0;
    const d = (prev === 0 ? 0 : e / prev - 1) - mean;
    squares += d * d;
    prev = e;
  }
  const annual = Math.sqrt(periodsPerYear);
  return {
    sharpe: safeRatio(mean, Math.sqrt(squares / (n - 1))) * annual,
    sortino: safeRatio(mean, Math.sqrt(downside / n)) * annual,
    drawdown,
  };
}
