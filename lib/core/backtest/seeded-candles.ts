import { type CandleColumns } from '../types';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1); the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 2026-01-01T00:00:00Z. */
export const SEEDED_START_TIME = 1_767_225_600_000;

/**
 * `n` deterministic candles for golden tests and benchmarks, owned by the backtest so they never
 * change under it: a log random walk whose drift and volatility switch every `regimeBars` bars
 * (up, down or sideways trends; calm or wild), small opening gaps and wicks beyond the body.
 * Bars are `timeframeMs` apart from 2026-01-01 UTC, with no gaps.
 */
export function seededCandles(
  n: number,
  seed: number,
  timeframeMs = 60_000,
  regimeBars = 500,
): CandleColumns {
  const rnd = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const time = new Float64Array(n);
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  let prevClose = 100;
  let drift = 0;
  let vol = 0.003;
  for (let i = 0; i < n; i++) {
    if (i % regimeBars === 0) {
      drift = (Math.floor(rnd() * 3) - 1) * 0.0004;
      vol = rnd() < 0.5 ? 0.002 : 0.005;
      // a slow pull toward 100 keeps long series in a realistic range
      drift -= 0.0002 * Math.log(prevClose / 100);
    }
    const o = prevClose * (1 + 0.0005 * gauss());
    const c = o * Math.exp(drift + vol * gauss());
    const wick = vol * 0.5;
    time[i] = SEEDED_START_TIME + i * timeframeMs;
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * (1 + Math.abs(gauss()) * wick);
    low[i] = Math.min(o, c) * (1 - Math.abs(gauss()) * wick);
    volume[i] = 10 * Math.exp(0.5 * gauss());
    prevClose = c;
  }
  return { time, open, high, low, close, volume };
}

/** Columns for a handful of candles written out by hand (tests): `[open, high, low, close]` rows. */
export function candlesFromRows(
  rows: readonly (readonly [number, number, number, number])[],
  timeframeMs = 60_000,
  startTime = SEEDED_START_TIME,
): CandleColumns {
  const n = rows.length;
  const c: CandleColumns = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n).fill(1),
  };
  rows.forEach(([o, h, l, cl], i) => {
    c.time[i] = startTime + i * timeframeMs;
    c.open[i] = o;
    c.high[i] = h;
    c.low[i] = l;
    c.close[i] = cl;
  });
  return c;
}
