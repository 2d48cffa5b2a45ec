import { describe, expect, it } from 'vitest';
import { type PerformanceMetrics } from '../metrics';
import { parseBacktestOptions } from './options';
import { rankSweep } from './rank-sweep';
import { type SweepEntry } from './sweep-types';

const options = parseBacktestOptions();

function entry(
  index: number,
  combo: Record<string, number>,
  score: number,
  trades = 50,
): SweepEntry {
  const metrics = { sharpe: score, tradeCount: trades } as PerformanceMetrics;
  return { index, params: combo, combo, metrics, score };
}

const grid = { fast: [5, 10, 15], slow: [30, 40] };

describe('rankSweep', () => {
  it('warns when the best value is the lowest or highest of a parameter with ≥ 3 values', () => {
    const entries = [
      entry(0, { fast: 5, slow: 30 }, 1),
      entry(1, { fast: 10, slow: 30 }, 2),
      entry(2, { fast: 15, slow: 40 }, 3),
    ];
    const r = rankSweep(entries, grid, 'sharpe', 30, options);
    expect(r.best?.index).toBe(2);
    // slow has only two values: an edge there means nothing, so no warning for it
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'BEST_ON_EDGE', param: 'fast', value: 15 }),
    ]);
  });

  it('stays quiet for an interior best with enough trades', () => {
    const entries = [entry(0, { fast: 5, slow: 30 }, 1), entry(1, { fast: 10, slow: 40 }, 2)];
    expect(rankSweep(entries, grid, 'sharpe', 30, options).warnings).toEqual([]);
  });

  it('flags too few trades on the best and keeps grid order among equal scores', () => {
    const entries = [
      entry(3, { fast: 10, slow: 30 }, 2, 12),
      entry(1, { fast: 10, slow: 40 }, 2, 12),
      entry(2, { fast: 10, slow: 30 }, -Infinity, 0),
    ];
    const r = rankSweep(entries, grid, 'sharpe', 30, options);
    expect(r.ranked.map((e) => e.index)).toEqual([1, 3, 2]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'TOO_FEW_TRADES', trades: 12, minTrades: 30 }),
    ]);
  });
});
