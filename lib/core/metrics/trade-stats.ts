import { type ClosedTrade } from '../types';
import { safeRatio } from './ratio';

export interface TradeStats {
  tradeCount: number;
  winRatePct: number;
  profitFactor: number;
  netPnl: number;
  grossProfit: number;
  grossLoss: number;
  expectancy: number;
  expectancyPct: number;
  averageWin: number;
  averageLoss: number;
  bestTradePnl: number;
  worstTradePnl: number;
  bestTradePct: number;
  worstTradePct: number;
  averageHoldMs: number;
  totalFees: number;
}

/**
 * Statistics over closed trades. A win has `pnl > 0`, a loss `pnl < 0`; a break-even trade
 * counts as a trade but neither. Everything is 0 when there are no trades.
 */
export function tradeStats(trades: readonly ClosedTrade[]): TradeStats {
  const n = trades.length;
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let pctSum = 0;
  let holdSum = 0;
  let totalFees = 0;
  let best = -Infinity;
  let worst = Infinity;
  let bestPct = -Infinity;
  let worstPct = Infinity;
  for (const t of trades) {
    if (t.pnl > 0) {
      wins++;
      grossProfit += t.pnl;
    } else if (t.pnl < 0) {
      losses++;
      grossLoss -= t.pnl;
    }
    pctSum += t.pnlPct;
    holdSum += t.exitTime - t.entryTime;
    totalFees += t.fees;
    best = Math.max(best, t.pnl);
    worst = Math.min(worst, t.pnl);
    bestPct = Math.max(bestPct, t.pnlPct);
    worstPct = Math.min(worstPct, t.pnlPct);
  }
  const netPnl = grossProfit - grossLoss;
  return {
    tradeCount: n,
    winRatePct: n === 0 ? 0 : (wins / n) * 100,
    profitFactor: safeRatio(grossProfit, grossLoss),
    netPnl,
    grossProfit,
    grossLoss,
    expectancy: n === 0 ? 0 : netPnl / n,
    expectancyPct: n === 0 ? 0 : pctSum / n,
    averageWin: wins === 0 ? 0 : grossProfit / wins,
    averageLoss: losses === 0 ? 0 : -grossLoss / losses,
    bestTradePnl: n === 0 ? 0 : best,
    worstTradePnl: n === 0 ? 0 : worst,
    bestTradePct: n === 0 ? 0 : bestPct,
    worstTradePct: n === 0 ? 0 : worstPct,
    averageHoldMs: n === 0 ? 0 : holdSum / n,
    totalFees,
  };
}
