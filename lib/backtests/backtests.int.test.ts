import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { cancelBacktest, claimBacktest, findBacktest } from '../db/queries/backtests';
import { upsertCandles } from '../db/queries/candles';
import { insertUser } from '../db/queries/users';
import type { User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/zod-fields';
import { SimulatedMarket } from '../exchange/market-data';
import type { TradingDeps, TradingEvent } from '../trading/deps';
import { backtestPass } from '../../worker/jobs/backtests';
import { backtestRunSchema } from './backtest-input';
import {
  cancelUserBacktest,
  getBacktestOrThrow,
  listUserBacktests,
  queueBacktest,
  removeBacktest,
} from './backtests';
import { executeBacktest } from './execute-backtest';

const NOW = new Date(Date.UTC(2026, 0, 1));
const FROM = '2025-06-01';
const TO = '2025-09-01';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let alice: User;
let bob: User;
const events: TradingEvent[] = [];
let deps: Pick<TradingDeps, 'db' | 'now' | 'notify'>;

const request = (overrides: Record<string, unknown> = {}) =>
  parseOrThrow(backtestRunSchema, {
    strategyId: 'sma-cross',
    params: { fastPeriod: 10, slowPeriod: 30 },
    symbol: 'BTC/USDT',
    timeframe: '1h',
    from: FROM,
    to: TO,
    ...overrides,
  });

const user = (name: string) =>
  insertUser(handle.db, { email: `${randomUUID()}@example.com`, name, passwordHash: 'x' });

beforeAll(async () => {
  handle = await createTestDatabase();
  alice = await user('Alice');
  bob = await user('Bob');
  deps = {
    db: handle.db,
    now: () => NOW,
    notify: (event) => {
      events.push(event);
      return Promise.resolve();
    },
  };
});

afterAll(async () => {
  await handle.drop();
});

describe('backtests as jobs', () => {
  it('queues a run that the worker job runs and stores with metrics, trades and curves', async () => {
    events.length = 0;
    const queued = await queueBacktest(handle.db, alice.id, request());
    expect(queued.status).toBe('queued');
    expect(queued.name).toBe('SMA crossover 10/30 · BTC/USDT 1h · 2025-06-01 → 2025-09-01');

    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual(['completed']);
    const run = await getBacktestOrThrow(handle.db, alice.id, queued.id);
    expect(run.status).toBe('completed');
    expect(run.progress).toBe(100);
    expect(run.leaseOwner).toBeNull();
    const trades = run.trades ?? [];
    expect(trades.length).toBeGreaterThan(0);
    expect(run.tradeCount).toBe(trades.length);
    expect(run.metrics).toMatchObject({ tradeCount: trades.length });
    const config = run.config as { range: { bars: number; from: number; warmupBars: number } };
    // June–August 2025: 92 days of hourly bars, warm-up loaded before the range
    expect(config.range.bars).toBe(92 * 24);
    expect(config.range.from).toBe(Date.parse(FROM));
    expect(config.range.warmupBars).toBeGreaterThanOrEqual(30);
    const curves = run.curves as { equity: { values: number[] }; points: number };
    expect(curves.points).toBe(92 * 24 + 1);
    expect(curves.equity.values.length).toBeLessThanOrEqual(1000);
    const stats = run.stats as { finalEquity: number };
    expect(curves.equity.values.at(-1)).toBeCloseTo(stats.finalEquity, 9);

    const mine = events.filter((e) => e.type === 'job:progress' && e.userId === alice.id);
    const percents = mine.map((e) => (e.payload as { percent: number }).percent);
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(100);
    expect(mine.at(-1)?.payload).toMatchObject({
      jobId: queued.id,
      kind: 'backtest',
      status: 'completed',
    });
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  });

  it('gives the same trades for the same request (reproducible)', async () => {
    const [a, b] = [
      await queueBacktest(handle.db, alice.id, request()),
      await queueBacktest(handle.db, alice.id, request()),
    ];
    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual([
      'completed',
      'completed',
    ]);
    const ra = await getBacktestOrThrow(handle.db, alice.id, a.id);
    const rb = await getBacktestOrThrow(handle.db, alice.id, b.id);
    expect(rb.trades).toEqual(ra.trades);
    expect(rb.metrics).toEqual(ra.metrics);
  });

  it('cancels a queued run: the worker never starts it', async () => {
    const queued = await queueBacktest(handle.db, alice.id, request());
    const cancelled = await cancelUserBacktest(handle.db, alice.id, queued.id);
    expect(cancelled.status).toBe('cancelled');
    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual([]);
    await expect(cancelUserBacktest(handle.db, alice.id, queued.id)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('stops a running run at its next check when it is cancelled', async () => {
    // 1m bars over 40 days: three loading chunks, so the cancel is seen between them
    const queued = await queueBacktest(
      handle.db,
      alice.id,
      request({ timeframe: '1m', from: '2025-06-01', to: '2025-07-11' }),
    );
    const run = await claimBacktest(handle.db, 'worker-b', NOW, 60_000);
    expect(run?.id).toBe(queued.id);
    const percents: number[] = [];
    const outcome = await executeBacktest(
      {
        db: handle.db,
        now: () => NOW,
        progress: (_r, percent) => {
          percents.push(percent);
          if (percent === 0) void cancelBacktest(handle.db, alice.id, queued.id);
        },
      },
      run!,
      { owner: 'worker-b', seed: 'osprey', leaseMs: 60_000 },
    );
    expect(outcome).toBe('cancelled');
    const after = await findBacktest(handle.db, alice.id, queued.id);
    expect(after?.status).toBe('cancelled');
    expect(after?.metrics).toBeNull();
    expect(percents.at(-1)).toBeLessThan(80);
  });

  it('refuses a symbol the simulated market does not list, naming the field', async () => {
    await expect(
      queueBacktest(handle.db, alice.id, request({ symbol: 'NOPE/XYZ1' })),
    ).rejects.toMatchObject({
      code: 'bad_request',
      fields: { symbol: [expect.stringContaining('BTC/USDT')] },
    });
  });

  it('runs on stored (CSV-imported) candles and reports when there are none', async () => {
    const candles = new SimulatedMarket({ seed: 'csv' }).candles(
      'ETH/USDT',
      '4h',
      Date.parse('2025-01-01'),
      Date.parse('2025-04-01'),
    );
    await upsertCandles(handle.db, {
      venue: 'binance',
      symbol: 'ETH/USDT',
      timeframe: '4h',
      source: 'csv',
      candles,
    });
    const ok = await queueBacktest(
      handle.db,
      alice.id,
      request({
        symbol: 'ETH/USDT',
        timeframe: '4h',
        source: 'stored',
        from: '2025-02-01',
        to: '2025-04-01',
      }),
    );
    const none = await queueBacktest(
      handle.db,
      alice.id,
      request({ symbol: 'ETH/USDT', timeframe: '1d', source: 'stored' }),
    );
    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual([
      'completed',
      'failed',
    ]);
    expect((await getBacktestOrThrow(handle.db, alice.id, none.id)).status).toBe('failed');
    const run = await getBacktestOrThrow(handle.db, alice.id, ok.id);
    // Feb + Mar 2025 = 59 days of 4h bars; January's candles warm the strategy up
    expect((run.config as { range: { bars: number } }).range.bars).toBe(59 * 6);
    expect((await getBacktestOrThrow(handle.db, alice.id, none.id)).error).toMatch(/import a CSV/);
  });

  it("keeps a user's runs private: another user can neither read, cancel nor delete them", async () => {
    const queued = await queueBacktest(handle.db, alice.id, request());
    await expect(getBacktestOrThrow(handle.db, bob.id, queued.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(cancelUserBacktest(handle.db, bob.id, queued.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeBacktest(handle.db, bob.id, queued.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listUserBacktests(handle.db, bob.id)).toEqual([]);
    await removeBacktest(handle.db, alice.id, queued.id);
    await expect(getBacktestOrThrow(handle.db, alice.id, queued.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('rejects bad requests with an error per field', () => {
    let caught: unknown;
    try {
      request({
        params: { fastPeriod: 50, slowPeriod: 20 },
        symbol: 'btc-usdt',
        to: '2025-01-01',
        options: { feeRate: 2 },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('bad_request');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      'options.feeRate',
      'params.fastPeriod',
      'symbol',
      'to',
    ]);
    expect(() => request({ timeframe: '1m', from: '2020-01-01', to: '2025-01-01' })).toThrow(
      /At most 200,000 bars/,
    );
    expect(() => request({ strategyId: 'nope' })).toThrow(/Unknown strategy/);
  });
});
