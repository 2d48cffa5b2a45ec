import { type TradingWindow } from '../policy-schema';
import { formatClock, utcDayOfWeek, utcMinuteOfDay, WEEKDAY_NAMES } from '../utc-time';
import { defineRule, failed, passed } from './rule';

/**
 * Whether `now` falls in one of the windows. A window whose start is after its end crosses
 * midnight (22:00–06:00). Days of week apply to the day a window opens: with Fri 22:00–06:00,
 * Saturday 03:00 is inside Friday's window, so `days` = Mon–Fri still allows it.
 */
export function inTradingHours(now: number, windows: TradingWindow[], days: number[]): boolean {
  const minute = utcMinuteOfDay(now);
  const today = utcDayOfWeek(now);
  const yesterday = (today + 6) % 7;
  return windows.some((w) => {
    const start = w.startHour * 60 + w.startMinute;
    const end = w.endHour * 60 + w.endMinute;
    if (start < end) return minute >= start && minute < end && days.includes(today);
    if (minute >= start) return days.includes(today);
    return minute < end && days.includes(yesterday);
  });
}

function describeHours(windows: TradingWindow[], days: number[]): string {
  const spans = windows
    .map(
      (w) =>
        `${formatClock(w.startHour * 60 + w.startMinute)}–${formatClock(w.endHour * 60 + w.endMinute)}`,
    )
    .join(', ');
  const allDays = days.length === 7;
  const dayList = [...days].sort((a, b) => a - b).map((d) => WEEKDAY_NAMES[d] ?? String(d));
  return allDays ? `${spans} UTC` : `${spans} UTC, opening on ${dayList.join(', ')}`;
}

/** Opens new positions only inside the configured UTC windows. */
export const tradingHoursRule = defineRule({
  id: 'trading-hours',
  policyKey: 'tradingHours',
  check({ context, policy }) {
    const { windows, days } = policy.tradingHours;
    if (inTradingHours(context.now, windows, days)) return passed('trading-hours');
    const now = `${WEEKDAY_NAMES[utcDayOfWeek(context.now)]} ${formatClock(utcMinuteOfDay(context.now))} UTC`;
    const hours = describeHours(windows, days);
    return failed(
      'trading-hours',
      'OUTSIDE_TRADING_HOURS',
      `${now} is outside the trading hours ${hours}`,
      now,
      hours,
    );
  },
});
