import { type ClosedTrade } from '../types';

/** How many recent closed trades the track record covers (AI and risk context). */
export const TRACK_RECORD_SIZE = 15;

/**
 * A bot's recent record, given to the AI and the risk engine. Structurally a superset of the
 * risk engine's `TrackRecord` (`closedTrades`, `winRatePct`, `losingStreak`).
 */
export interface TrackRecord {
  /** Trades covered (at most `TRACK_RECORD_SIZE`). */
  closedTrades: number;
  winRatePct: number;
  /** Mean `pnl` (quote) and mean `pnlPct` of the covered trades. */
  avgPnl: number;
  avgPnlPct: number;
  /** Share of covered trades closed by the stop-loss / the take-profit. */
  stopLossHitRatePct: number;
  takeProfitHitRatePct: number;
  /**
   * Current streak, signed: +3 = the last three trades won, −2 = the last two lost; 0 when
   * there are no trades or the last one broke even.
   */
  streak: number;
  /** Consecutive losses ending with the most recent trade (`max(0, −streak)`). */
  losingStreak: number;
}

/**
 * Track record over the last `size` closed trades (by exit time, most recent last). A win is
 * `pnl > 0`, a loss `pnl < 0`. All zero for no trades.
 */
export function trackRecord(
  trades: readonly ClosedTrade[],
  size: number = TRACK_RECORD_SIZE,
): TrackRecord {
  const recent = [...trades].sort((a, b) => a.exitTime - b.exitTime).slice(-size);
  const n = recent.length;
  const pct = (count: number) => (n === 0 ? 0 : (count / n) * 100);
  const mean = (sum: number) => (n === 0 ? 0 : sum / n);
  let wins = 0;
  let stops = 0;
  let targets = 0;
  let pnl = 0;
  let pnlPct = 0;
  for (const t of recent) {
    if (t.pnl > 0) wins++;
    if (t.exitReason === 'stop_loss') stops++;
    if (t.exitReason === 'take_profit') targets++;
    pnl += t.pnl;
    pnlPct += t.pnlPct;
  }
  const streak = currentStreak(recent);
  return {
    closedTrades: n,
    winRatePct: pct(wins),
    avgPnl: mean(pnl),
    avgPnlPct: mean(pnlPct),
    stopLossHitRatePct: pct(stops),
    takeProfitHitRatePct: pct(targets),
    streak,
    losingStreak: Math.max(0, -streak),
  };
}

/** Signed run of wins (+) or losses (−) ending with the last trade. */
function currentStreak(trades: readonly ClosedTrade[]): number {
  const last = trades[trades.length - 1];
  if (!last || last.pnl === 0) return 0;
  const sign = Math.sign(last.pnl);
  let run = 0;
  for (let i = trades.length - 1; i >= 0 && Math.sign(trades[i]?.pnl ?? 0) === sign; i--) run++;
  return sign * run;
}
