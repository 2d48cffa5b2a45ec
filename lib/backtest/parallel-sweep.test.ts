import { describe, expect, it } from 'vitest';
import { runSweep } from '../core/backtest/run-sweep';
import { seededCandles } from '../core/backtest/seeded-candles';
import { type SweepInput } from '../core/backtest/sweep-types';
import { runParallelSweep } from './parallel-sweep';
import { fromSharedCandles, toSharedCandles } from './shared-candles';

const input: SweepInput = {
  candles: seededCandles(5000, 77, 300_000),
  timeframe: '5m',
  strategy: { id: 'sma-cross' },
  // 20 combinations, three of them invalid (fast ≥ slow)
  grid: { fastPeriod: [5, 10, 15, 20, 25], slowPeriod: [20, 25, 40, 60] },
  options: { feeRate: 0.001, slippageBps: 5 },
  metric: 'sortino',
};

describe('runParallelSweep', () => {
  it('gives exactly the sequential sweep’s result, on worker threads', async () => {
    const progress: number[] = [];
    const parallel = await runParallelSweep(
      { ...input, onProgress: (f) => progress.push(f) },
      { threads: 2, tasksPerThread: 3 },
    );
    const sequential = runSweep(input);
    expect(parallel.combinations).toBe(20);
    expect(parallel.invalid).toHaveLength(3);
    expect(parallel).toEqual(sequential);
    expect(progress[progress.length - 1]).toBe(1);
  }, 60_000);

  it('stops and rejects with a cancelled error when shouldCancel says so', async () => {
    await expect(
      runParallelSweep({ ...input, shouldCancel: () => true }, { threads: 2, tasksPerThread: 5 }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  }, 60_000);
});

describe('shared candles', () => {
  it('round-trips every column through one SharedArrayBuffer', () => {
    const candles = seededCandles(10, 1);
    const shared = toSharedCandles(candles);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(fromSharedCandles(shared)).toEqual(candles);
  });
});
