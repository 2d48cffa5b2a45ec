import { describe, expect, it } from 'vitest';
import { type BacktestOptionsInput } from './options';
import { runBacktest } from './run-backtest';
import { scriptedStrategy, type ScriptStep } from './scripted-strategy';
import { candlesFromRows, SEEDED_START_TIME } from './seeded-candles';

type Row = readonly [number, number, number, number];
const MIN = 60_000;
const t = (i: number) => SEEDED_START_TIME + i * MIN;

function run(
  rows: readonly Row[],
  script: Record<number, ScriptStep>,
  options: BacktestOptionsInput = {},
) {
  return runBacktest({
    candles: candlesFromRows(rows),
    timeframe: '1m',
    strategy: { id: 'script' },
    instance: scriptedStrategy(script),
    options: { startingBalance: 1000, feeRate: 0.001, ...options },
  });
}

/** Quiet bars around 100 (range 99–101). */
const quiet = (n: number): Row[] => Array.from({ length: n }, () => [100, 101, 99, 100] as const);

describe('OCO exits', () => {
  // buy at bar 0 close → entry at the bar-1 open (100); bar 2 reaches both 95 and 110
  const rows: Row[] = [...quiet(2), [100, 112, 94, 100], ...quiet(2)];
  const buy = { 0: { action: 'buy', stopLoss: 95, takeProfit: 110 } } as const;

  it('books the stop when one candle reaches both legs (stop-first by default)', () => {
    const [trade] = run(rows, buy, { slippageBps: 10 }).trades;
    expect(trade?.exitReason).toBe('stop_loss');
    // stop 95 slipped 10 bps: 94.905, taker fee
    expect(trade?.exitPrice).toBeCloseTo(94.905, 12);
    expect(trade?.exitFee).toBeCloseTo(94.905 * trade!.quantity * 0.001, 12);
    expect(trade?.exitTime).toBe(t(2));
  });

  it('books the target instead with bothLegsPolicy target-first, at the limit, maker fee', () => {
    const [trade] = run(rows, buy, {
      slippageBps: 10,
      bothLegsPolicy: 'target-first',
      makerFeeRate: 0.0002,
    }).trades;
    expect(trade?.exitReason).toBe('take_profit');
    expect(trade?.exitPrice).toBe(110);
    expect(trade?.exitFee).toBeCloseTo(110 * trade!.quantity * 0.0002, 12);
  });

  it('fills at the open when the bar gaps through a leg', () => {
    const gapDown: Row[] = [...quiet(2), [90, 91, 88, 89], ...quiet(2)];
    const gapUp: Row[] = [...quiet(2), [115, 116, 114, 115], ...quiet(2)];
    expect(run(gapDown, buy).trades[0]).toMatchObject({ exitReason: 'stop_loss', exitPrice: 90 });
    expect(run(gapUp, buy).trades[0]).toMatchObject({ exitReason: 'take_profit', exitPrice: 115 });
  });

  it('checks the OCO in the entry bar itself', () => {
    const rows2: Row[] = [quiet(1)[0]!, [100, 101, 94, 96], ...quiet(2)];
    const [trade] = run(rows2, buy).trades;
    expect(trade).toMatchObject({
      exitReason: 'stop_loss',
      exitPrice: 95,
      entryIndex: 1,
      exitIndex: 1,
    });
    expect(trade?.barsHeld).toBe(1);
  });

  it('works with a lone stop or a lone target', () => {
    const down: Row[] = [...quiet(2), [100, 100, 94, 95], ...quiet(2)];
    const up: Row[] = [...quiet(2), [100, 111, 100, 105], ...quiet(2)];
    expect(run(down, { 0: { action: 'buy', stopLoss: 95 } }).trades[0]).toMatchObject({
      exitReason: 'stop_loss',
      exitPrice: 95,
      takeProfit: null,
    });
    expect(run(up, { 0: { action: 'buy', takeProfit: 110 } }).trades[0]).toMatchObject({
      exitReason: 'take_profit',
      exitPrice: 110,
      stopLoss: null,
    });
  });

  it('uses default stop-loss / take-profit % when the strategy gives none', () => {
    // entry at 100: default stop 2 % → 98, target 5 % → 105
    const rows2: Row[] = [...quiet(2), [100, 100.5, 97.5, 98], ...quiet(2)];
    const [trade] = run(
      rows2,
      { 0: { action: 'buy' } },
      {
        defaultStopLossPct: 2,
        defaultTakeProfitPct: 5,
      },
    ).trades;
    expect(trade).toMatchObject({ exitReason: 'stop_loss', stopLoss: 98, takeProfit: 105 });
    expect(trade?.exitPrice).toBeCloseTo(98, 12);
  });

  it('with same-close fills, starts checking the OCO on the bar after the entry', () => {
    // bought at the bar-0 close (100); bar 0's own low 94 is below the stop but came before it
    const rows2: Row[] = [[100, 101, 94, 100], ...quiet(2), [100, 101, 94, 96], ...quiet(1)];
    const [trade] = run(rows2, buy, { fillTiming: 'same-close' }).trades;
    expect(trade).toMatchObject({ exitReason: 'stop_loss', entryIndex: 0, exitIndex: 3 });
    // open during bars 1, 2 and 3
    expect(trade?.barsHeld).toBe(3);
  });

  it("ignores the strategy's levels with useStrategyExits off", () => {
    const [trade] = run(rows, buy, { useStrategyExits: false }).trades;
    expect(trade).toMatchObject({ exitReason: 'end_of_data', stopLoss: null, takeProfit: null });
  });
});

