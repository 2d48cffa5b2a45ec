import { EMA } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { Ema, emaBatch } from './ema';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_MOVAVG } from './fixtures/published-examples';
import { randomCandles } from './fixtures/random-candles';

const candles = randomCandles(100_000, 12);

/** Independent reference: SMA seed written out, then the textbook recurrence. */
function referenceEma(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const k = 2 / (period + 1);
  let seed = 0;
  for (let i = 0; i < period; i++) seed += values[i]!;
  let ema = seed / period;
  out[period - 1] = ema;
  for (let i = period; i < values.length; i++) {
    ema = values[i]! * k + ema * (1 - k);
    out[i] = ema;
  }
  return out;
}

describe('emaBatch', () => {
  it('matches a hand-computed example: EMA(3) of 1, 2, 3, 7, 1', () => {
    // seed (1+2+3)/3 = 2; alpha = 0.5: 2 + 0.5·(7−2) = 4.5; 4.5 + 0.5·(1−4.5) = 2.75
    expectIdentical(emaBatch(f64([1, 2, 3, 7, 1]), 3), f64([NaN, NaN, 2, 4.5, 2.75]));
  });

  it("reproduces StockCharts' 10-day EMA table (2 decimals)", () => {
    const { close, ema10 } = STOCKCHARTS_MOVAVG;
    const ema = emaBatch(f64(close), 10);
    expectWarmup(ema, 9);
    expectClose(ema, ema10, { tol: 0.005 + 1e-9, abs: true });
  });

  it('agrees with an independent SMA-seeded reference on 100k random closes', () => {
    // trading-signals seeds with the first input, so it is not a reference for the first bars.
    expectClose(emaBatch(candles.close, 20), referenceEma(candles.close, 20));
  });

  it('agrees with trading-signals EMA once its first-input seed has decayed away', () => {
    for (const period of [9, 50]) {
      const ref = new EMA(period);
      const expected = Array.from(candles.close, (x) => ref.add(x));
      expectClose(emaBatch(candles.close, period), expected, { from: 2_000 });
    }
  });
});

describe('Ema (streaming)', () => {
  it('equals the batch exactly and is NaN during warm-up', () => {
    const ema = new Ema(26);
    expect(ema.warmup).toBe(25);
    const streamed = candles.close.map((x) => ema.update(x));
    const batch = emaBatch(candles.close, 26);
    expectIdentical(streamed, batch);
    expectWarmup(batch, 25);
    expect(ema.isReady).toBe(true);
    expect(ema.value).toBe(batch[batch.length - 1]);
  });
});
