import { describe, it } from 'vitest';
import { Atr, atrBatch } from './atr';
import { BollingerBands, bollingerBatch } from './bollinger-bands';
import { Ema, emaBatch } from './ema';
import { expectIdentical } from './fixtures/expect-series';
import { randomCandles } from './fixtures/random-candles';
import { Macd, macdBatch } from './macd';
import { Rsi, rsiBatch } from './rsi';
import { Sma, smaBatch } from './sma';

/*
 * The streaming classes of SMA, EMA, RSI, Bollinger, MACD and ATR update scalar fields instead
 * of calling the batch kernel on one-element arrays (it was the slow part of a backtest). The
 * arithmetic is written twice, so this holds the two forms equal bit for bit over many periods,
 * several ring-buffer wraps, flat stretches, a huge outlier and NaN inputs (which must enter and
 * leave windows the same way), on every output and every step.
 */

function nastyCloses(): Float64Array {
  const c = randomCandles(5000, 99).close;
  c.fill(100, 700, 760); // flat: zero variance, zero RSI loss
  c[1200] = 1e17; // cancellation-prone outlier
  c[2000] = NaN; // a hole: NaN flows through and (for windows) out again
  c[2001] = NaN;
  c[4100] = Infinity;
  return c;
}

const series = { random: randomCandles(20_000, 5), nasty: null as null | Float64Array };
const PERIODS = [1, 2, 3, 7, 14, 20, 50];

function closesOf(kind: 'random' | 'nasty'): Float64Array {
  if (kind === 'random') return series.random.close;
  series.nasty ??= nastyCloses();
  return series.nasty;
}

describe.each(['random', 'nasty'] as const)('streaming == batch (%s closes)', (kind) => {
  const close = closesOf(kind);
  const { high, low } = series.random;
  const hi = high.subarray(0, close.length);
  const lo = low.subarray(0, close.length);

  it.each(PERIODS)('SMA and EMA, period %i', (period) => {
    const sma = new Sma(period);
    const ema = new Ema(period);
    expectIdentical(
      close.map((x) => sma.update(x)),
      smaBatch(close, period),
    );
    expectIdentical(
      close.map((x) => ema.update(x)),
      emaBatch(close, period),
    );
  });

  it.each(PERIODS)('RSI and ATR, period %i', (period) => {
    const rsi = new Rsi(period);
    expectIdentical(
      close.map((x) => rsi.update(x)),
      rsiBatch(close, period),
    );
    const atr = new Atr(period);
    const streamed = close.map((x, i) => atr.update(hi[i]!, lo[i]!, x));
    expectIdentical(streamed, atrBatch(hi, lo, close, period));
  });

  it.each(PERIODS)('Bollinger bands, period %i', (period) => {
    const bands = new BollingerBands(period, 2);
    const upper = new Float64Array(close.length);
    const middle = new Float64Array(close.length);
    const lower = new Float64Array(close.length);
    close.forEach((x, i) => {
      bands.update(x);
      upper[i] = bands.upper;
      middle[i] = bands.middle;
      lower[i] = bands.lower;
    });
    const batch = bollingerBatch(close, period, 2);
    expectIdentical(upper, batch.upper);
    expectIdentical(middle, batch.middle);
    expectIdentical(lower, batch.lower);
  });

  it.each([
    [2, 3, 2],
    [12, 26, 9],
    [26, 12, 9],
    [5, 35, 5],
  ])('MACD %i/%i/%i', (fast, slow, signal) => {
    const m = new Macd(fast, slow, signal);
    const macd = new Float64Array(close.length);
    const sig = new Float64Array(close.length);
    const hist = new Float64Array(close.length);
    close.forEach((x, i) => {
      m.update(x);
      macd[i] = m.macd;
      sig[i] = m.signal;
      hist[i] = m.histogram;
    });
    const batch = macdBatch(close, fast, slow, signal);
    expectIdentical(macd, batch.macd);
    expectIdentical(sig, batch.signal);
    expectIdentical(hist, batch.histogram);
  });
});
