import { describe, expect, it } from 'vitest';
import { runWalkForward, type WalkForwardInput } from '../core/backtest/run-walk-forward';
import { seededCandles } from '../core/backtest/seeded-candles';
import { runParallelWalkForward } from './parallel-walk-forward';

const input: WalkForwardInput = {
  candles: seededCandles(3000, 11, 3_600_000),
  timeframe: '1h',
  strategy: { id: 'sma-cross' },
  // 9 combinations, one invalid (fast ≥ slow)
  grid: { fastPeriod: [5, 10, 30], slowPeriod: [30, 50, 80] },
  options: { feeRate: 0.001 },
  metric: 'totalReturn',
  trainBars: 1000,
  testBars: 400,
  minTrades: 5,
};

describe('runParallelWalkForward', () => {
  it('gives exactly the sequential walk-forward’s result, on worker threads', async () => {
    const progress: number[] = [];
    const parallel = await runParallelWalkForward(
      { ...input, onProgress: (f) => progress.push(f) },
      { threads: 2, tasksPerThread: 2 },
    );
    const sequential = runWalkForward(input);
    // (3000 - 1000 - 400) / 400 + 1 windows
    expect(parallel.windows).toHaveLength(5);
    expect(parallel).toEqual(sequential);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
  }, 60_000);

  it('rejects with a cancelled error when shouldCancel says so', async () => {
    await expect(
      runParallelWalkForward({ ...input, shouldCancel: () => true }, { threads: 2 }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  }, 60_000);
});
