import { RSI as TiRsi } from 'technicalindicators';
import { RSI } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_RSI } from './fixtures/published-examples';
import { randomCandles } from './fixtures/random-candles';
import { Rsi, rsiBatch } from './rsi';

const candles = randomCandles(100_000, 13);

describe('rsiBatch', () => {
  it("reproduces StockCharts' 14-day RSI table (Wilder's method, 4 decimals)", () => {
    const { close, rsi14 } = STOCKCHARTS_RSI;
    const rsi = rsiBatch(f64(close), 14);
    expectWarmup(rsi, 14);
    expectClose(rsi, rsi14, { tol: 5e-5 + 1e-9, abs: true });
  });

  it('matches a hand-computed example: RSI(2)', () => {
    // changes +2, −1 → avg gain 1, avg loss 0.5 → RS 2 → 66.67; then +3: gain (1+3)/2 = 2,
    // loss 0.25 → RS 8 → 88.89
    const rsi = rsiBatch(f64([10, 12, 11, 14]), 2);
    expectClose(rsi, [NaN, NaN, 200 / 3, 800 / 9], { tol: 1e-12 });
  });

  it('is 100 when there are no losses and 0 when there are no gains', () => {
    expect(rsiBatch(f64([1, 2, 3, 4]), 2)[3]).toBe(100);
    expect(rsiBatch(f64([4, 3, 2, 1]), 2)[3]).toBe(0);
  });

  it('agrees with trading-signals RSI(14) on 100k random closes', () => {
    const ref = new RSI(14);
    const expected = Array.from(candles.close, (x) => ref.add(x) ?? NaN);
    expectClose(rsiBatch(candles.close, 14), expected);
  });

  it('agrees loosely with technicalindicators, which rounds RSI to 2 decimals', () => {
    const values = Array.from(candles.close.subarray(0, 5_000));
    const ti = TiRsi.calculate({ values, period: 14 });
    const ours = rsiBatch(f64(values), 14).subarray(14);
    expect(ti.length).toBe(ours.length);
    expectClose(ours, ti, { tol: 0.005 + 1e-9, abs: true });
  });
});

describe('Rsi (streaming)', () => {
  it('equals the batch exactly and is NaN during warm-up', () => {
    const rsi = new Rsi();
    expect(rsi.warmup).toBe(14);
    const streamed = candles.close.map((x) => rsi.update(x));
    const batch = rsiBatch(candles.close);
    expectIdentical(streamed, batch);
    expectWarmup(batch, 14);
    expect(rsi.isReady).toBe(true);
  });
});
