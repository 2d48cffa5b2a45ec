/**
 * Worker thread of `runParallelSweep` (run by piscina). The sweep's fixed data arrives once per
 * worker as `workerData` (candles in shared memory, no copy); each task is a range of
 * combination indices, answered with their sweep entries.
 */
import { workerData } from 'piscina';
import { sweepCombination } from '../core/backtest/sweep-combination';
import { type SweepEntry } from '../core/backtest/sweep-types';
import { fromSharedCandles, sliceCandles } from './shared-candles';
import { type SweepWorkerData, type SweepTask } from './sweep-worker-types';

const data = workerData as SweepWorkerData;
const input = { ...data.input, candles: fromSharedCandles(data.candles) };

export default function runSweepTask(task: SweepTask): SweepEntry[] {
  const entries: SweepEntry[] = [];
  const run = task.window
    ? { ...input, candles: sliceCandles(input.candles, task.window.start, task.window.end) }
    : input;
  for (let index = task.from; index < task.to; index++) {
    // the candles were validated once by the caller, before they were shared
    entries.push(sweepCombination(run, data.options, index, data.combos[index]!, true));
  }
  return entries;
}
