import { TIMEFRAME_MS, type Timeframe } from '../types';

/** A year of 24/7 crypto trading, in ms (365 days). */
export const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Bars per year for annualising: crypto trades around the clock, so a year of 1h candles is
 * 8760 bars, of 1d candles 365.
 */
export function periodsPerYear(timeframe: Timeframe | number): number {
  const ms = typeof timeframe === 'number' ? timeframe : TIMEFRAME_MS[timeframe];
  if (!(ms > 0)) throw new RangeError(`Timeframe must be a positive length in ms, got ${ms}`);
  return YEAR_MS / ms;
}

/**
 * `numerator / denominator`, defined for a zero denominator as +Infinity (positive numerator),
 * −Infinity (negative) or 0 (zero): a flat curve has a Sharpe of 0, a run without losses a
 * profit factor of Infinity. `JSON.stringify` writes infinities as null; store them accordingly.
 */
export function safeRatio(numerator: number, denominator: number): number {
  if (denominator !== 0) return numerator / denominator;
  return numerator > 0 ? Infinity : numerator < 0 ? -Infinity : 0;
}
