import { describe, it, expect } from 'vitest';
import { periodsPerYear, safeRatio } from './ratio';

describe('periodsPerYear', () => {
  it('counts 24/7 bars in a 365-day year', () => {
    expect(periodsPerYear('1d')).toBe(365);
    expect(periodsPerYear('1h')).toBe(8760);
    expect(periodsPerYear('15m')).toBe(35_040);
    expect(periodsPerYear(60_000)).toBe(525_600);
    expect(() => periodsPerYear(0)).toThrow('Timeframe must be a positive length in ms, got 0');
  });
});

describe('safeRatio', () => {
  it('divides, and defines a zero denominator by the sign of the numerator', () => {
    expect(safeRatio(3, 4)).toBe(0.75);
    expect(safeRatio(1, 0)).toBe(Infinity);
    expect(safeRatio(-1, 0)).toBe(-Infinity);
    expect(safeRatio(0, 0)).toBe(0);
  });
});
