import { describe, expect, it } from 'vitest';
import { FairValueGaps } from './fair-value-gaps';

function feed(gaps: FairValueGaps, rows: [number, number][]): void {
  rows.forEach(([high, low], i) => gaps.update(i, high, low, (high + low) / 2));
}

describe('FairValueGaps', () => {
  it('finds a bullish gap between candle 1 high and candle 3 low, filled only when traded through', () => {
    const g = new FairValueGaps();
    feed(g, [
      [10, 9],
      [12, 10],
      [14, 11], // low 11 > high 10 two bars back: gap [10, 11]
    ]);
    expect(g.open).toEqual([{ direction: 'bullish', top: 11, bottom: 10, index: 2 }]);
    g.update(3, 13, 10.5, 12); // into the gap, not through it
    expect(g.open).toHaveLength(1);
    g.update(4, 12, 10, 11); // low reaches the bottom: filled
    expect(g.open).toEqual([]);
    expect(g.filled).toEqual([{ direction: 'bullish', top: 11, bottom: 10, index: 2 }]);
  });

  it('finds a bearish gap and fills it when a high reaches its top', () => {
    const g = new FairValueGaps();
    feed(g, [
      [20, 19],
      [19, 17],
      [18, 16], // high 18 < low 19 two bars back: gap [18, 19]
    ]);
    expect(g.open).toEqual([{ direction: 'bearish', top: 19, bottom: 18, index: 2 }]);
    g.update(3, 18.9, 17, 18);
    expect(g.open).toHaveLength(1);
    g.update(4, 19, 18, 18.5);
    expect(g.open).toEqual([]);
  });

  it('ignores touching candles and gaps below the minimum size', () => {
    const g = new FairValueGaps(1); // 1% of the middle close (11)
    feed(g, [
      [10, 9],
      [12, 10],
      [13, 10.05], // gap 0.05 < 0.11
      [14, 13], // low 13 > high 12: gap of 1 ≥ 0.125
    ]);
    expect(g.open.map((x) => [x.bottom, x.top])).toEqual([[12, 13]]);
  });

  it('keeps at most maxOpen gaps, dropping the oldest', () => {
    const g = new FairValueGaps(0, 2);
    // A staircase: every bar gaps up over the bar two back.
    feed(
      g,
      Array.from({ length: 8 }, (_, i) => [i * 2 + 1, i * 2] as [number, number]),
    );
    expect(g.open.map((x) => x.index)).toEqual([6, 7]);
  });
});
