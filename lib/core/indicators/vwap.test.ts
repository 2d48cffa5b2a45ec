import { VWAP as TiVwap } from 'technicalindicators';
import { VWAP } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, f64 } from './fixtures/expect-series';
import { randomCandles } from './fixtures/random-candles';
import { Vwap, vwapBatch } from './vwap';

const candles = randomCandles(100_000, 20);
const { high, low, close, volume, time } = candles;
const DAY = 86_400_000;

describe('vwapBatch', () => {
  it('matches a hand-computed example', () => {
    // typical prices 10, 20, 30 with volumes 1, 3, 0 → 10, (10 + 60) / 4 = 17.5, 17.5
    const out = vwapBatch(f64([11, 21, 31]), f64([9, 19, 29]), f64([10, 20, 30]), f64([1, 3, 0]));
    expectClose(out, [10, 17.5, 17.5], { tol: 1e-12 });
  });

  it('is NaN until some volume has traded', () => {
    const out = vwapBatch(f64([2, 2]), f64([1, 1]), f64([1.5, 1.5]), f64([0, 2]));
    expectClose(out, [NaN, 1.5], { tol: 1e-12 });
  });

  it('restarts at each session boundary when given times and a session length', () => {
    // Two UTC days: day one trades at 100, day two at 200 (typical price = close here).
    const t0 = Date.UTC(2026, 10, 20, 23, 0);
    const t = f64([t0, t0 + 30 * 60_000, t0 + 60 * 60_000, t0 + 90 * 60_000]);
    const px = f64([100, 100, 200, 210]);
    const vol = f64([1, 1, 1, 3]);
    expectClose(vwapBatch(px, px, px, vol), [100, 100, 400 / 3, 1030 / 6], { tol: 1e-12 });
    const daily = vwapBatch(px, px, px, vol, { time: t, sessionMs: DAY });
    expectClose(daily, [100, 100, 200, 830 / 4], { tol: 1e-12 });
    // Sessions starting 23:30 UTC move the boundary to the second bar.
    const shifted = vwapBatch(px, px, px, vol, { time: t, sessionMs: DAY, offsetMs: -30 * 60_000 });
    expectClose(shifted, [100, 100, 150, 930 / 5], { tol: 1e-12 });
  });

  it('agrees with trading-signals VWAP (cumulative) on 100k random candles', () => {
    const ref = new VWAP();
    const expected = Array.from(high, (h, i) =>
      ref.add({ high: h, low: low[i]!, close: close[i]!, volume: volume[i]! }),
    );
    expectClose(vwapBatch(high, low, close, volume), expected);
  });

  it('agrees with technicalindicators VWAP', () => {
    const n = 5_000;
    const ti = TiVwap.calculate({
      high: Array.from(high.subarray(0, n)),
      low: Array.from(low.subarray(0, n)),
      close: Array.from(close.subarray(0, n)),
      volume: Array.from(volume.subarray(0, n)),
    });
    const ours = vwapBatch(
      high.subarray(0, n),
      low.subarray(0, n),
      close.subarray(0, n),
      volume.subarray(0, n),
    );
    expectClose(ours, ti);
  });

  it('rejects a session without times or with a bad length', () => {
    expect(() => new Vwap({ sessionMs: 0 })).toThrow(RangeError);
    expect(() => new Vwap({ sessionMs: DAY }).update(1, 1, 1, 1)).toThrow(RangeError);
  });
});

describe('Vwap (streaming)', () => {
  it('equals the batch exactly, with and without sessions', () => {
    const cumulative = new Vwap();
    const daily = new Vwap({ sessionMs: DAY });
    expect(cumulative.warmup).toBe(0);
    const a = high.map((h, i) => cumulative.update(h, low[i]!, close[i]!, volume[i]!));
    const b = high.map((h, i) => daily.update(h, low[i]!, close[i]!, volume[i]!, time[i]));
    expectIdentical(a, vwapBatch(high, low, close, volume));
    expectIdentical(b, vwapBatch(high, low, close, volume, { time, sessionMs: DAY }));
    expect(daily.isReady).toBe(true);
    // 100k one-minute bars span 70 UTC days, so the two differ.
    expect(a[a.length - 1]).not.toBe(b[b.length - 1]);
  });
});
