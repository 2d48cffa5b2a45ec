import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { inTradingHours, tradingHoursRule } from './trading-hours';

/** January 2024: the 1st is a Monday, the 5th a Friday, the 6th a Saturday. */
const at = (day: number, hour: number, minute = 0, second = 0) =>
  Date.UTC(2024, 0, day, hour, minute, second);

const overnight = [{ startHour: 22, startMinute: 0, endHour: 6, endMinute: 0 }];
const office = [{ startHour: 8, startMinute: 30, endHour: 16, endMinute: 0 }];
const everyDay = [0, 1, 2, 3, 4, 5, 6];
const weekdays = [1, 2, 3, 4, 5];

describe('inTradingHours', () => {
  it('uses a start-inclusive, end-exclusive daytime window', () => {
    expect(inTradingHours(at(3, 8, 29, 59), office, everyDay)).toBe(false);
    expect(inTradingHours(at(3, 8, 30), office, everyDay)).toBe(true);
    expect(inTradingHours(at(3, 15, 59, 59), office, everyDay)).toBe(true);
    expect(inTradingHours(at(3, 16, 0), office, everyDay)).toBe(false);
  });

  it('handles a window crossing midnight', () => {
    expect(inTradingHours(at(3, 21, 59), overnight, everyDay)).toBe(false);
    expect(inTradingHours(at(3, 22, 0), overnight, everyDay)).toBe(true);
    expect(inTradingHours(at(3, 23, 59, 59), overnight, everyDay)).toBe(true);
    expect(inTradingHours(at(4, 0, 0), overnight, everyDay)).toBe(true);
    expect(inTradingHours(at(4, 5, 59), overnight, everyDay)).toBe(true);
    expect(inTradingHours(at(4, 6, 0), overnight, everyDay)).toBe(false);
    expect(inTradingHours(at(4, 12, 0), overnight, everyDay)).toBe(false);
  });

  it('applies days to the day the window opens', () => {
    // Friday 22:00 opens a window that runs into Saturday morning.
    expect(inTradingHours(at(5, 23, 0), overnight, weekdays)).toBe(true);
    expect(inTradingHours(at(6, 3, 0), overnight, weekdays)).toBe(true);
    // Saturday 22:00 is not a weekday opening; neither is Sunday's early part (opened Saturday).
    expect(inTradingHours(at(6, 22, 0), overnight, weekdays)).toBe(false);
    expect(inTradingHours(at(7, 3, 0), overnight, weekdays)).toBe(false);
    // Monday 03:00 belongs to Sunday night's window: closed; Monday 22:00 opens.
    expect(inTradingHours(at(8, 3, 0), overnight, weekdays)).toBe(false);
    expect(inTradingHours(at(8, 22, 0), overnight, weekdays)).toBe(true);
  });

  it('switches day exactly at 00:00 UTC', () => {
    const days = [3]; // Wednesday only
    const allDay = [{ startHour: 0, startMinute: 0, endHour: 23, endMinute: 59 }];
    expect(inTradingHours(at(2, 23, 58, 59), allDay, days)).toBe(false); // Tuesday
    expect(inTradingHours(at(3, 0, 0, 0), allDay, days)).toBe(true); // Wednesday
    expect(inTradingHours(at(3, 23, 58, 59), allDay, days)).toBe(true);
    expect(inTradingHours(at(4, 0, 0, 0), allDay, days)).toBe(false); // Thursday
  });

  it('accepts any of several windows', () => {
    const two = [...office, { startHour: 20, startMinute: 0, endHour: 21, endMinute: 0 }];
    expect(inTradingHours(at(3, 20, 30), two, everyDay)).toBe(true);
    expect(inTradingHours(at(3, 18, 0), two, everyDay)).toBe(false);
  });
});

describe('trading-hours rule', () => {
  const on = { tradingHours: { enabled: true, windows: overnight, days: weekdays } };

  it('is off by default', () => {
    expect(tradingHoursRule.evaluate(makeInput())).toMatchObject({
      status: 'skipped',
      reason: 'disabled',
    });
  });

  it('passes inside the hours', () => {
    expect(tradingHoursRule.evaluate(makeInput({ now: at(3, 23, 0) }, on))).toEqual({
      rule: 'trading-hours',
      ok: true,
      status: 'passed',
    });
  });

  it('fails outside the hours with the time and the schedule', () => {
    expect(tradingHoursRule.evaluate(makeInput({ now: at(3, 12, 5) }, on))).toEqual({
      rule: 'trading-hours',
      ok: false,
      status: 'failed',
      code: 'OUTSIDE_TRADING_HOURS',
      message:
        'Wed 12:05 UTC is outside the trading hours 22:00–06:00 UTC, opening on Mon, Tue, Wed, Thu, Fri',
      observed: 'Wed 12:05 UTC',
      limit: '22:00–06:00 UTC, opening on Mon, Tue, Wed, Thu, Fri',
    });
  });

  it('omits the days when every day is allowed', () => {
    const input = makeInput(
      { now: at(3, 7, 0) },
      { tradingHours: { enabled: true, windows: office } },
    );
    expect(tradingHoursRule.evaluate(input)).toMatchObject({ limit: '08:30–16:00 UTC' });
  });

  it('lets reducing orders through outside the hours', () => {
    const input = makeInput({ now: at(3, 12, 0), order: { reducing: true } }, on);
    expect(tradingHoursRule.evaluate(input)).toMatchObject({ ok: true, reason: 'reducing-order' });
  });
});
