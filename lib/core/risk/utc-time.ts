const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** 00:00 UTC of the day containing `now` (epoch ms): the lower bound of "today" for counters. */
export function startOfUtcDay(now: number): number {
  return now - mod(now, DAY_MS);
}

/** Minutes since 00:00 UTC, 0–1439. */
export function utcMinuteOfDay(now: number): number {
  return Math.floor(mod(now, DAY_MS) / MINUTE_MS);
}

/** Day of week in UTC, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function utcDayOfWeek(now: number): number {
  // 1970-01-01 was a Thursday (4).
  return mod(Math.floor(now / DAY_MS) + 4, 7);
}

export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `HH:MM` for a minute of the day. */
export function formatClock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
