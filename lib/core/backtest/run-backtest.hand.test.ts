import { describe, expect, it } from 'vitest';
import { runBacktest } from './run-backtest';
import { scriptedStrategy } from './scripted-strategy';
import { candlesFromRows, SEEDED_START_TIME } from './seeded-candles';

const MIN = 60_000;
const t = (i: number) => SEEDED_START_TIME + i * MIN;

/*
 * Ten one-minute candles [open, high, low, close]. Balance 1000, fee 0.1 % per side,
 * slippage 10 bps, all in (fraction 1), next-open fills.
 *
 * Bar 1 close: buy.                   Bar 4 close: close.
 * Bar 6 close: buy with stop 101, target 110 (stopped out in bar 8).
 */
const rows = [
  [100, 101, 99, 100], // 0
  [100, 102, 99, 101], // 1  buy signal at the close
  [102, 104, 101, 103], // 2  entry at the open
  [103, 105, 102, 104], // 3
  [104, 106, 103, 105], // 4  close signal at the close
  [106, 107, 104, 105], // 5  exit at the open
  [105, 106, 103, 104], // 6  buy signal (stop 101, target 110)
  [104, 105, 102, 103], // 7  entry at the open; low 102 > stop, high 105 < target
  [103, 104, 100, 101], // 8  low 100 reaches the stop 101
  [101, 102, 100, 102], // 9
] as const;

function run() {
  return runBacktest({
    candles: candlesFromRows(rows),
    timeframe: '1m',
    strategy: { id: 'script' },
    instance: scriptedStrategy({
      1: { action: 'buy' },
      4: { action: 'close' },
      6: { action: 'buy', stopLoss: 101, takeProfit: 110 },
    }),
    options: { startingBalance: 1000, feeRate: 0.001, slippageBps: 10 },
  });
}

