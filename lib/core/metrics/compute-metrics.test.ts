import { describe, it, expect } from 'vitest';
import { type ClosedTrade, type ExitReason } from '../types';
import { computeMetrics } from './compute-metrics';

const DAY = 86_400_000;

function trade(
  entryDay: number,
  exitDay: number,
  pnl: number,
  fees: number,
  exitReason: ExitReason,
): ClosedTrade {
  return {
    side: 'buy',
    entryTime: entryDay * DAY,
    exitTime: exitDay * DAY,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    quantity: 1,
    fees,
    pnl,
    pnlPct: pnl, // 1 unit at 100: P&L in quote equals P&L in percent
    exitReason,
  };
}

/** Five trades: +10, −5, +20, −10, +5 (net +20, fees 1.0, hold 2+1+3+1+1 = 8 days). */
const trades = [
  trade(0, 2, 10, 0.2, 'take_profit'),
  trade(2, 3, -5, 0.2, 'stop_loss'),
  trade(4, 7, 20, 0.3, 'take_profit'),
  trade(7, 8, -10, 0.1, 'stop_loss'),
  trade(8, 9, 5, 0.2, 'signal'),
];

/** Ten daily points. Peak 104 (day 3) → trough 98 (day 5) → back above at 106 (day 7). */
const equity = [100, 102, 101, 104, 100, 98, 103, 106, 105, 108];
const time = equity.map((_, i) => i * DAY);

describe('computeMetrics on a worked example', () => {
  const m = computeMetrics({
    trades,
    equity: { time, equity },
    timeframe: '1d',
    buyAndHold: { startPrice: 50, endPrice: 56 },
  });

  it('returns', () => {
    expect(m.totalReturnPct).toBeCloseTo(8, 10); // 108 / 100 − 1
    // 9 days = 9/365 years: 1.08^(365/9) − 1 = 21.6735…
    expect(m.cagrPct).toBeCloseTo(2167.3521262, 5);
    expect(m.buyAndHoldReturnPct).toBeCloseTo(12, 10); // 56 / 50 − 1
  });

  it('risk-adjusted ratios, annualised with 365 periods a year', () => {
    // returns: .02, −.0098039, .0297030, −.0384615, −.02, .0510204, .0291262, −.0094340, .0285714
    // mean = 0.0089690665, sample sd = 0.0293479565 → 0.305612 × √365 = 5.838695
    expect(m.sharpe).toBeCloseTo(5.838695253, 6);
    // downside dev = √((.0098039² + .0384615² + .02² + .0094340²) / 9) = 0.0151452466
    expect(m.sortino).toBeCloseTo(11.314029976, 6);
    // CAGR 21.6735213 / max drawdown 0.0576923 = 375.674
    expect(m.calmar).toBeCloseTo(375.6743685, 4);
  });

  it('max drawdown and its duration', () => {
    expect(m.maxDrawdownPct).toBeCloseTo((6 / 104) * 100, 10); // 5.769%
    expect(m.maxDrawdownDurationBars).toBe(4); // day 3 → day 7
    expect(m.maxDrawdownDurationMs).toBe(4 * DAY);
  });

  it('trade statistics', () => {
    expect(m.tradeCount).toBe(5);
    expect(m.winRatePct).toBe(60);
    expect(m.grossProfit).toBe(35);
    expect(m.grossLoss).toBe(15);
    expect(m.netPnl).toBe(20);
    expect(m.profitFactor).toBeCloseTo(35 / 15, 12);
    expect(m.expectancy).toBe(4);
    expect(m.expectancyPct).toBe(4);
    expect(m.averageWin).toBeCloseTo(35 / 3, 12);
    expect(m.averageLoss).toBe(-7.5);
    expect([m.bestTradePnl, m.worstTradePnl, m.bestTradePct, m.worstTradePct]).toEqual([
      20, -10, 20, -10,
    ]);
    expect(m.averageHoldMs).toBe(1.6 * DAY);
    expect(m.totalFees).toBeCloseTo(1, 12);
  });

  it('exposure from trade intervals: bars 0–2 and 4–8 are in a position, 3 and 9 are not', () => {
    expect(m.exposurePct).toBe(80);
  });
});

describe('computeMetrics edge cases', () => {
  it('no trades and a flat curve: zeros everywhere, no NaN', () => {
    const m = computeMetrics({
      trades: [],
      equity: { time: [0, DAY, 2 * DAY], equity: [100, 100, 100] },
      timeframe: '1d',
    });
    expect(m).toMatchObject({
      totalReturnPct: 0,
      cagrPct: 0,
      sharpe: 0,
      sortino: 0,
      calmar: 0,
      maxDrawdownPct: 0,
      maxDrawdownDurationBars: 0,
      tradeCount: 0,
      winRatePct: 0,
      profitFactor: 0,
      expectancy: 0,
      averageWin: 0,
      averageLoss: 0,
      bestTradePnl: 0,
      worstTradePnl: 0,
      exposurePct: 0,
      averageHoldMs: 0,
      buyAndHoldReturnPct: null,
      totalFees: 0,
    });
  });

  it('all wins: profit factor is Infinity and the average loss is 0', () => {
    const m = computeMetrics({
      trades: [trade(0, 1, 3, 0, 'take_profit'), trade(1, 2, 7, 0, 'take_profit')],
      equity: { time: [0, DAY, 2 * DAY], equity: [100, 103, 110] },
      timeframe: '1d',
    });
    expect(m.profitFactor).toBe(Infinity);
    expect(m.winRatePct).toBe(100);
    expect(m.averageLoss).toBe(0);
    expect(m.averageWin).toBe(5);
    expect(m.sortino).toBe(Infinity); // no losing bar, positive mean
    expect(m.calmar).toBe(Infinity); // growth without drawdown
  });

  it('a single point has no returns', () => {
    const m = computeMetrics({ trades: [], equity: { time: [0], equity: [100] }, timeframe: '1h' });
    expect([m.totalReturnPct, m.cagrPct, m.sharpe, m.maxDrawdownPct]).toEqual([0, 0, 0, 0]);
  });

  it('uses inPosition flags when given', () => {
    const curve = { time: new Float64Array([0, 1, 2, 3]), equity: new Float64Array([1, 1, 1, 1]) };
    const m = computeMetrics({ trades: [], equity: curve, timeframe: 1, inPosition: [1, 0, 1, 1] });
    expect(m.exposurePct).toBe(75);
  });

  it('rejects curves whose columns differ in length', () => {
    expect(() =>
      computeMetrics({ trades: [], equity: { time: [0, 1], equity: [1] }, timeframe: '1m' }),
    ).toThrow('Equity curve has 1 values but 2 times');
    expect(() =>
      computeMetrics({
        trades: [],
        equity: { time: [0], equity: [1] },
        timeframe: '1m',
        inPosition: [],
      }),
    ).toThrow('inPosition has 0 flags for 1 bars');
  });
});
