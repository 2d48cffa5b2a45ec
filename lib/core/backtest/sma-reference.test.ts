import { describe, expect, it } from 'vitest';
import { type CandleColumns } from '../types';
import { runBacktest } from './run-backtest';
import { seededCandles } from './seeded-candles';

/*
 * An independent reference for the classic SMA crossover backtest, written from scratch with
 * the semantics of established backtesting libraries: strict crossover on the last two values,
 * no signal until both averages have two values, a signal at a close fills at the next open, all
 * in with the fee included (quantity = cash / (price × (1 + fee))), fee on both sides, an open
 * trade closed at the last close, a signal on the last bar dropped.
 */
interface RefTrade {
  entryIndex: number;
  exitIndex: number;
  entryPrice: number;
  exitPrice: number;
  quantity: number;
  fees: number;
  pnl: number;
  exitReason: 'signal' | 'end_of_data';
}

function naiveSma(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = period - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += values[j]!;
    out[i] = sum / period;
  }
  return out;
}

function referenceSmaCross(
  c: CandleColumns,
  fastPeriod: number,
  slowPeriod: number,
  balance: number,
  fee: number,
): { trades: RefTrade[]; finalCash: number } {
  const n = c.close.length;
  const fast = naiveSma(c.close, fastPeriod);
  const slow = naiveSma(c.close, slowPeriod);
  const trades: RefTrade[] = [];
  let cash = balance;
  let position: { index: number; price: number; quantity: number; fee: number } | null = null;
  let pending: 'buy' | 'sell' | null = null;
  const sell = (index: number, price: number, reason: RefTrade['exitReason']) => {
    if (!position) return;
    const proceeds = price * position.quantity;
    const exitFee = proceeds * fee;
    cash += proceeds - exitFee;
    const cost = position.price * position.quantity + position.fee;
    trades.push({
      entryIndex: position.index,
      exitIndex: index,
      entryPrice: position.price,
      exitPrice: price,
      quantity: position.quantity,
      fees: position.fee + exitFee,
      pnl: proceeds - exitFee - cost,
      exitReason: reason,
    });
    position = null;
  };
  for (let i = 0; i < n; i++) {
    const open = c.open[i]!;
    if (pending === 'buy') {
      const quantity = cash / (open * (1 + fee));
      const entryFee = open * quantity * fee;
      cash -= open * quantity + entryFee;
      position = { index: i, price: open, quantity, fee: entryFee };
    } else if (pending === 'sell') {
      sell(i, open, 'signal');
    }
    pending = null;
    const ready = i >= 1 && !Number.isNaN(slow[i - 1]!) && !Number.isNaN(fast[i - 1]!);
    if (ready && i < n - 1) {
      const up = fast[i - 1]! <= slow[i - 1]! && fast[i]! > slow[i]!;
      const down = fast[i - 1]! >= slow[i - 1]! && fast[i]! < slow[i]!;
      if (!position && up) pending = 'buy';
      if (position && down) pending = 'sell';
    }
  }
  sell(n - 1, c.close[n - 1]!, 'end_of_data');
  return { trades, finalCash: cash };
}

function engineSmaCross(c: CandleColumns, fastPeriod: number, slowPeriod: number, fee: number) {
  return runBacktest({
    candles: c,
    timeframe: '1m',
    // a plain crossover: no ATR exits (the shortest ATR so it never delays the warm-up)
    strategy: {
      id: 'sma-cross',
      params: { fastPeriod, slowPeriod, atrPeriod: 2, stopLossAtr: 0, takeProfitAtr: 0 },
    },
    options: { startingBalance: 10_000, feeRate: fee, sizing: { kind: 'fraction', fraction: 1 } },
  });
}

const cases = [
  { seed: 1, fast: 10, slow: 30, fee: 0.001 },
  { seed: 2, fast: 3, slow: 7, fee: 0.001 },
  { seed: 3, fast: 5, slow: 50, fee: 0 },
  { seed: 4, fast: 20, slow: 21, fee: 0.0025 },
  { seed: 5, fast: 1, slow: 2, fee: 0.001 },
];

describe('SMA crossover against an independent reference loop', () => {
  it.each(cases)('seed $seed, SMA $fast/$slow, fee $fee: identical trades', (k) => {
    const candles = seededCandles(4000, k.seed);
    const ref = referenceSmaCross(candles, k.fast, k.slow, 10_000, k.fee);
    const result = engineSmaCross(candles, k.fast, k.slow, k.fee);
    expect(ref.trades.length).toBeGreaterThan(20);
    const got = result.trades.map((t) => ({
      entryIndex: t.entryIndex,
      exitIndex: t.exitIndex,
      entryPrice: t.entryPrice,
      exitPrice: t.exitPrice,
      quantity: t.quantity,
      fees: t.fees,
      pnl: t.pnl,
      exitReason: t.exitReason,
    }));
    expect(got).toEqual(ref.trades);
    expect(result.stats.finalEquity).toBe(ref.finalCash);
  });

  it('never signals during warm-up: the first entry comes after both averages have two values', () => {
    const result = engineSmaCross(seededCandles(4000, 6), 10, 30, 0.001);
    // the slow SMA's first value is at bar 29, the first possible cross at bar 30, its fill at 31
    expect(result.trades[0]!.entryIndex).toBeGreaterThanOrEqual(31);
  });

  it('closes the open trade at the last close and drops a signal on the last bar', () => {
    // a steady rise after a fall: one cross up, never a cross down
    const rows = Array.from({ length: 60 }, (_, i) => (i < 30 ? 130 - i : 70 + 2 * i));
    const candles: CandleColumns = {
      time: Float64Array.from(rows, (_, i) => i * 60_000),
      open: Float64Array.from(rows),
      high: Float64Array.from(rows, (p) => p + 1),
      low: Float64Array.from(rows, (p) => p - 1),
      close: Float64Array.from(rows),
      volume: new Float64Array(rows.length).fill(1),
    };
    const ref = referenceSmaCross(candles, 3, 7, 10_000, 0.001);
    const result = engineSmaCross(candles, 3, 7, 0.001);
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]!.exitReason).toBe('end_of_data');
    expect(result.trades[0]!.exitPrice).toBe(rows[59]);
    expect(result.trades[0]!.pnl).toBe(ref.trades[0]!.pnl);
  });

  it('keeps money self-consistent: final equity = balance + sum of trade P&L (1e-9 relative)', () => {
    for (const k of cases) {
      const result = engineSmaCross(seededCandles(4000, k.seed), k.fast, k.slow, k.fee);
      const sum = result.trades.reduce((acc, t) => acc + t.pnl, 0);
      const final = result.stats.finalEquity;
      expect(Math.abs(final - (10_000 + sum)) / final).toBeLessThan(1e-9);
      expect(result.curves.equity[result.curves.equity.length - 1]).toBe(final);
    }
  });
});
