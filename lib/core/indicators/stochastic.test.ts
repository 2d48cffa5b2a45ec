import { Stochastic as TiStochastic } from 'technicalindicators';
import { StochasticOscillator } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_STOCHASTIC } from './fixtures/published-examples-2';
import { randomCandles } from './fixtures/random-candles';
import { Stochastic, stochasticBatch } from './stochastic';

const candles = randomCandles(100_000, 18);
const { high, low, close } = candles;

describe('stochasticBatch', () => {
  it("reproduces StockCharts' fast stochastic (14, 1, 3) table (6 decimals)", () => {
    const data = STOCKCHARTS_STOCHASTIC;
    // Closes before row 14 are not in the sheet and do not enter the formula.
    const closes = data.close.map((c, i) => c ?? (data.high[i]! + data.low[i]!) / 2);
    const out = stochasticBatch(f64(data.high), f64(data.low), f64(closes), 14, 1, 3);
    expectWarmup(out.k, 15);
    expectWarmup(out.d, 15);
    const tol = 5e-6 + 1e-9;
    // The sheet shows %K two rows before %D; we publish both together from row 16.
    expectClose(out.k, data.k, { from: 15, tol, abs: true });
    expectClose(out.d, data.d, { tol, abs: true });
  });

  it('agrees with trading-signals StochasticOscillator (14, 3, 3) on 100k candles', () => {
    const ref = new StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 });
    const rows = Array.from(high, (h, i) => ref.add({ high: h, low: low[i]!, close: close[i]! }));
    const out = stochasticBatch(high, low, close, 14, 3, 3);
    expectClose(
      out.k,
      rows.map((r) => r?.stochK ?? NaN),
    );
    expectClose(
      out.d,
      rows.map((r) => r?.stochD ?? NaN),
    );
  });

  it("agrees with technicalindicators' fast stochastic (14, 3), which has no %K smoothing", () => {
    const n = 5_000;
    const ti = TiStochastic.calculate({
      high: Array.from(high.subarray(0, n)),
      low: Array.from(low.subarray(0, n)),
      close: Array.from(close.subarray(0, n)),
      period: 14,
      signalPeriod: 3,
    });
    const out = stochasticBatch(
      high.subarray(0, n),
      low.subarray(0, n),
      close.subarray(0, n),
      14,
      1,
      3,
    );
    expectClose(
      out.k.subarray(15),
      ti.slice(2).map((r) => r.k),
      { tol: 1e-8 },
    );
    expectClose(
      out.d.subarray(15),
      ti.slice(2).map((r) => r.d),
      { tol: 1e-8 },
    );
  });

  it('uses the highest high and lowest low of exactly the last kPeriod bars', () => {
    // A spike leaves the window after kPeriod bars: range 5..15 → then 5..6.
    const h = f64([15, 6, 6, 6, 6]);
    const l = f64([5, 5, 5, 5, 5]);
    const c = f64([10, 5.5, 5.5, 5.5, 5.5]);
    const out = stochasticBatch(h, l, c, 3, 1, 1);
    expectClose(out.k, [NaN, NaN, 5, 50, 50], { tol: 1e-12 });
  });

  it('is 0 on a flat window, as trading-signals', () => {
    const flat = new Float64Array(10).fill(3);
    expect(stochasticBatch(flat, flat, flat, 5, 1, 1).k[9]).toBe(0);
  });
});

describe('Stochastic (streaming)', () => {
  it('equals the batch exactly and is NaN during warm-up', () => {
    const stoch = new Stochastic();
    expect(stoch.warmup).toBe(17);
    const k: number[] = [];
    const d: number[] = [];
    const returned: number[] = [];
    for (let i = 0; i < high.length; i++) {
      returned.push(stoch.update(high[i]!, low[i]!, close[i]!));
      k.push(stoch.k);
      d.push(stoch.d);
    }
    const batch = stochasticBatch(high, low, close);
    expectIdentical(returned, batch.k);
    expectIdentical(k, batch.k);
    expectIdentical(d, batch.d);
    expectWarmup(batch.d, 17);
    expect(stoch.isReady).toBe(true);
  });
});
