import { describe, expect, it } from 'vitest';
import type { BacktestTrade } from '../core/backtest';
import type { Candle, CandleColumns } from '../core/types';
import { aggregateCandles, MAX_DISPLAY_BARS, tradeMarkers } from './display-candles';

const H = 3_600_000;

function columns(candles: readonly Candle[]): CandleColumns {
  const pick = (key: keyof Candle) => Float64Array.from(candles.map((c) => c[key]));
  return {
    time: pick('time'),
    open: pick('open'),
    high: pick('high'),
    low: pick('low'),
    close: pick('close'),
    volume: pick('volume'),
  };
}

/** `n` hourly candles whose prices move with the index, so every bar is different. */
function series(n: number): Candle[] {
  return Array.from({ length: n }, (_, i) => ({
    time: i * H,
    open: 100 + i,
    high: 100 + i + (i % 7) + 1,
    low: 100 + i - (i % 5) - 1,
    close: 100 + i + (i % 2 ? 0.5 : -0.5),
    volume: 1 + (i % 3),
  }));
}

describe('aggregateCandles', () => {
  it('keeps the candles as they are when there are no more than the maximum', () => {
    const candles = series(5);
    expect(aggregateCandles(columns(candles), 5)).toEqual(candles);
    expect(aggregateCandles(columns([]), 5)).toEqual([]);
  });

  it('merges consecutive candles: first open and time, max high, min low, last close, summed volume', () => {
    const candles: Candle[] = [
      { time: 0, open: 10, high: 12, low: 9, close: 11, volume: 1 },
      { time: H, open: 11, high: 15, low: 10, close: 14, volume: 2 },
      { time: 2 * H, open: 14, high: 14.5, low: 7, close: 8, volume: 3 },
      { time: 3 * H, open: 8, high: 9, low: 6, close: 6.5, volume: 4 },
      { time: 4 * H, open: 6.5, high: 7, low: 5, close: 5.5, volume: 5 },
    ];
    expect(aggregateCandles(columns(candles), 2)).toEqual([
      { time: 0, open: 10, high: 15, low: 7, close: 8, volume: 6 },
      { time: 3 * H, open: 8, high: 9, low: 5, close: 5.5, volume: 9 },
    ]);
  });

  it('draws 200 000 bars as at most 1 000 bars spanning the whole range', () => {
    const candles = series(200_000);
    const bars = aggregateCandles(columns(candles));
    expect(bars).toHaveLength(MAX_DISPLAY_BARS);
    expect(bars[0]!.open).toBe(candles[0]!.open);
    expect(bars.at(-1)!.close).toBe(candles.at(-1)!.close);
    expect(bars.at(-1)!.time).toBe(candles[199_800]!.time);
    const max = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);
    const min = (xs: number[]) => xs.reduce((m, x) => Math.min(m, x), Infinity);
    expect(max(bars.map((b) => b.high))).toBe(max(candles.map((c) => c.high)));
    expect(min(bars.map((b) => b.low))).toBe(min(candles.map((c) => c.low)));
    expect(bars.reduce((s, b) => s + b.volume, 0)).toBe(candles.reduce((s, c) => s + c.volume, 0));
  });

  it('gives a short last bar when the count does not divide evenly, and skips warm-up candles', () => {
    const candles = series(1_001);
    const bars = aggregateCandles(columns(candles), 1000);
    expect(bars).toHaveLength(501);
    expect(bars.at(-1)).toEqual({ ...candles[1000]! });
    const traded = aggregateCandles(columns(candles), 1000, 1);
    expect(traded).toHaveLength(1000);
    expect(traded[0]).toEqual(candles[1]);
  });
});

describe('tradeMarkers', () => {
  const trade = (id: number, entryTime: number, exitTime: number): BacktestTrade => ({
    id,
    side: 'buy',
    entryTime,
    exitTime,
    entryPrice: 100 + id,
    exitPrice: 110 + id,
    quantity: 1,
    fees: 0,
    pnl: 10,
    pnlPct: 10,
    exitReason: id === 1 ? 'stop_loss' : 'signal',
    barsHeld: 1,
    entryIndex: 0,
    exitIndex: 1,
    entryFee: 0,
    exitFee: 0,
    stopLoss: null,
    takeProfit: null,
    confidence: 1,
  });

  it('marks each entry and exit with its price, side and reason, in time order', () => {
    const markers = tradeMarkers([trade(2, 2 * H, 3 * H), trade(1, 0, 2 * H)]);
    expect(markers.map((m) => [m.tradeId, m.kind, m.time, m.price, m.reason, m.text])).toEqual([
      [1, 'entry', 0, 101, null, '#1 long'],
      [1, 'exit', 2 * H, 111, 'stop_loss', '#1 stop loss'],
      [2, 'entry', 2 * H, 102, null, '#2 long'],
      [2, 'exit', 3 * H, 112, 'signal', '#2 signal'],
    ]);
    expect(markers.every((m) => m.side === 'buy')).toBe(true);
  });
});
