import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatMoney,
  formatPrice,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '.';

describe('format', () => {
  it('formats money with sign and grouping', () => {
    expect(formatMoney('1234.5')).toBe('1,234.50');
    expect(formatSignedMoney('12.3')).toBe('+12.30');
    expect(formatSignedMoney(-4.1, 'USDT')).toBe('−4.10 USDT');
    expect(formatSignedMoney('0.001')).toBe('0.00');
    expect(formatMoney(null)).toBe('—');
  });
  it('formats percentages and prices', () => {
    expect(formatSignedPercent(-1.2)).toBe('−1.20%');
    expect(formatSignedPercent('3')).toBe('+3.00%');
    expect(formatPrice('65000.123')).toBe('65,000.12');
    expect(formatPrice(0.00012345)).toBe('0.00012345');
  });
  it('formats durations and tones', () => {
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(3_900_000)).toBe('1h 05m');
    expect(toneClass('-1')).toBe('text-loss');
    expect(toneClass(0)).toBe('text-slate-300');
  });
});
