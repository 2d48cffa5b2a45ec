import { describe, it, expect } from 'vitest';
import { type ClosedTrade, type ExitReason } from '../types';
import { trackRecord, TRACK_RECORD_SIZE } from './track-record';

function trade(exitTime: number, pnl: number, exitReason: ExitReason = 'signal'): ClosedTrade {
  return {
    side: 'buy',
    entryTime: exitTime - 10,
    exitTime,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    quantity: 1,
    fees: 0,
    pnl,
    pnlPct: pnl / 2,
    exitReason,
  };
}

describe('trackRecord', () => {
  it('summarises a short record', () => {
    // +10 TP, −5 SL, +20 TP, −10 SL, +5 signal
    const record = trackRecord([
      trade(1, 10, 'take_profit'),
      trade(2, -5, 'stop_loss'),
      trade(3, 20, 'take_profit'),
      trade(4, -10, 'stop_loss'),
      trade(5, 5),
    ]);
    expect(record).toEqual({
      closedTrades: 5,
      winRatePct: 60,
      avgPnl: 4, // 20 / 5
      avgPnlPct: 2, // 10 / 5
      stopLossHitRatePct: 40,
      takeProfitHitRatePct: 40,
      streak: 1,
      losingStreak: 0,
    });
  });

  it('covers only the last 15 trades by exit time, whatever the input order', () => {
    // two old big losses, then 15 wins of +1, given newest first
    const old = [trade(1, -100, 'stop_loss'), trade(2, -100, 'stop_loss')];
    const recent = Array.from({ length: 15 }, (_, i) => trade(10 + i, 1, 'take_profit'));
    const record = trackRecord([...recent, ...old].reverse());
    expect(TRACK_RECORD_SIZE).toBe(15);
    expect(record.closedTrades).toBe(15);
    expect(record.winRatePct).toBe(100);
    expect(record.avgPnl).toBe(1);
    expect(record.stopLossHitRatePct).toBe(0);
    expect(record.takeProfitHitRatePct).toBe(100);
    expect(record.streak).toBe(15);
  });

  it('signs losing streaks and stops at a break-even trade', () => {
    expect(trackRecord([trade(1, 5), trade(2, -1), trade(3, -2)]).streak).toBe(-2);
    expect(trackRecord([trade(1, 5), trade(2, -1), trade(3, -2)]).losingStreak).toBe(2);
    expect(
      trackRecord([trade(1, -5), trade(2, 0), trade(3, 3), trade(4, 4), trade(5, 1)]).streak,
    ).toBe(3);
    expect(trackRecord([trade(1, -5), trade(2, 0)]).streak).toBe(0);
  });

  it('accepts a custom window and is all zeros without trades', () => {
    expect(trackRecord([trade(1, -1), trade(2, 1), trade(3, 1)], 2).winRatePct).toBe(100);
    expect(trackRecord([])).toEqual({
      closedTrades: 0,
      winRatePct: 0,
      avgPnl: 0,
      avgPnlPct: 0,
      stopLossHitRatePct: 0,
      takeProfitHitRatePct: 0,
      streak: 0,
      losingStreak: 0,
    });
  });
});
