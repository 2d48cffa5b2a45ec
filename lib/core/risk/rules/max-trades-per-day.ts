import { defineRule, failed, passed } from './rule';

/** Limits the opening orders per UTC day (counted by the caller since `startOfUtcDay(now)`). */
export const maxTradesPerDayRule = defineRule({
  id: 'max-trades-per-day',
  policyKey: 'maxTradesPerDay',
  check({ context, policy }) {
    const today = context.counters.tradesToday;
    const { max } = policy.maxTradesPerDay;
    if (today < max) return passed('max-trades-per-day');
    const trades = today === 1 ? '1 trade was' : `${today} trades were`;
    return failed(
      'max-trades-per-day',
      'MAX_TRADES_PER_DAY',
      `${trades} opened today (UTC); the maximum is ${max}`,
      today,
      max,
    );
  },
});
