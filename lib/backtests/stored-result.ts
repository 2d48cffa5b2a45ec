import { toJsonResult, type BacktestResult } from '../core/backtest';
import type { NewBacktest } from '../db/schema';

/** Points kept per stored curve for display (the extremes always survive, see `downsample`). */
export const DISPLAY_POINTS = 1000;

/** JSON round trip: typed arrays become plain arrays, infinite ratios null. */
export function plainJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * The columns a completed single run stores: its JSON result (curves downsampled to
 * `DISPLAY_POINTS`, every trade), with `extraStats` (an AI run's report) added to `stats`.
 */
export function completedRunColumns(
  result: BacktestResult,
  extraStats: Record<string, unknown> = {},
): Partial<NewBacktest> & { status: 'completed' } {
  const plain = plainJson({ ...toJsonResult(result, DISPLAY_POINTS), extraStats }) as Record<
    string,
    Record<string, unknown>
  >;
  return {
    status: 'completed',
    progress: 100,
    config: plain.config,
    metrics: plain.metrics,
    buyAndHold: plain.buyAndHold,
    stats: { ...plain.stats, semantics: plain.semantics, ...plain.extraStats },
    curves: plain.curves,
    trades: plain.trades as unknown as Record<string, unknown>[],
    gaps: plain.gaps as unknown as Record<string, unknown>[],
    tradeCount: result.trades.length,
  };
}
