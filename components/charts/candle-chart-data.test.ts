import { describe, expect, it } from 'vitest';
import type { Candle } from '@/lib/core/types';
import { lineTestId, toChartBars, toChartMarkers } from './candle-chart-data';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 10, 0);
const candle = (i: number, close = 100 + i): Candle => ({
  time: T0 + i * MIN,
  open: close - 1,
  high: close + 2,
  low: close - 2,
  close,
  volume: 1,
});

describe('toChartBars', () => {
  it('turns epoch-ms candles into ascending epoch-second bars, one per time', () => {
    const bars = toChartBars([candle(2), candle(0), candle(1), candle(1, 500)]);
    expect(bars.map((b) => b.time)).toEqual([T0 / 1000, T0 / 1000 + 60, T0 / 1000 + 120]);
    expect(bars[1]).toEqual({ time: T0 / 1000 + 60, open: 499, high: 502, low: 498, close: 500 });
  });
});

describe('toChartMarkers', () => {
  const bars = toChartBars([0, 1, 2, 3].map((i) => candle(i)));

  it('snaps trades onto the bar they happened in, in time order', () => {
    const out = toChartMarkers(bars, [
      { kind: 'exit', time: T0 + 2 * MIN + 59_000, price: 103.5 },
      { kind: 'entry', time: T0 + 30_000, price: 100.25 },
    ]);
    expect(out).toEqual([
      { kind: 'entry', time: T0 / 1000, price: 100.25 },
      { kind: 'exit', time: T0 / 1000 + 120, price: 103.5 },
    ]);
  });

  it('leaves out trades before the first bar or after the still-forming candle', () => {
    const out = toChartMarkers(bars, [
      { kind: 'entry', time: T0 - 1000, price: 99 },
      { kind: 'exit', time: T0 + 4 * MIN, price: 104 },
      { kind: 'exit', time: T0 + 5 * MIN, price: 105 },
      { kind: 'exit', time: T0 + 5 * MIN + 1000, price: 105 },
      { kind: 'entry', time: T0 + MIN, price: Number.NaN },
    ]);
    expect(out).toEqual([{ kind: 'exit', time: T0 / 1000 + 180, price: 104 }]);
  });

  // The bot page gets closed candles only (the last one opened at 10:03 closed at 10:04), so a
  // trade made now, at 10:04:30, is inside the forming 10:04 candle: it goes on the last bar.
  it('draws a trade inside the still-forming candle on the last bar', () => {
    const out = toChartMarkers(bars, [
      { kind: 'entry', time: T0 + 4 * MIN + 30_000, price: 104.5 },
      { kind: 'exit', time: T0 + 5 * MIN - 1000, price: 104.75 },
    ]);
    expect(out).toEqual([
      { kind: 'entry', time: T0 / 1000 + 180, price: 104.5 },
      { kind: 'exit', time: T0 / 1000 + 180, price: 104.75 },
    ]);
  });

  it('takes the bar length from the timeframe when given, else from the smallest gap', () => {
    // 10:00, 10:01, 10:05 (a gap in the venue's data): the step is a minute, not 2.5 minutes.
    const gappy = toChartBars([0, 1, 5].map((i) => candle(i)));
    const late = { kind: 'entry' as const, time: T0 + 7 * MIN + 30_000, price: 106 };
    expect(toChartMarkers(gappy, [late])).toEqual([]);
    expect(toChartMarkers(gappy, [late], 300)).toEqual([
      { kind: 'entry', time: T0 / 1000 + 300, price: 106 },
    ]);
  });

  it('shows nothing without bars', () => {
    expect(toChartMarkers([], [{ kind: 'entry', time: T0, price: 1 }])).toEqual([]);
  });
});

describe('lineTestId', () => {
  it('names the legend entries the e2e journeys look for', () => {
    expect(lineTestId('TP')).toBe('line-tp');
    expect(lineTestId('SL')).toBe('line-sl');
    expect(lineTestId('Entry')).toBe('line-entry');
  });
});
