import { describe, expect, it } from 'vitest';
import { randomCandles } from './fixtures/random-candles';
import { pushBar, WindowExtremes } from './window-extremes';

describe('WindowExtremes', () => {
  it('equals a naive scan of the last period bars (or all bars while fewer)', () => {
    const { high, low } = randomCandles(3_000, 5);
    for (const period of [1, 2, 3, 14, 50]) {
      const w = new WindowExtremes(period);
      for (let i = 0; i < high.length; i++) {
        pushBar(w, high[i]!, low[i]!);
        const from = Math.max(0, i - period + 1);
        const hh = Math.max(...high.subarray(from, i + 1));
        const ll = Math.min(...low.subarray(from, i + 1));
        if (w.highest !== hh || w.lowest !== ll) {
          expect({ period, i, highest: w.highest, lowest: w.lowest }).toEqual({
            period,
            i,
            highest: hh,
            lowest: ll,
          });
        }
      }
      expect(w.seen).toBe(high.length);
    }
  });

  it('tracks a falling staircase, the worst case for a monotonic deque', () => {
    const w = new WindowExtremes(3);
    const highs = [10, 9, 8, 7, 6, 5];
    const seen = highs.map((h) => (pushBar(w, h, h - 1), w.highest));
    expect(seen).toEqual([10, 10, 10, 9, 8, 7]);
  });
});