describe('time-outs and the end of the data', () => {
  it('closes at the open of the first bar at or after entry + max hold', () => {
    // entry at the bar-1 open (t1); 3 minutes → the bar-4 open
    const rows: Row[] = [...quiet(4), [102, 103, 101, 102], ...quiet(2)];
    const [trade] = run(
      rows,
      { 0: { action: 'buy' } },
      { maxHoldMs: 3 * MIN, slippageBps: 10 },
    ).trades;
    expect(trade).toMatchObject({ exitReason: 'timeout', exitIndex: 4, exitTime: t(4) });
    expect(trade?.exitPrice).toBeCloseTo(102 * 0.999, 12);
    // open during bars 1, 2, 3
    expect(trade?.barsHeld).toBe(3);
  });

  it('lets an OCO leg reached at that same open win over the time-out', () => {
    const rows: Row[] = [...quiet(4), [90, 91, 89, 90], ...quiet(2)];
    const [trade] = run(
      rows,
      { 0: { action: 'buy', stopLoss: 95 } },
      { maxHoldMs: 3 * MIN },
    ).trades;
    expect(trade).toMatchObject({ exitReason: 'stop_loss', exitIndex: 4, exitPrice: 90 });
  });

  it('counts the max hold over missing bars (it is a time, not a bar count)', () => {
    const candles = candlesFromRows(quiet(6));
    // bar 3 is 10 minutes after bar 2: a gap of 9 bars
    for (let i = 3; i < 6; i++) candles.time[i] = candles.time[i]! + 9 * MIN;
    const result = runBacktest({
      candles,
      timeframe: '1m',
      strategy: { id: 'script' },
      instance: scriptedStrategy({ 0: { action: 'buy' } }),
      options: { maxHoldMs: 5 * MIN },
    });
    expect(result.trades[0]).toMatchObject({ exitReason: 'timeout', exitIndex: 3 });
    expect(result.gaps).toEqual([{ from: t(2), to: t(12), missingBars: 9 }]);
  });

  it('closes what is still open at the last close, with the fee and slippage of a market sell', () => {
    const rows: Row[] = [...quiet(3), [100, 104, 99, 103]];
    const [trade] = run(rows, { 0: { action: 'buy' } }, { slippageBps: 10 }).trades;
    expect(trade).toMatchObject({ exitReason: 'end_of_data', exitIndex: 3, exitTime: t(4) });
    expect(trade?.exitPrice).toBeCloseTo(103 * 0.999, 12);
  });

  it('drops a buy on the last bar (next-open) and takes no entry there (same-close)', () => {
    for (const fillTiming of ['next-open', 'same-close'] as const) {
      const result = run(quiet(4), { 3: { action: 'buy' } }, { fillTiming });
      expect(result.trades).toEqual([]);
      expect(result.stats.skippedEntries).toEqual({ END_OF_DATA: 1 });
    }
  });
});

describe('several positions', () => {
  const rows: Row[] = [
    [100, 101, 99, 100],
    [100, 101, 99, 100],
    [102, 103, 101, 102],
    [104, 105, 103, 104],
    [106, 107, 105, 106],
    [108, 109, 107, 108],
    [110, 111, 109, 110],
    [110, 111, 109, 110],
  ];
  const script = {
    0: { action: 'buy' },
    1: { action: 'buy' },
    2: { action: 'buy' },
    3: { action: 'buy' },
    5: { action: 'close' },
  } as const;

  it('opens up to maxConcurrent positions and a close exits them all, oldest first', () => {
    const result = run(rows, script, {
      maxConcurrent: 3,
      sizing: { kind: 'fraction', fraction: 0.3 },
    });
    expect(result.trades.map((tr) => [tr.id, tr.entryIndex, tr.exitIndex, tr.exitReason])).toEqual([
      [1, 1, 6, 'signal'],
      [2, 2, 6, 'signal'],
      [3, 3, 6, 'signal'],
    ]);
    // the fourth buy found no room: not even counted as a signal
    expect(result.stats.buySignals).toBe(3);
    // each takes 30 % of the equity at its fill (position + fee)
    const [a, b] = result.trades;
    expect(a!.quantity * 100 * 1.001).toBeCloseTo(300, 9);
    const equityAtB = 1000 - 300 + a!.quantity * 102;
    expect(b!.quantity * 102 * 1.001).toBeCloseTo(0.3 * equityAtB, 9);
    const sum = result.trades.reduce((acc, tr) => acc + tr.pnl, 0);
    expect(result.stats.finalEquity).toBeCloseTo(1000 + sum, 9);
  });

  it('never spends more cash than it has: an all-in second position gets nothing', () => {
    const result = run(rows, script, { maxConcurrent: 2 });
    expect(result.trades).toHaveLength(1);
    // the buys at bars 1, 2 and 3 find room but no cash
    expect(result.stats.buySignals).toBe(4);
    expect(result.stats.skippedEntries).toEqual({ NO_CASH: 3 });
  });
});
