import { describe, expect, it } from 'vitest';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../../core/types';
import { ExchangeError } from '../../exchange-error';
import { aggregateCandles } from '../aggregate-candles';
import { SimulatedMarket } from './simulated-market';

const NOW = Date.UTC(2025, 0, 15, 12, 34, 56, 789);
const MINUTE = 60_000;
const DAY = 86_400_000;

function logReturns(candles: readonly Candle[]): number[] {
  return candles.map((c) => Math.log(c.close / c.open));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

function autocorrelation(values: readonly number[], lag: number): number {
  const m = mean(values);
  let num = 0;
  let den = 0;
  values.forEach((v, i) => {
    den += (v - m) ** 2;
    const before = values[i - lag];
    if (before !== undefined) num += (v - m) * (before - m);
  });
  return num / den;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? mb;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  });
  return cov / Math.sqrt(va * vb);
}

describe('SimulatedMarket determinism', () => {
  it('gives the same candles for the same seed, in separate instances', () => {
    const a = new SimulatedMarket({ seed: 'demo' });
    const b = new SimulatedMarket({ seed: 'demo' });
    const since = NOW - 2 * DAY;
    expect(a.candles('BTC/USDT', '1m', since, NOW)).toEqual(
      b.candles('BTC/USDT', '1m', since, NOW),
    );
    expect(a.candles('ETH/USDT', '1h', since, NOW)).toEqual(
      b.candles('ETH/USDT', '1h', since, NOW),
    );
    expect(a.ticker('SOL/USDT', NOW)).toEqual(b.ticker('SOL/USDT', NOW));
  });

  it('gives different paths for different seeds and different symbols', () => {
    const a = new SimulatedMarket({ seed: 1 }).candles('BTC/USDT', '1m', NOW - 60 * MINUTE, NOW);
    const b = new SimulatedMarket({ seed: 2 }).candles('BTC/USDT', '1m', NOW - 60 * MINUTE, NOW);
    expect(a.map((c) => c.close)).not.toEqual(b.map((c) => c.close));
  });

  it('does not depend on the order or the window of the questions', () => {
    const fresh = new SimulatedMarket({ seed: 7 });
    const later = fresh.candles('BTC/USDT', '1m', NOW - 10 * MINUTE, NOW);
    const earlier = fresh.candles('BTC/USDT', '1m', NOW - 400 * DAY, NOW - 400 * DAY + 10 * MINUTE);
    const other = new SimulatedMarket({ seed: 7 });
    // The other instance asks in the opposite order and with a wider window.
    const wide = other.candles('BTC/USDT', '1m', NOW - 400 * DAY, NOW - 400 * DAY + 30 * MINUTE);
    expect(wide.slice(0, 10)).toEqual(earlier);
    expect(other.candles('BTC/USDT', '1m', NOW - 10 * MINUTE, NOW)).toEqual(later);
  });

  it('pins a known value so an accidental change of the generator is noticed', () => {
    const market = new SimulatedMarket({ seed: 'golden' });
    const first = market.candles('BTC/USDT', '1d', Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2))[0];
    expect(first).toBeDefined();
    expect(first?.time).toBe(Date.UTC(2024, 0, 1));
    expect(first).toEqual({
      time: 1704067200000,
      open: 23033.52,
      high: 23274.66,
      low: 22518.41,
      close: 22722.58,
      volume: 70510.4928,
    });
  });
});

