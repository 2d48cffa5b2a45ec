import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { startFakeBinance, type FakeBinance } from '../../test/fake-binance';
import { readCandles } from '../db/queries/candles';
import { insertUser } from '../db/queries/users';
import type { User } from '../db/schema';
import { parseOrThrow } from '../errors/zod-fields';
import type { TradingDeps } from '../trading/deps';
import { backtestPass } from '../../worker/jobs/backtests';
import { backtestRunSchema } from './backtest-input';
import { getBacktestOrThrow, queueBacktest } from './backtests';
import { exchangeCandleFeeds } from './exchange-candle-feeds';

const NOW = new Date(Date.UTC(2026, 0, 1));
const H = 3_600_000;
const FROM = Date.UTC(2025, 5, 1);
const TO = Date.UTC(2025, 8, 1);

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeBinance;
let alice: User;
let deps: Pick<TradingDeps, 'db' | 'now' | 'notify'>;

beforeAll(async () => {
  handle = await createTestDatabase();
  fake = await startFakeBinance();
  alice = await insertUser(handle.db, {
    email: `${randomUUID()}@example.com`,
    name: 'Alice',
    passwordHash: 'x',
  });
  deps = { db: handle.db, now: () => NOW, notify: () => Promise.resolve() };
});

afterAll(async () => {
  await fake.close();
  await handle.drop();
});

const klineRequests = () => fake.requestsTo('GET', '/api/v3/klines').length;

describe('backtests on exchange history (source exchange)', () => {
  it('fetches the range from the venue in pages through ccxt, stores it, and a second run asks nothing', async () => {
    // real ccxt against the loopback fake Binance
    const candleFeed = exchangeCandleFeeds({ urlsOverride: fake.url });
    const input = parseOrThrow(backtestRunSchema, {
      strategyId: 'sma-cross',
      params: { fastPeriod: 10, slowPeriod: 30 },
      venue: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1h',
      source: 'exchange',
      from: FROM,
      to: TO,
    });

    const first = await queueBacktest(handle.db, alice.id, input);
    expect(first.dataSource).toBe('exchange');
    expect(await backtestPass(deps, 'worker-x', { seed: 'osprey', candleFeed })).toEqual([
      'completed',
    ]);
    const bars = (TO - FROM) / H;
    // 2 208 bars plus the warm-up: at most 1 000 klines per request, so several pages
    expect(klineRequests()).toBeGreaterThanOrEqual(3);
    const stored = await readCandles(handle.db, {
      venue: 'binance',
      symbol: 'BTC/USDT',
      timeframe: '1h',
      from: FROM,
      to: TO,
    });
    expect(stored).toHaveLength(bars);
    expect(new Set(stored.map((c) => c.source))).toEqual(new Set(['live']));
    const run1 = await getBacktestOrThrow(handle.db, alice.id, first.id);
    expect(run1.status).toBe('completed');
    expect(run1.gaps).toEqual([]);
    expect(run1.trades?.length).toBeGreaterThan(0);

    const requestsBefore = klineRequests();
    const second = await queueBacktest(handle.db, alice.id, input);
    expect(await backtestPass(deps, 'worker-x', { seed: 'osprey', candleFeed })).toEqual([
      'completed',
    ]);
    expect(klineRequests()).toBe(requestsBefore);
    const run2 = await getBacktestOrThrow(handle.db, alice.id, second.id);
    expect(run2.metrics).toEqual(run1.metrics);
    expect(run2.trades).toEqual(run1.trades);
  });

  it('a run the venue cannot fill stays a gap in the result, not papered over', async () => {
    const candleFeed = exchangeCandleFeeds({ urlsOverride: fake.url });
    const run = (from: number, to: number) =>
      parseOrThrow(backtestRunSchema, {
        strategyId: 'sma-cross',
        params: { fastPeriod: 10, slowPeriod: 30 },
        venue: 'paper', // the paper venue trades on Binance's public prices
        symbol: 'SOL/USDT',
        timeframe: '1h',
        source: 'exchange',
        from,
        to,
      });
    // two separate runs cache [FROM-31h, FROM+300h) and [FROM+469h, FROM+800h) (31 warm-up bars)
    await queueBacktest(handle.db, alice.id, run(FROM, FROM + 300 * H));
    await queueBacktest(handle.db, alice.id, run(FROM + 500 * H, FROM + 800 * H));
    expect(await backtestPass(deps, 'worker-x', { seed: 'osprey', candleFeed })).toEqual([
      'completed',
      'completed',
    ]);
    // the venue now refuses: the middle cannot be fetched
    fake.inject({
      method: 'GET',
      path: '/api/v3/klines',
      times: 20,
      status: 400,
      body: { code: -1100, msg: 'Illegal characters found in a parameter.' },
    });
    const whole = await queueBacktest(handle.db, alice.id, run(FROM, FROM + 800 * H));
    expect(await backtestPass(deps, 'worker-x', { seed: 'osprey', candleFeed })).toEqual([
      'completed',
    ]);
    const done = await getBacktestOrThrow(handle.db, alice.id, whole.id);
    expect(done.gaps).toEqual([{ from: FROM + 299 * H, to: FROM + 469 * H, missingBars: 169 }]);
  });

  it('an unreachable venue fails the run with the reason, and stores nothing', async () => {
    const candleFeed = exchangeCandleFeeds({ urlsOverride: 'http://127.0.0.1:9' });
    const queued = await queueBacktest(
      handle.db,
      alice.id,
      parseOrThrow(backtestRunSchema, {
        strategyId: 'sma-cross',
        params: { fastPeriod: 10, slowPeriod: 30 },
        venue: 'binance',
        symbol: 'ETH/USDT',
        timeframe: '1h',
        source: 'exchange',
        from: FROM,
        to: FROM + 200 * H,
      }),
    );
    expect(await backtestPass(deps, 'worker-x', { seed: 'osprey', candleFeed })).toEqual([
      'failed',
    ]);
    const run = await getBacktestOrThrow(handle.db, alice.id, queued.id);
    expect(run.error).toMatch(/Could not fetch 1h candles of ETH\/USDT from binance/);
    expect(
      await readCandles(handle.db, {
        venue: 'binance',
        symbol: 'ETH/USDT',
        timeframe: '1h',
        from: 0,
        to: NOW.getTime(),
      }),
    ).toEqual([]);
  });
});
