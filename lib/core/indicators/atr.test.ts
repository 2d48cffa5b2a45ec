import { ATR as TiAtr } from 'technicalindicators';
import { ATR } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { Atr, atrBatch } from './atr';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_ATR } from './fixtures/published-examples';
import { randomCandles } from './fixtures/random-candles';
import { trueRange } from './true-range';

const candles = randomCandles(100_000, 16);
const { high, low, close } = candles;

describe('atrBatch', () => {
  it("reproduces StockCharts' 14-day ATR table (6 decimals)", () => {
    const data = STOCKCHARTS_ATR;
    const atr = atrBatch(f64(data.high), f64(data.low), f64(data.close), 14);
    expectWarmup(atr, 13);
    expectClose(atr, data.atr14, { tol: 5e-7 + 1e-9, abs: true });
  });

  it("computes the sheet's true ranges, including gaps and the first bar's high − low", () => {
    const { high: h, low: l, close: c } = STOCKCHARTS_ATR;
    expect(trueRange(h[0]!, l[0]!, NaN)).toBeCloseTo(0.91, 12);
    expect(trueRange(h[26]!, l[26]!, c[25]!)).toBeCloseTo(2.39, 12); // gap up: 47.80 − 45.41
    expect(trueRange(h[22]!, l[22]!, c[21]!)).toBeCloseTo(1.85, 12); // gap down: 49.93 − 48.08
  });

  it('agrees with trading-signals ATR(14) on 100k random candles', () => {
    const ref = new ATR(14);
    const expected = Array.from(
      high,
      (h, i) => ref.add({ high: h, low: low[i]!, close: close[i]! }) ?? NaN,
    );
    expectClose(atrBatch(high, low, close, 14), expected);
  });

  it('agrees loosely with technicalindicators ATR', () => {
    const n = 5_000;
    const ti = TiAtr.calculate({
      high: Array.from(high.subarray(0, n)),
      low: Array.from(low.subarray(0, n)),
      close: Array.from(close.subarray(0, n)),
      period: 14,
    });
    // technicalindicators skips the first bar (no previous close), so it starts one bar later.
    const ours = atrBatch(high.subarray(0, n), low.subarray(0, n), close.subarray(0, n));
    expect(ti.length).toBe(n - 14);
    expectClose(ours.subarray(2_000), ti.slice(2_000 - 14), { tol: 1e-6 });
  });

  it('rejects columns of different lengths', () => {
    expect(() => atrBatch(f64([1, 2]), f64([1]), f64([1, 2]))).toThrow(RangeError);
  });
});

describe('Atr (streaming)', () => {
  it('equals the batch exactly and is NaN during warm-up', () => {
    const atr = new Atr();
    expect(atr.warmup).toBe(13);
    const streamed = high.map((h, i) => atr.update(h, low[i]!, close[i]!));
    const batch = atrBatch(high, low, close);
    expectIdentical(streamed, batch);
    expectWarmup(batch, 13);
    expect(atr.value).toBe(batch[batch.length - 1]);
  });
});