describe('SimulatedMarket candles', () => {
  const market = new SimulatedMarket({ seed: 'stats' });
  const minutes = market.candles('BTC/USDT', '1m', NOW - 100_000 * MINUTE, NOW);

  it('returns aligned, contiguous candles with open times in the half-open range', () => {
    // NOW is not on a minute: the first open is the next minute, the last is the one NOW is in.
    expect(minutes).toHaveLength(100_000);
    expect(minutes[0]?.time).toBe(Math.ceil((NOW - 100_000 * MINUTE) / MINUTE) * MINUTE);
    expect(minutes.at(-1)?.time).toBe(Math.floor(NOW / MINUTE) * MINUTE);
    const misplaced = minutes.filter(
      (c, i) => c.time % MINUTE !== 0 || (i > 0 && c.time - (minutes[i - 1]?.time ?? 0) !== MINUTE),
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps every candle consistent over 100k minutes: low ≤ open, close ≤ high, positive prices and volumes', () => {
    let bad = 0;
    minutes.forEach((c, i) => {
      const ok =
        c.low > 0 &&
        c.low <= Math.min(c.open, c.close) &&
        c.high >= Math.max(c.open, c.close) &&
        c.volume > 0 &&
        (i === 0 || c.open === minutes[i - 1]?.close);
      if (!ok) bad += 1;
    });
    expect(bad).toBe(0);
  });

  it('has a per-minute log-return volatility like BTC (0.04%–0.15%) and fat tails', () => {
    const returns = logReturns(minutes);
    const sd = std(returns);
    expect(sd).toBeGreaterThan(0.0004);
    expect(sd).toBeLessThan(0.0015);
    const m = mean(returns);
    const kurtosis = mean(returns.map((r) => ((r - m) / sd) ** 4));
    expect(kurtosis).toBeGreaterThan(4);
  });

  it('clusters volatility (|returns| autocorrelated) without predictable returns', () => {
    const returns = logReturns(minutes);
    const absolute = returns.map(Math.abs);
    expect(autocorrelation(absolute, 1)).toBeGreaterThan(0.1);
    expect(autocorrelation(absolute, 60)).toBeGreaterThan(0.05);
    expect(Math.abs(autocorrelation(returns, 1))).toBeLessThan(0.03);
  });

  it('trades more when the price moves more', () => {
    const absolute = logReturns(minutes).map(Math.abs);
    expect(
      correlation(
        minutes.map((c) => c.volume),
        absolute,
      ),
    ).toBeGreaterThan(0.3);
  });

  it('puts prices on the tick and volumes on the step', () => {
    const offTick = (price: number): boolean =>
      Math.abs(price * 100 - Math.round(price * 100)) > 1e-6;
    const offStep = (volume: number): boolean =>
      Math.abs(volume * 1e5 - Math.round(volume * 1e5)) > 1e-4;
    const bad = minutes.filter(
      (c) => [c.open, c.high, c.low, c.close].some(offTick) || offStep(c.volume),
    );
    expect(bad).toEqual([]);
    expect(minutes[0]?.open.toString()).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it.each([
    ['BTC/USDT', 25_000, 150_000],
    ['ETH/USDT', 1_000, 9_000],
    ['SOL/USDT', 30, 700],
  ])('keeps %s near its plausible level over years', (symbol, low, high) => {
    for (const seed of ['x', 'y', 'z']) {
      const sim = new SimulatedMarket({ seed });
      const closes = Array.from({ length: 150 }, (_, k) => sim.price(symbol, NOW - k * 10 * DAY));
      closes.sort((a, b) => a - b);
      const median = closes[Math.floor(closes.length / 2)] ?? 0;
      expect(median).toBeGreaterThan(low);
      expect(median).toBeLessThan(high);
    }
  });

  it('derives a level for unknown symbols from the symbol and prices quote-crossed pairs', () => {
    const a = new SimulatedMarket({ seed: 1 });
    const price = a.price('ZZZ/USDT', NOW);
    expect(price).toBeGreaterThan(0);
    expect(new SimulatedMarket({ seed: 2 }).profile('ZZZ/USDT').basePrice).toBe(
      a.profile('ZZZ/USDT').basePrice,
    );
    expect(a.profile('ETH/BTC').basePrice).toBeCloseTo(0.05, 10);
  });

  it('rejects anything that is not BASE/QUOTE', () => {
    const a = new SimulatedMarket();
    expect(() => a.price('BTCUSDT', NOW)).toThrow(ExchangeError);
    expect(() => a.candles('btc/usdt', '1m', 0, MINUTE)).toThrow(/BASE\/QUOTE/);
  });
});

describe('SimulatedMarket aggregation', () => {
  const market = new SimulatedMarket({ seed: 'agg' });
  const timeframes: Timeframe[] = ['3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'];

  it.each(timeframes)('builds each %s candle from exactly its 1m candles', (timeframe) => {
    const step = TIMEFRAME_MS[timeframe];
    const since = Math.floor((NOW - 3 * DAY) / step) * step;
    const until = since + 3 * step;
    const coarse = market.candles('BTC/USDT', timeframe, since, until);
    const folded = aggregateCandles(market.candles('BTC/USDT', '1m', since, until), timeframe);
    expect(coarse).toHaveLength(3);
    expect(folded).toHaveLength(3);
    coarse.forEach((c, i) => {
      const f = folded[i];
      expect(f).toBeDefined();
      expect({ time: c.time, open: c.open, high: c.high, low: c.low, close: c.close }).toEqual({
        time: f?.time,
        open: f?.open,
        high: f?.high,
        low: f?.low,
        close: f?.close,
      });
      expect(c.volume).toBeCloseTo(f?.volume ?? Number.NaN, 4);
    });
  });

  it('aligns daily candles to UTC midnight and chains them (open = previous close)', () => {
    const days = market.candles('ETH/USDT', '1d', NOW - 10 * DAY, NOW);
    expect(days).toHaveLength(10);
    days.forEach((d, i) => {
      expect(d.time % DAY).toBe(0);
      if (i > 0) expect(d.open).toBe(days[i - 1]?.close);
    });
  });
});

describe('SimulatedMarket ticker', () => {
  const market = new SimulatedMarket({ seed: 'tick' });

  it('quotes a price inside the 1m candle that contains the instant, with bid < last < ask', () => {
    for (let k = 0; k < 500; k += 1) {
      const t = NOW - k * 7_919 - (k % 13) * 1_009;
      const ticker = market.ticker('BTC/USDT', t);
      const minuteOpen = Math.floor(t / MINUTE) * MINUTE;
      const [candle] = market.candles('BTC/USDT', '1m', minuteOpen, minuteOpen + MINUTE);
      expect(candle).toBeDefined();
      expect(ticker.last).toBeGreaterThanOrEqual(candle?.low ?? Infinity);
      expect(ticker.last).toBeLessThanOrEqual(candle?.high ?? -Infinity);
      expect(ticker.bid).toBeLessThan(ticker.last);
      expect(ticker.ask).toBeGreaterThan(ticker.last);
      expect(ticker.time).toBe(t);
    }
  });

  it('opens each minute at the candle open and ticks continuously', () => {
    const minuteOpen = Math.floor(NOW / MINUTE) * MINUTE - 5 * MINUTE;
    const [candle] = market.candles('ETH/USDT', '1m', minuteOpen, minuteOpen + MINUTE);
    expect(market.price('ETH/USDT', minuteOpen)).toBe(candle?.open);
    const prices = Array.from({ length: 60 }, (_, s) =>
      market.price('ETH/USDT', minuteOpen + s * 1000),
    );
    expect(Math.max(...prices)).toBeLessThanOrEqual(candle?.high ?? 0);
    expect(Math.min(...prices)).toBeGreaterThanOrEqual(candle?.low ?? Infinity);
    expect(new Set(prices).size).toBeGreaterThan(10);
  });

  it('builds the still-open candle from what has traded so far', () => {
    const hourOpen = Math.floor(NOW / 3_600_000) * 3_600_000;
    const live = market.currentCandle('BTC/USDT', '1h', NOW);
    const [closed] = market.candles('BTC/USDT', '1h', hourOpen, hourOpen + 3_600_000);
    expect(live.time).toBe(hourOpen);
    expect(live.open).toBe(closed?.open);
    expect(live.close).toBe(market.price('BTC/USDT', NOW));
    expect(live.high).toBeLessThanOrEqual(closed?.high ?? 0);
    expect(live.low).toBeGreaterThanOrEqual(closed?.low ?? Infinity);
    expect(live.high).toBeGreaterThanOrEqual(Math.max(live.open, live.close));
    expect(live.low).toBeLessThanOrEqual(Math.min(live.open, live.close));
    expect(live.volume).toBeLessThan(closed?.volume ?? 0);
    const atEnd = market.currentCandle('BTC/USDT', '1h', hourOpen + 3_600_000 - 1);
    expect(atEnd.high).toBeLessThanOrEqual(closed?.high ?? 0);
    expect(atEnd.close).toBeCloseTo(closed?.close ?? 0, -1);
  });
});
