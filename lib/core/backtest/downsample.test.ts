import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

describe('downsample', () => {
  it('keeps a series that fits as it is', () => {
    const s = downsample({ time: [1, 2, 3], values: [5, 4, 6] }, 10);
    expect(Array.from(s.time)).toEqual([1, 2, 3]);
    expect(Array.from(s.values)).toEqual([5, 4, 6]);
  });

  it('keeps each bucket’s low and high in time order, plus the ends', () => {
    // 10 points, 6 allowed: 2 buckets of 4 inner points each
    const values = [0, 5, 1, 9, 3, 2, 8, -4, 7, 6];
    const s = downsample({ time: values.map((_, i) => i), values }, 6);
    // bucket 1 (indices 1–4): low 1 at 2, high 9 at 3; bucket 2 (5–8): high 8 at 6, low −4 at 7
    expect(Array.from(s.time)).toEqual([0, 2, 3, 6, 7, 9]);
    expect(Array.from(s.values)).toEqual([0, 1, 9, 8, -4, 6]);
  });

  it('never exceeds maxPoints and always keeps the first, last, max and min points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 4, max: 60 }),
        (values, maxPoints) => {
          const time = values.map((_, i) => 1000 + i * 60);
          const s = downsample({ time, values }, maxPoints);
          expect(s.values.length).toBeLessThanOrEqual(maxPoints);
          expect(s.time[0]).toBe(time[0]);
          expect(s.time[s.time.length - 1]).toBe(time[time.length - 1]);
          expect(Math.max(...s.values)).toBe(Math.max(...values));
          expect(Math.min(...s.values)).toBe(Math.min(...values));
          for (let i = 1; i < s.time.length; i++)
            expect(s.time[i]!).toBeGreaterThan(s.time[i - 1]!);
          for (let i = 0; i < s.time.length; i++) {
            expect(s.values[i]).toBe(values[(s.time[i]! - 1000) / 60]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects fewer than 4 points and mismatched columns', () => {
    expect(() => downsample({ time: [1], values: [1] }, 3)).toThrow(RangeError);
    expect(() => downsample({ time: [1, 2], values: [1] }, 10)).toThrow(RangeError);
  });
});
