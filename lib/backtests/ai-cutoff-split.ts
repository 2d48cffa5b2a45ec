/**
 * Splits an AI backtest's trades by the model's training cutoff: a trade belongs to the side of
 * the decision that opened it (the last `buy` decision at or before its entry). Decisions made
 * on candles from before the cutoff may reflect what the model memorised; only the ones after
 * it are out of sample for the model. Pure.
 */
import { tradeStats, type TradeStats } from '../core/metrics';
import { type ClosedTrade } from '../core/types';

export type CutoffSide = 'before' | 'after';

/** `YYYY-MM-DD` as epoch ms (00:00 UTC), or null. */
export function cutoffMs(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** A decision's side of the cutoff (null when the cutoff is unknown). */
export function cutoffSide(time: number, cutoff: number | null): CutoffSide | null {
  if (cutoff === null) return null;
  return time < cutoff ? 'before' : 'after';
}

export interface CutoffSplit {
  cutoff: string | null;
  /** Per trade, in order: the side of its entry decision (null: unknown cutoff or no decision). */
  sides: (CutoffSide | null)[];
  before: TradeStats;
  after: TradeStats;
  /** Decisions on each side. */
  decisions: { before: number; after: number };
}

export function splitByCutoff(
  trades: readonly ClosedTrade[],
  decisions: readonly { time: number; action: string }[],
  cutoff: string | null,
): CutoffSplit {
  const at = cutoffMs(cutoff);
  const buys = decisions.filter((d) => d.action === 'buy').sort((a, b) => a.time - b.time);
  const sides = trades.map((trade) => {
    let opening: { time: number } | undefined;
    for (const d of buys) {
      if (d.time > trade.entryTime) break;
      opening = d;
    }
    return opening ? cutoffSide(opening.time, at) : null;
  });
  const counts = { before: 0, after: 0 };
  for (const d of decisions) {
    const side = cutoffSide(d.time, at);
    if (side) counts[side]++;
  }
  return {
    cutoff: at === null ? null : cutoff,
    sides,
    before: tradeStats(trades.filter((_, i) => sides[i] === 'before')),
    after: tradeStats(trades.filter((_, i) => sides[i] === 'after')),
    decisions: counts,
  };
}
