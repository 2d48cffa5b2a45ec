import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { type Candle } from '../../core/types';
import { readCandles, upsertCandles } from '../../db/queries/candles';
import { ExchangeError } from '../exchange-error';
import { type Market, type OhlcvRequest, type Ticker } from '../types';
import { cachedCandles } from './cached-candles';
import { candleRange } from './candle-range';
import { parseOhlcvCsv, storeCsvCandles } from './csv-import';
import { SimulatedMarket } from './simulated';
import { type MarketDataFeed, type MarketDataSource } from './types';

const M = 60_000;
const H = 3_600_000;
const NOW = Date.UTC(2025, 0, 15, 12, 34, 56, 789);
const T0 = Date.UTC(2025, 0, 15, 10);

/** A feed over the simulated market that records requests and can have holes, fail or switch source. */
class FakeFeed implements MarketDataFeed {
  readonly venue = 'binance' as const;
  current: MarketDataSource = 'live';
  calls: { since: number; until?: number }[] = [];
  holes: [number, number][] = [];
  failWith: Error | undefined;
  switchToSimulatedOnFetch = false;
  readonly market = new SimulatedMarket({ seed: 'cache' });

  source(): MarketDataSource {
    return this.current;
  }
  markets(): Promise<ReadonlyMap<string, Market>> {
    return Promise.resolve(new Map());
  }
  ticker(symbol: string, now: number): Promise<Ticker> {
    return Promise.resolve(this.market.ticker(symbol, now));
  }
  candles(request: OhlcvRequest, now: number): Promise<Candle[]> {
    this.calls.push({ since: request.since, until: request.until });
    if (this.failWith) return Promise.reject(this.failWith);
    if (this.switchToSimulatedOnFetch) this.current = 'simulated';
    const range = candleRange(request, now);
    const all = this.market.candles(request.symbol, request.timeframe, range.from, range.to);
    return Promise.resolve(
      all.filter((c) => !this.holes.some(([from, to]) => c.time >= from && c.time < to)),
    );
  }
}

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await t.sql`delete from candles`;
});

const request = (since: number, until?: number): OhlcvRequest => ({
  symbol: 'BTC/USDT',
  timeframe: '1m',
  since,
  until,
});
const rowCount = async (): Promise<number> =>
  Number((await t.sql<{ n: string }[]>`select count(*) as n from candles`)[0]?.n);

