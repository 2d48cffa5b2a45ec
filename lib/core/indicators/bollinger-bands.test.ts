import { BollingerBands as TsBollinger } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { BollingerBands, bollingerBatch } from './bollinger-bands';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_BOLLINGER } from './fixtures/published-examples';
import { randomCandles } from './fixtures/random-candles';

const candles = randomCandles(100_000, 15);

/** Independent two-pass reference (population standard deviation) per window. */
function referenceBands(values: Float64Array, period: number, k: number) {
  const n = values.length;
  const upper = new Float64Array(n).fill(NaN);
  const middle = new Float64Array(n).fill(NaN);
  const lower = new Float64Array(n).fill(NaN);
  for (let i = period - 1; i < n; i++) {
    const w = values.subarray(i - period + 1, i + 1);
    const mean = w.reduce((a, b) => a + b, 0) / period;
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / period);
    middle[i] = mean;
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
  }
  return { upper, middle, lower };
}

describe('bollingerBatch', () => {
  it("reproduces StockCharts' Bollinger Bands (20, 2) table (6 decimals)", () => {
    const { close, middle, upper, lower } = STOCKCHARTS_BOLLINGER;
    const out = bollingerBatch(f64(close));
    expectWarmup(out.middle, 19);
    const tol = 5e-6 + 1e-9;
    expectClose(out.middle, middle, { tol, abs: true });
    expectClose(out.upper, upper, { tol, abs: true });
    expectClose(out.lower, lower, { tol, abs: true });
  });

  it('agrees with trading-signals BollingerBands(20, 2) on 100k random closes', () => {
    const ref = new TsBollinger(20, 2);
    const rows = Array.from(candles.close, (x) => ref.add(x));
    const out = bollingerBatch(candles.close, 20, 2);
    expectClose(
      out.upper,
      rows.map((r) => r?.upper ?? NaN),
    );
    expectClose(
      out.middle,
      rows.map((r) => r?.middle ?? NaN),
    );
    expectClose(
      out.lower,
      rows.map((r) => r?.lower ?? NaN),
    );
  });

  it('keeps the band width accurate at high prices with a tiny spread', () => {
    // Around 60,000 with a spread of cents, E[x²] − E[x]² alone would lose most digits.
    const values = candles.close.map((x) => 60_000 + x / 1_000);
    const out = bollingerBatch(values, 20, 2);
    const ref = referenceBands(values, 20, 2);
    const width = out.upper.map((u, i) => u - out.lower[i]!);
    const refWidth = ref.upper.map((u, i) => u - ref.lower[i]!);
    expectClose(width, refWidth, { from: 19, tol: 1e-6 * 0.01, abs: true });
  });

  it('gives zero width on a flat series', () => {
    const out = bollingerBatch(new Float64Array(30).fill(42), 20, 2);
    expect([out.lower[29], out.middle[29], out.upper[29]]).toEqual([42, 42, 42]);
  });
});

describe('BollingerBands (streaming)', () => {
  it('equals the batch exactly, band by band, and is NaN during warm-up', () => {
    const bb = new BollingerBands();
    expect(bb.warmup).toBe(19);
    const upper: number[] = [];
    const middle: number[] = [];
    const lower: number[] = [];
    const returned: number[] = [];
    for (const x of candles.close) {
      returned.push(bb.update(x));
      upper.push(bb.upper);
      middle.push(bb.middle);
      lower.push(bb.lower);
    }
    const batch = bollingerBatch(candles.close);
    expectIdentical(upper, batch.upper);
    expectIdentical(middle, batch.middle);
    expectIdentical(returned, batch.middle);
    expectIdentical(lower, batch.lower);
    expectWarmup(batch.upper, 19);
    expect(bb.isReady).toBe(true);
  });
});
