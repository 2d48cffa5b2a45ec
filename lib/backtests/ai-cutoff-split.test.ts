import { describe, expect, it } from 'vitest';
import { type ClosedTrade } from '../core/types';
import { cutoffMs, cutoffSide, splitByCutoff } from './ai-cutoff-split';

const DAY = 86_400_000;
const CUTOFF = '2024-06-01';
const C = Date.parse('2024-06-01T00:00:00Z');

function trade(entryTime: number, pnl: number): ClosedTrade {
  return {
    side: 'buy',
    entryTime,
    exitTime: entryTime + DAY,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    quantity: 1,
    fees: 0,
    pnl,
    pnlPct: pnl,
    exitReason: pnl > 0 ? 'take_profit' : 'stop_loss',
  };
}

describe('the training-cutoff split', () => {
  it('parses the cutoff as 00:00 UTC and labels times strictly before it as before', () => {
    expect(cutoffMs(CUTOFF)).toBe(C);
    expect(cutoffMs(null)).toBeNull();
    expect(cutoffMs('not a date')).toBeNull();
    expect(cutoffSide(C - 1, C)).toBe('before');
    expect(cutoffSide(C, C)).toBe('after');
    expect(cutoffSide(C, null)).toBeNull();
  });

  it('puts each trade on the side of the buy decision that opened it, with separate stats', () => {
    const decisions = [
      { time: C - 10 * DAY, action: 'buy' }, // opens trade 1 (filled next bar)
      { time: C - 5 * DAY, action: 'hold' },
      { time: C - DAY, action: 'buy' }, // opens trade 2, which is entered after the cutoff
      { time: C + 2 * DAY, action: 'close' },
      { time: C + 3 * DAY, action: 'buy' }, // opens trade 3
    ];
    const trades = [trade(C - 10 * DAY, 5), trade(C + 0, -2), trade(C + 3 * DAY, 7)];
    const split = splitByCutoff(trades, decisions, CUTOFF);
    // trade 2's entry decision was made before the cutoff even though it filled after it
    expect(split.sides).toEqual(['before', 'before', 'after']);
    expect(split.before.tradeCount).toBe(2);
    expect(split.before.netPnl).toBe(3);
    expect(split.before.winRatePct).toBe(50);
    expect(split.after.tradeCount).toBe(1);
    expect(split.after.netPnl).toBe(7);
    expect(split.decisions).toEqual({ before: 3, after: 2 });
  });

  it('labels nothing when the model has no known cutoff', () => {
    const split = splitByCutoff([trade(C, 1)], [{ time: C - 1, action: 'buy' }], null);
    expect(split.cutoff).toBeNull();
    expect(split.sides).toEqual([null]);
    expect(split.before.tradeCount + split.after.tradeCount).toBe(0);
    expect(split.decisions).toEqual({ before: 0, after: 0 });
  });

  it('leaves a trade without an earlier buy decision unlabelled', () => {
    const split = splitByCutoff([trade(C - 3 * DAY, 1)], [{ time: C, action: 'buy' }], CUTOFF);
    expect(split.sides).toEqual([null]);
  });
});
