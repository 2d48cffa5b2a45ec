import { describe, expect, it } from 'vitest';
import { runPoolTasks } from './run-pool-tasks';

const later = <T>(value: T, ms: number) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('runPoolTasks', () => {
  it('runs every task with at most `concurrency` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const stopped = await runPoolTasks(
      async (n: number) => {
        peak = Math.max(peak, ++inFlight);
        const r = await later(n * 10, 5 - (n % 3));
        inFlight--;
        return r;
      },
      [1, 2, 3, 4, 5, 6, 7],
      3,
      (r) => seen.push(r),
      () => false,
    );
    expect(stopped).toBe(false);
    expect(peak).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('starts no new task once asked to stop, and lets the running ones finish', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const stopped = await runPoolTasks(
      async (n: number) => {
        started.push(n);
        return later(n, 2);
      },
      [1, 2, 3, 4, 5, 6],
      2,
      (r) => finished.push(r),
      () => finished.length >= 1,
    );
    expect(stopped).toBe(true);
    expect(started).toEqual([1, 2]);
    expect(finished.sort()).toEqual([1, 2]);
  });

  it('rethrows the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      runPoolTasks(
        async (n: number) => {
          started.push(n);
          if (n === 2) throw new Error('boom');
          return later(n, 1);
        },
        [1, 2, 3, 4],
        1,
        () => undefined,
        () => false,
      ),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
