import { SMA } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_MOVAVG } from './fixtures/published-examples';
import { randomCandles } from './fixtures/random-candles';
import { Sma, smaBatch } from './sma';

const candles = randomCandles(100_000, 11);

describe('smaBatch', () => {
  it('matches a hand-computed example: SMA(3) of 1..6', () => {
    expectIdentical(smaBatch(f64([1, 2, 3, 4, 5, 6]), 3), f64([NaN, NaN, 2, 3, 4, 5]));
  });

  it("gives the seed of StockCharts' 10-day EMA table: SMA(10) of its first closes = 22.22", () => {
    const sma = smaBatch(f64(STOCKCHARTS_MOVAVG.close.slice(0, 12)), 10);
    expectWarmup(sma, 9);
    expect(sma[9]).toBeCloseTo(22.221, 12); // (22.27 + 22.19 + … + 22.29) / 10
    expect(sma[11]).toBeCloseTo(22.229, 12); // (22.08 + … + 22.39) / 10
  });

  it('agrees with trading-signals SMA(20) on 100k random closes', () => {
    const ref = new SMA(20);
    const expected = Array.from(candles.close, (x) => ref.add(x) ?? NaN);
    expectClose(smaBatch(candles.close, 20), expected);
  });

  it('forgets a huge outlier exactly once the window has wrapped past it', () => {
    // 1e17 + 1 + 2 + 3 rounds to 1e17: a plain running sum would stay off by 6 forever.
    const sma = smaBatch(f64([1e17, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 4);
    expect(Array.from(sma.subarray(7))).toEqual([5.5, 6.5, 7.5]);
  });

  it('rejects a period that is not a positive integer', () => {
    expect(() => smaBatch(f64([1]), 0)).toThrow(RangeError);
    expect(() => new Sma(2.5)).toThrow(RangeError);
  });
});

describe('Sma (streaming)', () => {
  it('equals the batch exactly and is NaN during warm-up', () => {
    const sma = new Sma(20);
    expect(sma.warmup).toBe(19);
    const streamed = candles.close.map((x) => sma.update(x));
    const batch = smaBatch(candles.close, 20);
    expectIdentical(streamed, batch);
    expectWarmup(batch, 19);
    expect(sma.value).toBe(batch[batch.length - 1]);
  });

  it('reports isReady from the first valid value on', () => {
    const sma = new Sma(3);
    expect([1, 2, 3].map((x) => (sma.update(x), sma.isReady))).toEqual([false, false, true]);
    expect(sma.value).toBe(2);
  });
});
