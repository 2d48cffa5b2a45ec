import { type EquityCurve } from './types';

export interface MaxDrawdown {
  /** Deepest peak-to-trough fall as a fraction of the peak (0.05 = 5%); 0 when never below a peak. */
  depth: number;
  /** Index of the peak before the deepest fall, and of its trough. */
  peakIndex: number;
  troughIndex: number;
  /** First index back at or above that peak, or null when the curve never recovered. */
  recoveryIndex: number | null;
  /** Peak to recovery (or to the last point when not recovered), in bars and in ms. */
  durationBars: number;
  durationMs: number;
}

/** The deepest drawdown of the curve and how long it lasted. */
export function maxDrawdown(curve: EquityCurve): MaxDrawdown {
  const { equity } = curve;
  const n = equity.length;
  let peak = equity[0] ?? 0;
  let peakIndex = 0;
  const worst = { depth: 0, peakIndex: 0, troughIndex: 0 };
  for (let i = 1; i < n; i++) {
    const e = equity[i] ?? 0;
    if (e >= peak) {
      peak = e;
      peakIndex = i;
    } else if (peak > 0 && (peak - e) / peak > worst.depth) {
      worst.depth = (peak - e) / peak;
      worst.peakIndex = peakIndex;
      worst.troughIndex = i;
    }
  }
  return drawdownDuration(curve, worst);
}

/** Completes the deepest fall found on `curve` with its recovery point and duration. */
export function drawdownDuration(
  curve: EquityCurve,
  worst: { depth: number; peakIndex: number; troughIndex: number },
): MaxDrawdown {
  const { equity, time } = curve;
  const n = equity.length;
  if (worst.depth === 0) {
    return { ...worst, recoveryIndex: null, durationBars: 0, durationMs: 0 };
  }
  const peakValue = equity[worst.peakIndex] ?? 0;
  let recoveryIndex: number | null = null;
  for (let i = worst.troughIndex + 1; i < n && recoveryIndex === null; i++) {
    if ((equity[i] ?? 0) >= peakValue) recoveryIndex = i;
  }
  const end = recoveryIndex ?? n - 1;
  return {
    ...worst,
    recoveryIndex,
    durationBars: end - worst.peakIndex,
    durationMs: (time[end] ?? 0) - (time[worst.peakIndex] ?? 0),
  };
}
