import { formatPct } from './format';
import { type RiskPolicy } from './policy-schema';
import { type TrackRecord } from './types';

export interface PerformanceReason {
  code: 'LOW_WIN_RATE' | 'LOSING_STREAK';
  message: string;
  observed: number;
  limit: number;
}

export interface PerformanceAdjustment {
  /** The minimum confidence to apply (the policy's, raised after a poor record, at most 100). */
  minConfidence: number;
  /** The policy's minimum before adjustment, for messages. */
  baseMinConfidence: number;
  /** Multiplier for the position size, 0 < m ≤ 1 (1 = no change). */
  sizeMultiplier: number;
  /** Why the adjustment applies; empty when it does not. */
  reasons: PerformanceReason[];
}

/**
 * Tightens the policy after a poor recent record: when the win rate over the last closed trades
 * is below the threshold (only once at least `minTrades` trades closed) or the current losing
 * streak reaches the threshold, the minimum confidence rises by `confidenceIncrease` and sizes
 * are multiplied by `sizeMultiplier`. Both triggers together apply the adjustment once.
 */
export function adjustForPerformance(
  policy: RiskPolicy,
  record: TrackRecord | null,
): PerformanceAdjustment {
  const base = policy.minConfidence.min;
  const unchanged: PerformanceAdjustment = {
    minConfidence: base,
    baseMinConfidence: base,
    sizeMultiplier: 1,
    reasons: [],
  };
  const perf = policy.performance;
  if (!perf.enabled || record === null) return unchanged;

  const reasons: PerformanceReason[] = [];
  if (record.closedTrades >= perf.minTrades && record.winRatePct < perf.winRateBelowPct) {
    reasons.push({
      code: 'LOW_WIN_RATE',
      message: `Win rate ${formatPct(record.winRatePct)} over the last ${record.closedTrades} closed trades is below ${formatPct(perf.winRateBelowPct)}`,
      observed: record.winRatePct,
      limit: perf.winRateBelowPct,
    });
  }
  if (record.losingStreak >= perf.losingStreakAtLeast) {
    reasons.push({
      code: 'LOSING_STREAK',
      message: `${record.losingStreak} losing trades in a row (threshold ${perf.losingStreakAtLeast})`,
      observed: record.losingStreak,
      limit: perf.losingStreakAtLeast,
    });
  }
  if (reasons.length === 0) return unchanged;
  return {
    minConfidence: Math.min(100, base + perf.confidenceIncrease),
    baseMinConfidence: base,
    sizeMultiplier: perf.sizeMultiplier,
    reasons,
  };
}
