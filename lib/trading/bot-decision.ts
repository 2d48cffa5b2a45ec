import { trackRecord, type TrackRecord } from '../core/metrics';
import type { StrategyDecision, StrategyInstance } from '../core/strategy';
import type { Candle, ClosedTrade } from '../core/types';
import type { Bot, Position } from '../db/schema';

/** Makes an AI decision for a bot cycle; plugged in by the AI layer. */
export type AiDecider = ((input: {
  bot: Bot;
  candles: Candle[];
  position: Position | null;
  record: TrackRecord;
  now: Date;
}) => Promise<StrategyDecision & { aiDecisionId?: string }>) & {
  /** Called once the decision's signal has executed (links the ledger row to its outcome). */
  afterSignal?(signalId: string): Promise<void>;
};

/** The bot's last closed positions as core trades (newest last), for its track record. */
export function closedTrades(positions: Position[]): ClosedTrade[] {
  return positions
    .filter((p) => p.closedAt && p.exitPrice)
    .map((p) => ({
      side: 'buy' as const,
      entryTime: p.openedAt.getTime(),
      exitTime: p.closedAt!.getTime(),
      entryPrice: Number(p.entryPrice),
      exitPrice: Number(p.exitPrice),
      quantity: Number(p.quantity),
      fees: Number(p.entryFee) + Number(p.exitFee ?? 0),
      pnl: Number(p.realizedPnl ?? 0),
      pnlPct: Number(p.realizedPnlPct ?? 0),
      exitReason: p.exitReason === 'reconcile' || !p.exitReason ? 'manual' : p.exitReason,
    }))
    .sort((a, b) => a.exitTime - b.exitTime);
}

/**
 * A rule strategy's decision: a fresh instance (`createStrategy`) fed the closed candles in
 * order, then asked — exactly what the backtester does bar by bar, so live and backtest decide
 * alike.
 */
export function ruleDecision(
  strategy: StrategyInstance,
  candles: Candle[],
  position: Position | null,
  record: TrackRecord,
): StrategyDecision {
  for (const candle of candles) strategy.update(candle);
  const last = candles[candles.length - 1];
  return strategy.decide({
    time: last ? last.time : 0,
    position: position
      ? {
          side: 'buy',
          entryPrice: Number(position.entryPrice),
          quantity: Number(position.quantity),
          entryTime: position.openedAt.getTime(),
        }
      : null,
    record,
  });
}

export function botTrackRecord(positions: Position[]): TrackRecord {
  return trackRecord(closedTrades(positions));
}
