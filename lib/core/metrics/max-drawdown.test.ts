import { describe, it, expect } from 'vitest';
import { maxDrawdown } from './max-drawdown';

const HOUR = 3_600_000;
const curve = (equity: number[]) => ({ equity, time: equity.map((_, i) => i * HOUR) });

describe('maxDrawdown', () => {
  it('finds the deepest fall, not the first or the longest', () => {
    // falls: 110 → 100 (9.09%), recovered at index 3; then 120 → 90 (25%)
    const dd = maxDrawdown(curve([100, 110, 100, 120, 90, 95, 121]));
    expect(dd.depth).toBeCloseTo(0.25, 12);
    expect([dd.peakIndex, dd.troughIndex, dd.recoveryIndex]).toEqual([3, 4, 6]);
    expect([dd.durationBars, dd.durationMs]).toEqual([3, 3 * HOUR]);
  });

  it('an unrecovered drawdown lasts to the last point', () => {
    const dd = maxDrawdown(curve([100, 120, 90, 100]));
    expect(dd.depth).toBeCloseTo(0.25, 12);
    expect(dd.recoveryIndex).toBeNull();
    expect([dd.durationBars, dd.durationMs]).toEqual([2, 2 * HOUR]);
  });

  it('a rising curve and an empty curve have none', () => {
    expect(maxDrawdown(curve([1, 2, 3])).depth).toBe(0);
    expect(maxDrawdown(curve([])).durationBars).toBe(0);
  });
});
