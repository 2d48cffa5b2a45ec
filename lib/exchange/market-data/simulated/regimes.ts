/**
 * Volatility regimes of the simulated market: a three-state Markov chain stepped once per hour.
 * Regimes persist (tens of hours on average), which is what makes volatility cluster: a quiet
 * hour is usually followed by another quiet hour, a wild one by another wild one.
 */
import { uniform } from './hash';

export type RegimeName = 'calm' | 'normal' | 'volatile';

export interface Regime {
  name: RegimeName;
  /** Multiplier on the symbol's normal per-minute volatility. */
  volMultiplier: number;
  /** Probability of staying in this regime for the next hour. */
  stay: number;
  /** Where the chain goes when it leaves: [calm, normal, volatile] weights (own weight is 0). */
  leave: readonly [number, number, number];
}

export const REGIMES: readonly Regime[] = [
  { name: 'calm', volMultiplier: 0.55, stay: 0.97, leave: [0, 0.85, 0.15] },
  { name: 'normal', volMultiplier: 1, stay: 0.975, leave: [0.5, 0, 0.5] },
  { name: 'volatile', volMultiplier: 2.2, stay: 0.93, leave: [0.25, 0.75, 0] },
];

/** Index of the regime the chain starts in at the epoch. */
export const INITIAL_REGIME = 1;

/** Random stream of the hourly regime transitions. */
export const REGIME_STREAM = 10;

/** The regime of hour `hour` (hours since the epoch), given the regime of the hour before. */
export function nextRegime(key: number, hour: number, previous: number): number {
  const regime = REGIMES[previous];
  if (!regime) throw new RangeError(`Unknown regime index ${previous}`);
  const u = uniform(key, hour, REGIME_STREAM);
  if (u < regime.stay) return previous;
  const v = (u - regime.stay) / (1 - regime.stay);
  let acc = 0;
  for (let i = 0; i < regime.leave.length; i += 1) {
    acc += regime.leave[i] ?? 0;
    if (v < acc) return i;
  }
  return previous === 0 ? 1 : previous - 1;
}

/** Per-minute volatility multiplier of a regime index. */
export function regimeVolMultiplier(index: number): number {
  return REGIMES[index]?.volMultiplier ?? 1;
}
