import { type Candle } from '../types';

/** One-minute candles with open = close, high = close + spread, low = close − spread (for tests). */
export function candlesFromCloses(closes: readonly number[], spread = 1): Candle[] {
  return closes.map((close, i) => ({
    time: i * 60_000,
    open: close,
    high: close + spread,
    low: close - spread,
    close,
    volume: 1,
  }));
}

/** Deterministic random walk (seeded LCG), for tests that need long, noisy series. */
export function randomWalkCandles(count: number, seed = 1, start = 100): Candle[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const candles: Candle[] = [];
  let close = start;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = Math.max(1, open * (1 + (next() - 0.5) * 0.04));
    const high = Math.max(open, close) * (1 + next() * 0.01);
    const low = Math.min(open, close) * (1 - next() * 0.01);
    candles.push({ time: i * 60_000, open, high, low, close, volume: 1 + next() });
  }
  return candles;
}
