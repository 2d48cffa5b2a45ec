import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { runSweep, runWalkForward, walkForwardWindows } from '../core/backtest';
import { getStrategyOrThrow, parseStrategyParams } from '../core/strategy';
import {
  cancelBacktest,
  claimBacktest,
  findBacktest,
  listBacktests,
} from '../db/queries/backtests';
import { insertUser } from '../db/queries/users';
import type { User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/zod-fields';
import type { TradingDeps, TradingEvent } from '../trading/deps';
import { backtestPass } from '../../worker/jobs/backtests';
import { backtestRunSchema } from './backtest-input';
import { getBacktestOrThrow, queueBacktest } from './backtests';
import { executeBacktest } from './execute-backtest';
import { loadBacktestCandles } from './load-backtest-candles';
import type { StoredSweepResult, StoredWalkForwardResult } from './sweep-result';

const NOW = new Date(Date.UTC(2026, 0, 1));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let alice: User;
const events: TradingEvent[] = [];
let deps: Pick<TradingDeps, 'db' | 'now' | 'notify'>;

const request = (overrides: Record<string, unknown> = {}) =>
  parseOrThrow(backtestRunSchema, {
    strategyId: 'sma-cross',
    params: {},
    symbol: 'BTC/USDT',
    timeframe: '1h',
    from: '2025-03-01',
    to: '2025-07-01',
    mode: 'sweep',
    // 4 × 3 = 12 combinations
    grid: { fastPeriod: { min: 5, max: 20, step: 5 }, slowPeriod: [30, 40, 50] },
    metric: 'totalReturn',
    minTrades: 10,
    ...overrides,
  });

/** The field errors of a bad request (throws when the request parses). */
function fieldErrors(overrides: Record<string, unknown>): Record<string, string[]> {
  try {
    request(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? {};
  }
  throw new Error('the request parsed');
}

beforeAll(async () => {
  handle = await createTestDatabase();
  alice = await insertUser(handle.db, {
    email: `${randomUUID()}@example.com`,
    name: 'Alice',
    passwordHash: 'x',
  });
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

describe('sweeps and walk-forward as jobs', () => {
  it('runs a 12-combination sweep on worker threads and stores the same ranking as runSweep', async () => {
    events.length = 0;
    const queued = await queueBacktest(handle.db, alice.id, request());
    expect(queued.mode).toBe('sweep');
    expect(queued.name).toMatch(/^Sweep SMA crossover fastPeriod×slowPeriod \(12\)/);

    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual(['completed']);
    const run = await getBacktestOrThrow(handle.db, alice.id, queued.id);
    expect(run.status).toBe('completed');
    expect(run.progress).toBe(100);
    const stored = run.sweepResult as unknown as StoredSweepResult;
    expect(stored.combinations).toBe(12);
    expect(stored.valid).toBe(12);
    expect(stored.top).toHaveLength(12);

    // the pure sequential sweep over the same candles (warm-up for the slowest combination)
    const slowest = parseStrategyParams('sma-cross', { fastPeriod: 20, slowPeriod: 50 });
    const loaded = await loadBacktestCandles(handle.db, run, {
      seed: 'osprey',
      now: NOW,
      warmupBars: getStrategyOrThrow('sma-cross').warmup(slowest),
    });
    const direct = runSweep({
      candles: loaded!.candles,
      tradeFrom: loaded!.tradeFrom,
      timeframe: '1h',
      symbol: 'BTC/USDT',
      strategy: { id: 'sma-cross', params: run.strategyParams, version: null },
      grid: { fastPeriod: { from: 5, to: 20, step: 5 }, slowPeriod: [30, 40, 50] },
      options: run.options,
      metric: 'totalReturn',
      minTrades: 10,
    });
    expect(stored.top[0]!.combo).toEqual(direct.best!.combo);
    expect(stored.top.map((r) => r.combo)).toEqual(direct.ranked.map((e) => e.combo));
    expect(stored.top[0]!.score).toBeCloseTo(direct.best!.score, 9);
    expect(stored.warnings.map((w) => w.code)).toEqual(direct.warnings.map((w) => w.code));
    expect(run.metrics).toMatchObject({ tradeCount: direct.best!.metrics!.tradeCount });

    const progress = events.filter((e) => e.type === 'job:progress');
    expect(progress.some((e) => (e.payload as { percent: number }).percent > 10)).toBe(true);
    expect(progress.at(-1)?.payload).toMatchObject({ status: 'completed', percent: 100 });
  }, 120_000);

  it('runs a walk-forward with one row per window and out-of-sample trades and curves', async () => {
    const queued = await queueBacktest(
      handle.db,
      alice.id,
      request({
        mode: 'walk-forward',
        grid: { fastPeriod: [5, 10, 20], slowPeriod: [30, 50] },
        walkForward: { unit: 'days', train: 30, test: 15 },
      }),
    );
    expect(queued.mode).toBe('walk-forward');
    expect(await backtestPass(deps, 'worker-a', { seed: 'osprey' })).toEqual(['completed']);
    const run = await getBacktestOrThrow(handle.db, alice.id, queued.id);
    expect(run.status).toBe('completed');
    const stored = run.sweepResult as unknown as StoredWalkForwardResult;
    // Mar–Jun 2025 = 122 days of 1h bars; train 720 bars, test 360, step 360
    const bars = 122 * 24;
    const expected = walkForwardWindows(bars, 720, 360, 360);
    expect(stored.windows).toHaveLength(expected.length);
    expect(stored.windows).toHaveLength(6);
    expect(stored.trainBars).toBe(720);
    expect(stored.windows.every((w) => w.bestCombo !== null && w.outOfSample !== null)).toBe(true);

    const loaded = await loadBacktestCandles(handle.db, run, { seed: 'osprey', now: NOW });
    const direct = runWalkForward({
      candles: loaded!.candles,
      timeframe: '1h',
      symbol: 'BTC/USDT',
      strategy: { id: 'sma-cross', params: run.strategyParams, version: null },
      grid: { fastPeriod: [5, 10, 20], slowPeriod: [30, 50] },
      options: run.options,
      metric: 'totalReturn',
      minTrades: 10,
      trainBars: 720,
      testBars: 360,
    });
    expect(stored.windows.map((w) => w.bestParams)).toEqual(
      direct.windows.map((w) => w.bestParams),
    );
    expect(run.tradeCount).toBe(direct.outOfSample.trades.length);
    expect(run.trades).toHaveLength(direct.outOfSample.trades.length);
    expect(stored.outOfSample.bars).toBe(6 * 360);
    expect((run.metrics as { totalReturnPct: number }).totalReturnPct).toBeCloseTo(
      direct.outOfSample.metrics.totalReturnPct,
      9,
    );
    const curves = run.curves as { equity: { values: number[] }; points: number };
    expect(curves.points).toBe(6 * 360 + 1);
  }, 120_000);

  it('rejects bad grids and windows with an error per field and stores nothing', async () => {
    const before = (await listBacktests(handle.db, alice.id)).length;
    expect(fieldErrors({ grid: { fastPeriod: { min: 0, max: 10, step: 5 } } })).toEqual({
      'grid.fastPeriod': [expect.stringMatching(/^0: /)],
    });
    expect(fieldErrors({ grid: { fastPeriod: { min: 20, max: 10, step: 5 }, nope: [1] } })).toEqual(
      {
        'grid.fastPeriod': ['The maximum must not be below the minimum.'],
        'grid.nope': ['SMA crossover has no parameter "nope".'],
      },
    );
    expect(
      fieldErrors({
        grid: {
          fastPeriod: { min: 1, max: 100, step: 1 },
          slowPeriod: { min: 101, max: 130, step: 1 },
        },
      }),
    ).toEqual({ grid: [expect.stringMatching(/3,000 combinations; at most 2,000/)] });
    expect(fieldErrors({ grid: { fastPeriod: [60, 70], slowPeriod: [30, 40] } })).toEqual({
      grid: [expect.stringMatching(/No combination of the grid is valid/)],
    });
    expect(fieldErrors({ grid: {} })).toHaveProperty('grid');
    expect(
      fieldErrors({ mode: 'walk-forward', walkForward: { unit: 'days', train: 100, test: 30 } }),
    ).toEqual({ 'walkForward.train': [expect.stringMatching(/do not fit the range/)] });
    expect(
      fieldErrors({ mode: 'walk-forward', walkForward: { train: 500, test: 100, step: 50 } }),
    ).toEqual({ 'walkForward.step': [expect.stringMatching(/at least the test window/)] });
    expect(fieldErrors({ mode: 'walk-forward' })).toHaveProperty('walkForward');
    expect(fieldErrors({ strategyId: `ai:${randomUUID()}` })).toHaveProperty('mode');
    expect((await listBacktests(handle.db, alice.id)).length).toBe(before);
  });

  it('stops a running sweep between chunks when it is cancelled', async () => {
    const queued = await queueBacktest(
      handle.db,
      alice.id,
      request({
        timeframe: '15m',
        from: '2025-01-01',
        to: '2025-04-01',
        grid: {
          fastPeriod: { min: 2, max: 40, step: 2 },
          slowPeriod: { min: 45, max: 100, step: 5 },
        },
      }),
    );
    const run = await claimBacktest(handle.db, 'worker-c', NOW, 60_000);
    expect(run?.id).toBe(queued.id);
    const percents: number[] = [];
    const outcome = await executeBacktest(
      {
        db: handle.db,
        now: () => NOW,
        progress: (_r, percent) => {
          percents.push(percent);
          // the first progress from the sweep itself: cancel while combinations are running
          if (percent > 10 && percents.filter((p) => p > 10).length === 1)
            void cancelBacktest(handle.db, alice.id, queued.id);
        },
      },
      run!,
      { owner: 'worker-c', seed: 'osprey', leaseMs: 60_000 },
    );
    expect(outcome).toBe('cancelled');
    const after = await findBacktest(handle.db, alice.id, queued.id);
    expect(after?.status).toBe('cancelled');
    expect(after?.sweepResult).toBeNull();
    expect(percents.at(-1)).toBeLessThan(97);
  }, 120_000);
});
