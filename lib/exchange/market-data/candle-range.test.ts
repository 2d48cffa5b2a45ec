import { describe, expect, it } from 'vitest';
import { aggregateCandles } from './aggregate-candles';
import { candleCount, candleRange, isAligned } from './candle-range';
import { findGaps } from './find-gaps';

const M = 60_000;
const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

describe('candleRange', () => {
  it('aligns the start up and stops before the candle that is still open', () => {
    const range = candleRange({ timeframe: '1h', since: T0 + 1 }, T0 + 5 * H + 30 * M);
    expect(range).toEqual({ from: T0 + H, to: T0 + 5 * H, step: H });
    expect(candleCount(range)).toBe(4);
  });

  it('honours until (aligned up, exclusive) and limit', () => {
    expect(candleRange({ timeframe: '1h', since: T0, until: T0 + 2 * H + 1 }, T0 + 10 * H)).toEqual(
      { from: T0, to: T0 + 3 * H, step: H },
    );
    expect(candleRange({ timeframe: '1h', since: T0, limit: 2 }, T0 + 10 * H).to).toBe(T0 + 2 * H);
    expect(
      candleRange({ timeframe: '1h', since: T0, until: T0 + H, limit: 5 }, T0 + 10 * H).to,
    ).toBe(T0 + H);
  });

  it('is empty, never negative, for a future or inverted request', () => {
    const range = candleRange({ timeframe: '1d', since: T0 + 5 * 86_400_000 }, T0);
    expect(candleCount(range)).toBe(0);
    expect(range.to).toBe(range.from);
  });

  it('knows aligned open times', () => {
    expect(isAligned(T0 + 4 * H, '4h')).toBe(true);
    expect(isAligned(T0 + H, '4h')).toBe(false);
  });
});

describe('findGaps', () => {
  const range = { from: T0, to: T0 + 10 * M, step: M };

  it('lists the runs that are missing, at the start, the middle and the end', () => {
    const times = [2, 3, 4, 7].map((i) => T0 + i * M);
    expect(findGaps(times, range)).toEqual([
      { from: T0, to: T0 + 2 * M, count: 2 },
      { from: T0 + 5 * M, to: T0 + 7 * M, count: 2 },
      { from: T0 + 8 * M, to: T0 + 10 * M, count: 2 },
    ]);
  });

  it('finds nothing missing in a full range and everything in an empty one', () => {
    expect(
      findGaps(
        Array.from({ length: 10 }, (_, i) => T0 + i * M),
        range,
      ),
    ).toEqual([]);
    expect(findGaps([], range)).toEqual([{ from: T0, to: T0 + 10 * M, count: 10 }]);
  });
});

describe('aggregateCandles', () => {
  it('folds finer candles into aligned buckets', () => {
    const minutes = [
      { time: T0, open: 10, high: 12, low: 9, close: 11, volume: 1 },
      { time: T0 + M, open: 11, high: 15, low: 10, close: 14, volume: 2 },
      { time: T0 + 5 * M, open: 14, high: 14, low: 8, close: 9, volume: 3 },
    ];
    expect(aggregateCandles(minutes, '5m')).toEqual([
      { time: T0, open: 10, high: 15, low: 9, close: 14, volume: 3 },
      { time: T0 + 5 * M, open: 14, high: 14, low: 8, close: 9, volume: 3 },
    ]);
    expect(minutes[0]?.high).toBe(12);
  });
});
