import { describe, expect, it } from 'vitest';
import { randomCandles } from '../indicators/fixtures/random-candles';
import { type Candle, type CandleColumns } from '../types';
import { analyzeStructure } from './analyze-structure';
import { buildCandles, fromMids } from './fixtures/build-candles';
import { StructureTracker } from './structure-tracker';

/** The first `n` candles of a column set. */
function prefix(c: CandleColumns, n: number): CandleColumns {
  return {
    time: c.time.subarray(0, n),
    open: c.open.subarray(0, n),
    high: c.high.subarray(0, n),
    low: c.low.subarray(0, n),
    close: c.close.subarray(0, n),
    volume: c.volume.subarray(0, n),
  };
}

/** Up-leg, pullback, breakout above the first peak, then a sell-off below the pullback low. */
const ZIGZAG = fromMids([
  100, 102, 104, 106, 104, 102, 100, 102, 104, 106, 108, 110, 106, 102, 98, 96,
]);

describe('analyzeStructure', () => {
  it('reports swings, a bullish BOS then a bearish CHoCH on a hand-built zig-zag', () => {
    const s = analyzeStructure(ZIGZAG, { swingWidth: 2 });
    // Swing high 106.5 at bar 3 (confirmed at 5), swing low 99.5 at bar 6 (confirmed at 8),
    // swing high 110.5 at bar 11 (confirmed at 13).
    expect(s.index).toBe(15);
    expect(s.close).toBe(96);
    expect(s.swings.high).toEqual({
      price: 110.5,
      ageBars: 4,
      distancePct: ((110.5 - 96) / 96) * 100,
    });
    expect(s.swings.low).toEqual({
      price: 99.5,
      ageBars: 9,
      distancePct: ((99.5 - 96) / 96) * 100,
    });
    expect(s.swings.highs).toBe('higher');
    expect(s.swings.lows).toBeNull();
    // Close 108 at bar 10 breaks 106.5 (BOS up); close 98 at bar 14 breaks 99.5 (CHoCH down).
    expect(s.lastBos).toEqual({ kind: 'bos', direction: 'bullish', level: 106.5, ageBars: 5 });
    expect(s.lastChoch).toEqual({ kind: 'choch', direction: 'bearish', level: 99.5, ageBars: 1 });
    expect(s.lastBreak).toEqual(s.lastChoch);
    expect(s.bias).toBe('bearish');
  });

  it('reports the nearest open gaps above and below price with their distances', () => {
    const candles = buildCandles([
      [101, 99, 100],
      [103, 100.5, 102.5],
      [105, 102, 104], // low 102 > high 101 two bars back: bullish gap [101, 102]
      [105.5, 103, 104.5],
      [105, 103.5, 104],
      [103, 102.2, 102.5], // dips toward the bullish gap without reaching 101
      [102.8, 102.3, 102.6], // high 102.8 < low 103.5 two bars back: bearish gap [102.8, 103.5]
    ]);
    const s = analyzeStructure(candles, { swingWidth: 2 });
    expect(s.fvgs.open).toBe(2);
    expect(s.fvgs.above).toEqual({
      direction: 'bearish',
      top: 103.5,
      bottom: 102.8,
      ageBars: 0,
      distancePct: ((102.8 - 102.6) / 102.6) * 100,
    });
    expect(s.fvgs.below).toEqual({
      direction: 'bullish',
      top: 102,
      bottom: 101,
      ageBars: 4,
      distancePct: ((102 - 102.6) / 102.6) * 100,
    });
  });

  it('reports equal highs as a liquidity zone until they are swept', () => {
    const mids = [100, 102, 104, 102, 100, 102, 104.05, 102, 100, 101];
    const s = analyzeStructure(fromMids(mids), { swingWidth: 2, equalTolerancePct: 0.1 });
    expect(s.liquidity.equalHighs).toEqual([
      {
        kind: 'equal-highs',
        price: 104.55,
        touches: 2,
        ageBars: 3,
        distancePct: ((104.55 - 101) / 101) * 100,
      },
    ]);
    expect(s.swings.highs).toBe('equal');
    const swept = analyzeStructure(fromMids([...mids, 103, 105]), { swingWidth: 2 });
    expect(swept.liquidity.equalHighs).toEqual([]);
  });

  it('fills regimes once the indicators are warm, null before', () => {
    const c = randomCandles(400, 9);
    const early = analyzeStructure(prefix(c, 20));
    expect(early.trend).toEqual({ regime: null, adx: null, slopePct: null });
    expect(early.volatility.regime).toBeNull();
    const s = analyzeStructure(c);
    expect(['trend-up', 'trend-down', 'range']).toContain(s.trend.regime);
    expect(['low', 'normal', 'high']).toContain(s.volatility.regime);
    expect(s.volatility.percentile).toBeGreaterThanOrEqual(0);
    expect(s.volatility.percentile).toBeLessThanOrEqual(100);
  });

  it('gives the same answer for candle objects and columns', () => {
    const c = randomCandles(300, 4);
    const objects: Candle[] = Array.from(c.close, (close, i) => ({
      time: c.time[i]!,
      open: c.open[i]!,
      high: c.high[i]!,
      low: c.low[i]!,
      close,
      volume: c.volume[i]!,
    }));
    expect(analyzeStructure(objects)).toEqual(analyzeStructure(c));
  });

  it('never looks ahead: the features at bar i do not change when later bars are appended', () => {
    const c = randomCandles(700, 21);
    const tracker = new StructureTracker({ swingWidth: 2, liquidityLookback: 150 });
    const streamed = Array.from(c.close, (close, i) => {
      tracker.update(c.time[i]!, c.high[i]!, c.low[i]!, close);
      return tracker.snapshot();
    });
    for (let i = 0; i < 700; i += 23) {
      expect(analyzeStructure(prefix(c, i + 1), { swingWidth: 2, liquidityLookback: 150 })).toEqual(
        streamed[i],
      );
    }
    // And the answer is not trivially constant.
    expect(new Set(streamed.map((s) => s.lastBreak?.ageBars)).size).toBeGreaterThan(5);
  });

  it('rejects an empty series and bad options', () => {
    expect(() => analyzeStructure([])).toThrow(RangeError);
    expect(() => analyzeStructure(ZIGZAG, { swingWidth: 0 })).toThrow(RangeError);
    expect(() => analyzeStructure(ZIGZAG, { lowPercentile: 90, highPercentile: 10 })).toThrow(
      RangeError,
    );
  });
});
