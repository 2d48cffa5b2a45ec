import { describe, expect, it } from 'vitest';
import { BacktestError } from './backtest-error';
import { gridFromSpec, rangeValues } from './grid-from-spec';

describe('gridFromSpec', () => {
  it('expands ranges and lists into every combination, last parameter fastest', () => {
    expect(gridFromSpec({ fastPeriod: { from: 5, to: 15, step: 5 }, mode: ['a', 'b'] })).toEqual([
      { fastPeriod: 5, mode: 'a' },
      { fastPeriod: 5, mode: 'b' },
      { fastPeriod: 10, mode: 'a' },
      { fastPeriod: 10, mode: 'b' },
      { fastPeriod: 15, mode: 'a' },
      { fastPeriod: 15, mode: 'b' },
    ]);
  });

  it('gives clean decimal steps and includes the end when a step lands on it', () => {
    expect(rangeValues('x', { from: 0.1, to: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rangeValues('x', { from: 1, to: 2, step: 0.25 })).toEqual([1, 1.25, 1.5, 1.75, 2]);
    expect(rangeValues('x', { from: 10, to: 20, step: 3 })).toEqual([10, 13, 16, 19]);
    expect(rangeValues('x', { from: 7, to: 7, step: 1 })).toEqual([7]);
  });

  it('rejects bad ranges, empty lists, no parameters and too many combinations', () => {
    expect(() => gridFromSpec({ x: { from: 5, to: 1, step: 1 } })).toThrow(BacktestError);
    expect(() => gridFromSpec({ x: { from: 1, to: 5, step: 0 } })).toThrow(/step > 0/);
    expect(() => gridFromSpec({ x: [] })).toThrow(/empty/);
    expect(() => gridFromSpec({})).toThrow(/no parameters/);
    expect(() =>
      gridFromSpec({ a: { from: 1, to: 100, step: 1 }, b: { from: 1, to: 100, step: 1 } }, 5000),
    ).toThrow(/10000 combinations; at most 5000/);
  });
});