describe('cachedCandles', () => {
  it('fetches a live range once, then serves it from the cache without asking the feed', async () => {
    const feed = new FakeFeed();
    const cache = cachedCandles(feed, t.db);
    const first = await cache.candles(request(T0, T0 + H), NOW);
    expect(first).toMatchObject({ source: 'live', gaps: [], fromCache: 0, fetched: 60 });
    expect(first.candles).toEqual(feed.market.candles('BTC/USDT', '1m', T0, T0 + H));
    expect(feed.calls).toEqual([{ since: T0, until: T0 + H }]);
    expect(await rowCount()).toBe(60);

    const second = await cache.candles(request(T0, T0 + H), NOW);
    expect(second).toMatchObject({ gaps: [], fromCache: 60, fetched: 0 });
    expect(second.candles).toEqual(first.candles);
    expect(feed.calls).toHaveLength(1);
  });

  it('fetches only the missing runs when the range grows', async () => {
    const feed = new FakeFeed();
    const cache = cachedCandles(feed, t.db);
    await cache.candles(request(T0 + 10 * M, T0 + 20 * M), NOW);
    feed.calls = [];
    const wider = await cache.candles(request(T0, T0 + 30 * M), NOW);
    expect(feed.calls).toEqual([
      { since: T0, until: T0 + 10 * M },
      { since: T0 + 20 * M, until: T0 + 30 * M },
    ]);
    expect(wider).toMatchObject({ fromCache: 10, fetched: 20, gaps: [] });
    expect(wider.candles.map((c) => c.time)).toEqual(
      Array.from({ length: 30 }, (_, i) => T0 + i * M),
    );
  });

  it('stops at the last closed candle and never stores the open one', async () => {
    const feed = new FakeFeed();
    const result = await cachedCandles(feed, t.db).candles(request(NOW - 5 * M), NOW);
    expect(result.candles.at(-1)?.time).toBe(Math.floor(NOW / M) * M - M);
    expect(await rowCount()).toBe(result.candles.length);
  });

  it('reports runs the venue has no data for as gaps, and does not invent candles', async () => {
    const feed = new FakeFeed();
    feed.holes = [[T0 + 5 * M, T0 + 8 * M]];
    const result = await cachedCandles(feed, t.db).candles(request(T0, T0 + 10 * M), NOW);
    expect(result.gaps).toEqual([
      { from: T0 + 5 * M, to: T0 + 8 * M, count: 3, reason: 'no_data' },
    ]);
    expect(result.candles).toHaveLength(7);
    expect(await rowCount()).toBe(7);
  });

  it('reports a failed fetch as such and still serves what the cache has', async () => {
    const feed = new FakeFeed();
    const cache = cachedCandles(feed, t.db);
    await cache.candles(request(T0, T0 + 10 * M), NOW);
    feed.failWith = new ExchangeError('retry', 'network', 'binance candles: connection refused');
    const result = await cache.candles(request(T0, T0 + 20 * M), NOW);
    expect(result.candles).toHaveLength(10);
    expect(result.gaps).toEqual([
      {
        from: T0 + 10 * M,
        to: T0 + 20 * M,
        count: 10,
        reason: 'fetch_failed',
        error: 'binance candles: connection refused',
      },
    ]);
  });

  it('does not mix sources when an auto feed falls back while filling', async () => {
    const feed = new FakeFeed();
    feed.switchToSimulatedOnFetch = true;
    const result = await cachedCandles(feed, t.db).candles(request(T0, T0 + 10 * M), NOW);
    expect(result.source).toBe('live');
    expect(result.candles).toEqual([]);
    expect(result.gaps).toMatchObject([
      { from: T0, count: 10, reason: 'fetch_failed', error: 'the feed switched to simulated data' },
    ]);
    expect(await rowCount()).toBe(0);
  });

  it('does not store simulated candles unless asked to', async () => {
    const feed = new FakeFeed();
    feed.current = 'simulated';
    const plain = await cachedCandles(feed, t.db).candles(request(T0, T0 + 10 * M), NOW);
    expect(plain).toMatchObject({ source: 'simulated', fromCache: 0, fetched: 10, gaps: [] });
    expect(await rowCount()).toBe(0);

    const stored = await cachedCandles(feed, t.db, { cacheSimulated: true }).candles(
      request(T0, T0 + 10 * M),
      NOW,
    );
    expect(stored.candles).toEqual(plain.candles);
    const rows = await readCandles(t.db, {
      venue: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      from: T0,
      to: T0 + 10 * M,
    });
    expect(rows.map((r) => r.source)).toEqual(Array(10).fill('simulated'));
  });

  it('serves imported CSV candles as live history and never serves simulated rows as live', async () => {
    const csv = parseOhlcvCsv(
      ['time,open,high,low,close,volume', `${T0},1,2,0.5,1.5,3`, `${T0 + M},1.5,2,1,1.2,4`].join(
        '\n',
      ),
      { timeframe: '1m' },
    );
    expect(csv.errors).toEqual([]);
    expect(
      await storeCsvCandles(t.db, {
        venue: 'binance',
        symbol: 'BTC/USDT',
        timeframe: '1m',
        candles: csv.candles,
      }),
    ).toBe(2);
    const simulatedRow = { time: T0 + 2 * M, open: 5, high: 5, low: 5, close: 5, volume: 5 };
    await upsertCandles(t.db, {
      venue: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      source: 'simulated',
      candles: [simulatedRow],
    });

    const feed = new FakeFeed();
    const result = await cachedCandles(feed, t.db).candles(request(T0, T0 + 4 * M), NOW);
    expect(result.candles.slice(0, 2)).toEqual(csv.candles);
    expect(result.candles[2]).toEqual(
      feed.market.candles('BTC/USDT', '1m', T0 + 2 * M, T0 + 3 * M)[0],
    );
    expect(feed.calls).toEqual([{ since: T0 + 2 * M, until: T0 + 4 * M }]);
    const rows = await readCandles(t.db, {
      venue: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      from: T0,
      to: T0 + 4 * M,
    });
    expect(rows.map((r) => r.source)).toEqual(['csv', 'csv', 'live', 'live']);
  });
});
