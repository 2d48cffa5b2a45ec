import { EMA, MACD } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { INVESTEXCEL_MACD } from './fixtures/published-examples-2';
import { randomCandles } from './fixtures/random-candles';
import { Macd, macdBatch } from './macd';

const candles = randomCandles(100_000, 14);

/** Independent reference: three SMA-seeded EMAs written out as plain loops over arrays. */
function referenceMacd(values: Float64Array, fast: number, slow: number, signal: number) {
  const ema = (xs: number[], p: number): number[] => {
    const out: number[] = new Array<number>(xs.length).fill(NaN);
    let acc = 0;
    for (let i = 0; i < p; i++) acc += xs[i]!;
    out[p - 1] = acc / p;
    for (let i = p; i < xs.length; i++)
      out[i] = out[i - 1]! + (2 / (p + 1)) * (xs[i]! - out[i - 1]!);
    return out;
  };
  const xs = Array.from(values);
  const f = ema(xs, fast);
  const s = ema(xs, slow);
  const line = xs.map((_, i) => f[i]! - s[i]!).slice(slow - 1);
  const sig = [...new Array<number>(slow - 1).fill(NaN), ...ema(line, signal)];
  const warm = slow + signal - 2;
  const macd = f.map((v, i) => (i < warm ? NaN : v - s[i]!));
  const signalOut = sig.map((v, i) => (i < warm ? NaN : v));
  return { macd, signal: signalOut, histogram: macd.map((m, i) => m - signalOut[i]!) };
}

describe('macdBatch', () => {
  it("reproduces investexcel.net's MACD(12, 26, 9) worked example (AAPL)", () => {
    const { close, macd, signal } = INVESTEXCEL_MACD;
    const out = macdBatch(f64(close));
    expectWarmup(out.macd, 33);
    expectWarmup(out.signal, 33);
    // The sheet shows the line from row 26; we publish all outputs together from row 34.
    expectClose(out.macd, macd, { from: 33, tol: 1e-9, abs: true });
    for (const [i, value] of Object.entries(signal)) {
      expect(out.signal[Number(i)]).toBeCloseTo(value, 9);
      expect(out.histogram[Number(i)]).toBeCloseTo(out.macd[Number(i)]! - value, 9);
    }
  });

  it('agrees with an independent SMA-seeded reference on 100k random closes', () => {
    const out = macdBatch(candles.close, 12, 26, 9);
    const ref = referenceMacd(candles.close, 12, 26, 9);
    expectClose(out.macd, ref.macd);
    expectClose(out.signal, ref.signal);
    expectClose(out.histogram, ref.histogram);
  });

  it('agrees with trading-signals MACD once its first-input EMA seeds have decayed away', () => {
    // trading-signals seeds each EMA with its first input (TradingView style) instead of an SMA.
    const ref = new MACD(new EMA(12), new EMA(26), new EMA(9));
    const rows = Array.from(candles.close, (x) => ref.add(x));
    const out = macdBatch(candles.close);
    const from = 2_000;
    expectClose(
      out.macd,
      rows.map((r) => r?.macd ?? NaN),
      { from },
    );
    expectClose(
      out.signal,
      rows.map((r) => r?.signal ?? NaN),
      { from },
    );
    expectClose(
      out.histogram,
      rows.map((r) => r?.histogram ?? NaN),
      { from },
    );
  });
});

describe('Macd (streaming)', () => {
  it('equals the batch exactly, field by field, and is NaN during warm-up', () => {
    const macd = new Macd();
    expect(macd.warmup).toBe(33);
    const n = candles.close.length;
    const line = new Float64Array(n);
    const signal = new Float64Array(n);
    const histogram = new Float64Array(n);
    const returned = new Float64Array(n);
    const ready: boolean[] = [];
    for (let i = 0; i < n; i++) {
      returned[i] = macd.update(candles.close[i]!);
      line[i] = macd.macd;
      signal[i] = macd.signal;
      histogram[i] = macd.histogram;
      ready.push(macd.isReady);
    }
    const batch = macdBatch(candles.close);
    expectIdentical(line, batch.macd);
    expectIdentical(returned, batch.macd);
    expectIdentical(signal, batch.signal);
    expectIdentical(histogram, batch.histogram);
    expect(ready.indexOf(true)).toBe(33);
  });
});
