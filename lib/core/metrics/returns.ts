import { safeRatio, YEAR_MS } from './ratio';
import { type EquityCurve } from './types';

/** Simple per-bar returns `e[i] / e[i−1] − 1` (length n − 1); 0 where the previous equity is 0. */
export function periodReturns(equity: ArrayLike<number>): Float64Array {
  const n = Math.max(0, equity.length - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const prev = equity[i] ?? 0;
    out[i] = prev === 0 ? 0 : (equity[i + 1] ?? 0) / prev - 1;
  }
  return out;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return values.length === 0 ? 0 : sum / values.length;
}

/**
 * Annualised Sharpe ratio with a risk-free rate of 0: mean per-bar return over its sample
 * standard deviation (n − 1), times √(periods per year). 0 with fewer than two returns; a flat
 * curve (no deviation) follows `safeRatio` and gives 0.
 */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear: number): number {
  const n = returns.length;
  if (n < 2) return 0;
  const m = mean(returns);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((returns[i] ?? 0) - m) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  return safeRatio(m, sd) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio, target 0: mean per-bar return over the downside deviation
 * √(Σ min(r, 0)² / n), times √(periods per year). No losing bar gives Infinity when the mean is
 * positive (`safeRatio`); 0 with fewer than two returns.
 */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear: number): number {
  const n = returns.length;
  if (n < 2) return 0;
  let downside = 0;
  for (let i = 0; i < n; i++) downside += Math.min(returns[i] ?? 0, 0) ** 2;
  return safeRatio(mean(returns), Math.sqrt(downside / n)) * Math.sqrt(periodsPerYear);
}

/** Total return over the curve as a fraction (0.08 = +8%); 0 for fewer than two points. */
export function totalReturn(equity: ArrayLike<number>): number {
  const first = equity[0] ?? 0;
  const last = equity[equity.length - 1] ?? 0;
  if (equity.length < 2 || first <= 0) return 0;
  return last / first - 1;
}

/**
 * Compound annual growth rate as a fraction, over the elapsed time from the first to the last
 * point (365-day years). 0 when no time elapsed; −1 when the equity is wiped out.
 */
export function cagr(curve: EquityCurve): number {
  const n = curve.equity.length;
  const first = curve.equity[0] ?? 0;
  const last = curve.equity[n - 1] ?? 0;
  const years = ((curve.time[n - 1] ?? 0) - (curve.time[0] ?? 0)) / YEAR_MS;
  if (n < 2 || first <= 0 || years <= 0) return 0;
  if (last <= 0) return -1;
  return (last / first) ** (1 / years) - 1;
}
