import { describe, expect, it } from 'vitest';
import { formatClock, startOfUtcDay, utcDayOfWeek, utcMinuteOfDay } from './utc-time';

describe('UTC day helpers', () => {
  it('finds the start of the UTC day at the boundaries', () => {
    const midnight = Date.UTC(2024, 1, 29); // leap day
    expect(startOfUtcDay(midnight)).toBe(midnight);
    expect(startOfUtcDay(midnight - 1)).toBe(Date.UTC(2024, 1, 28));
    expect(startOfUtcDay(midnight + 86_399_999)).toBe(midnight);
    expect(startOfUtcDay(midnight + 86_400_000)).toBe(Date.UTC(2024, 2, 1));
  });

  it('handles times before 1970', () => {
    const t = Date.UTC(1969, 11, 31, 18, 30);
    expect(startOfUtcDay(t)).toBe(Date.UTC(1969, 11, 31));
    expect(utcMinuteOfDay(t)).toBe(18 * 60 + 30);
    expect(utcDayOfWeek(t)).toBe(3); // Wednesday
  });

  it('agrees with Date#getUTCDay and the clock', () => {
    for (
      let t = Date.UTC(2024, 0, 1);
      t < Date.UTC(2024, 0, 15);
      t += 3_600_000 * 7 + 60_000 * 13
    ) {
      const d = new Date(t);
      expect(utcDayOfWeek(t)).toBe(d.getUTCDay());
      expect(utcMinuteOfDay(t)).toBe(d.getUTCHours() * 60 + d.getUTCMinutes());
    }
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(22 * 60 + 5)).toBe('22:05');
  });
});