describe('runBacktest on ten hand-checked candles', () => {
  const result = run();
  const [first, second] = result.trades;

  it('makes exactly two trades', () => {
    expect(result.trades).toHaveLength(2);
    expect(result.stats.buySignals).toBe(2);
    expect(result.stats.closeSignals).toBe(1);
  });

  it('trade 1: bought at the bar-2 open, sold at the bar-5 open on the close signal', () => {
    if (!first) throw new Error('no trade');
    // entry price = open 102 × (1 + 10 bps) = 102.102
    expect(first.entryPrice).toBeCloseTo(102.102, 12);
    // quantity = 1000 / (102.102 × 1.001) = 1000 / 102.204102 = 9.78434309808817…
    expect(first.quantity).toBeCloseTo(9.784343098088177, 12);
    // entry value = q × 102.102 = 1000 / 1.001 = 999.000999…; entry fee = 0.999000999…
    expect(first.entryFee).toBeCloseTo(0.999000999000999, 12);
    // exit price = open 106 × (1 − 10 bps) = 105.894; value = q × 105.894 = 1036.10322802895
    expect(first.exitPrice).toBeCloseTo(105.894, 12);
    // exit fee = 1036.10322802895 × 0.001 = 1.03610322802895
    expect(first.exitFee).toBeCloseTo(1.036103228028949, 12);
    // P&L = 1036.10322802895 − 1.03610322802895 − 1000 = 35.0671248009204
    expect(first.pnl).toBeCloseTo(35.06712480092042, 10);
    // P&L % of the 1000 committed = 3.50671248009204 %
    expect(first.pnlPct).toBeCloseTo(3.506712480092042, 10);
    expect(first.fees).toBeCloseTo(0.999000999000999 + 1.036103228028949, 12);
    expect(first.exitReason).toBe('signal');
    expect([first.entryTime, first.exitTime]).toEqual([t(2), t(5)]);
    expect([first.entryIndex, first.exitIndex]).toEqual([2, 5]);
    // open during bars 2, 3 and 4 (sold at the bar-5 open)
    expect(first.barsHeld).toBe(3);
  });

  it('trade 2: bought at the bar-7 open, stopped at 101 inside bar 8', () => {
    if (!second) throw new Error('no trade');
    // cash after trade 1 = 1036.10322802895 × 0.999 = 1035.06712480092
    // entry price = 104 × 1.001 = 104.104; quantity = 1035.06712480092 / (104.104 × 1.001)
    expect(second.entryPrice).toBeCloseTo(104.104, 12);
    expect(second.quantity).toBeCloseTo(9.932693188630708, 12);
    // entry value = 1034.03309170921, fee 1.03403309170921
    expect(second.entryFee).toBeCloseTo(1.034033091709211, 12);
    // stop fill = 101 × (1 − 10 bps) = 100.899, value = q × 100.899 = 1002.19881003965
    expect(second.exitPrice).toBeCloseTo(100.899, 12);
    expect(second.exitFee).toBeCloseTo(1.00219881003965, 12);
    // P&L = 1002.19881003965 − 1.00219881003965 − 1035.06712480092 = −33.8705135713103
    expect(second.pnl).toBeCloseTo(-33.87051357131028, 10);
    expect(second.pnlPct).toBeCloseTo(-3.272301163832709, 10);
    expect(second.exitReason).toBe('stop_loss');
    expect([second.stopLoss, second.takeProfit]).toEqual([101, 110]);
    // a stop inside a bar carries that bar's open time
    expect([second.entryTime, second.exitTime]).toEqual([t(7), t(8)]);
    expect(second.barsHeld).toBe(2);
  });

  it('starts at the balance, marks equity at every close and ends at 1000 + the sum of P&L', () => {
    const e = Array.from(result.curves.equity);
    // the starting balance, then one point per bar close
    expect(e).toHaveLength(11);
    expect(Array.from(result.curves.time)).toEqual([t(0), ...rows.map((_, i) => t(i + 1))]);
    expect(e.slice(0, 3)).toEqual([1000, 1000, 1000]);
    // bar 2 close: cash ≈ 0 plus 9.78434309808818 × close 103 = 1007.78733910308
    expect(e[3]).toBeCloseTo(1007.787339103082, 9);
    expect(e[4]).toBeCloseTo(1017.57168220117, 9);
    expect(e[5]).toBeCloseTo(1027.356025299259, 9);
    expect(e[6]).toBeCloseTo(1035.06712480092, 9);
    expect(e[7]).toBeCloseTo(1035.06712480092, 9);
    // bar 7 close: 9.93269318863071 × 103 = 1023.0673984289
    expect(e[8]).toBeCloseTo(1023.067398428963, 9);
    // after the stop: 1035.06712480092 − 33.8705135713103 = 1001.19661122961
    expect(e[9]).toBeCloseTo(1001.19661122961, 9);
    expect(e[10]).toBeCloseTo(1001.19661122961, 9);
    expect(result.stats.finalEquity).toBeCloseTo(1000 + 35.06712480092042 - 33.87051357131028, 9);
    expect(result.stats.totalFees).toBeCloseTo(4.071336128778809, 10);
  });

  it('derives the drawdown curve from the equity peak', () => {
    const dd = Array.from(result.curves.drawdownPct);
    expect(dd.slice(0, 8).every((d) => d === 0)).toBe(true);
    // bar 7: 1023.0673984289 / 1035.06712480092 − 1 = −1.15931…%
    expect(dd[8]).toBeCloseTo((1023.067398428963 / 1035.06712480092 - 1) * 100, 9);
    expect(dd[10]).toBeCloseTo((1001.19661122961 / 1035.06712480092 - 1) * 100, 9);
    // the deepest point is the final one: (1001.19661122961 / 1035.06712480092 − 1) = −3.2723…%
    expect(result.metrics.maxDrawdownPct).toBeCloseTo(
      (1 - 1001.19661122961 / 1035.06712480092) * 100,
      9,
    );
  });

  it('computes metrics and buy-and-hold over the same ten bars', () => {
    expect(result.metrics.tradeCount).toBe(2);
    expect(result.metrics.winRatePct).toBe(50);
    expect(result.metrics.totalReturnPct).toBeCloseTo(0.119661122961, 9);
    // price buy-and-hold: first open 100 → last close 102
    expect(result.metrics.buyAndHoldReturnPct).toBeCloseTo(2, 12);
    // with fees and slippage: buy at 100 × 1.001 = 100.1, sell at 102 × 0.999 = 101.898;
    // 1000 / (100.1 × 1.001) × 101.898 × 0.999 = 1015.9281… → +1.59281…%
    const q = 1000 / (100.1 * 1.001);
    expect(result.buyAndHold.totalReturnPct).toBeCloseTo((q * 101.898 * 0.999 - 1000) / 10, 9);
    expect(result.buyAndHold.totalReturnPct).toBeCloseTo(1.592815, 5);
    // exposure: bars 2, 3, 4, 7, 8 of 10
    expect(result.metrics.exposurePct).toBe(50);
  });

  it('records the configuration needed to reproduce the run', () => {
    expect(result.config.range).toEqual({ from: t(0), to: t(9), bars: 10, warmupBars: 0 });
    expect(result.config.options.fillTiming).toBe('next-open');
    expect(result.config.options.sizing).toEqual({ kind: 'fraction', fraction: 1 });
    expect(result.config.fill).toMatchObject({ takerFeeRate: '0.001', slippageBps: 10 });
    expect(result.config.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.gaps).toEqual([]);
  });
});

describe('same-close fills on the same candles', () => {
  it('fills at the signal bar close, so the first trade is bar-1 close → bar-4 close', () => {
    const result = runBacktest({
      candles: candlesFromRows(rows),
      timeframe: '1m',
      strategy: { id: 'script' },
      instance: scriptedStrategy({ 1: { action: 'buy' }, 4: { action: 'close' } }),
      options: { startingBalance: 1000, feeRate: 0.001, slippageBps: 10, fillTiming: 'same-close' },
    });
    const [trade] = result.trades;
    if (!trade) throw new Error('no trade');
    // entry 101 × 1.001 = 101.101 at the bar-1 close time; exit 105 × 0.999 = 104.895
    expect(trade.entryPrice).toBeCloseTo(101.101, 12);
    expect(trade.exitPrice).toBeCloseTo(104.895, 12);
    expect([trade.entryTime, trade.exitTime]).toEqual([t(2), t(5)]);
    const q = 1000 / (101.101 * 1.001);
    expect(trade.pnl).toBeCloseTo(q * 104.895 * 0.999 - 1000, 9);
    // open during bars 2, 3, 4 (bought at the bar-1 close, sold at the bar-4 close)
    expect(trade.barsHeld).toBe(3);
  });
});
