import { describe, expect, it } from 'vitest';
import { randomCandles } from '../indicators/fixtures/random-candles';
import { fromMids, T0 } from './fixtures/build-candles';
import { findSwings, SwingDetector } from './swing-detector';

const columns = (candles: ReturnType<typeof fromMids>) => ({
  time: candles.map((c) => c.time),
  high: candles.map((c) => c.high),
  low: candles.map((c) => c.low),
});

describe('SwingDetector', () => {
  it('confirms a swing high and low exactly width bars after the pivot', () => {
    //            0  1  2  3  4  5  6  7  8
    const mids = [1, 2, 5, 2, 1, 3, 4, 3, 2];
    const { time, high, low } = columns(fromMids(mids));
    const swings = findSwings(time, high, low, 2);
    expect(swings).toEqual([
      { kind: 'high', price: 5.5, index: 2, time: T0 + 2 * 60_000, confirmedAt: 4 },
      { kind: 'low', price: 0.5, index: 4, time: T0 + 4 * 60_000, confirmedAt: 6 },
      { kind: 'high', price: 4.5, index: 6, time: T0 + 6 * 60_000, confirmedAt: 8 },
    ]);
  });

  it('reports nothing for a pivot until its right side has closed', () => {
    const d = new SwingDetector(2);
    const mids = [1, 2, 5, 2];
    mids.forEach((m, i) => d.update(i, m + 0.5, m - 0.5));
    expect(d.confirmedHigh).toBeNull();
    d.update(4, 1.5, 0.5);
    expect(d.confirmedHigh?.index).toBe(2);
  });

  it('gives one swing for a flat top of equal highs: its first bar', () => {
    const { time, high, low } = columns(fromMids([1, 2, 5, 5, 2, 1]));
    expect(findSwings(time, high, low, 2).map((s) => [s.kind, s.index])).toEqual([['high', 2]]);
  });

  it('needs the pivot strictly beyond its left side', () => {
    const { time, high, low } = columns(fromMids([5, 3, 5, 3, 2]));
    // Index 2 equals index 0 within its left side (width 2), so it is not a swing high.
    expect(findSwings(time, high, low, 2).filter((s) => s.kind === 'high')).toEqual([]);
  });

  it('never confirms a swing before index + width on random data', () => {
    const c = randomCandles(5_000, 3);
    for (const width of [1, 3, 5]) {
      const swings = findSwings(c.time, c.high, c.low, width);
      expect(swings.length).toBeGreaterThan(100);
      expect(swings.every((s) => s.confirmedAt === s.index + width)).toBe(true);
      for (const s of swings) {
        const side = s.kind === 'high' ? c.high : c.low;
        const sign = s.kind === 'high' ? 1 : -1;
        for (let j = 1; j <= width; j++) {
          expect(sign * (s.price - side[s.index - j]!)).toBeGreaterThan(0);
          expect(sign * (s.price - side[s.index + j]!)).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('rejects a width that is not a positive integer', () => {
    expect(() => new SwingDetector(0)).toThrow(RangeError);
  });
});
