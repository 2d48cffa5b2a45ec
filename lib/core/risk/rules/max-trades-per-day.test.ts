import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxTradesPerDayRule } from './max-trades-per-day';

describe('max-trades-per-day rule', () => {
  it('passes under the default 10', () => {
    expect(maxTradesPerDayRule.evaluate(makeInput({ counters: { tradesToday: 9 } })).ok).toBe(true);
  });

  it('fails at the limit', () => {
    expect(maxTradesPerDayRule.evaluate(makeInput({ counters: { tradesToday: 10 } }))).toEqual({
      rule: 'max-trades-per-day',
      ok: false,
      status: 'failed',
      code: 'MAX_TRADES_PER_DAY',
      message: '10 trades were opened today (UTC); the maximum is 10',
      observed: 10,
      limit: 10,
    });
  });

  it('uses the configured limit and skips reducing orders', () => {
    expect(
      maxTradesPerDayRule.evaluate(
        makeInput({ counters: { tradesToday: 1 } }, { maxTradesPerDay: { max: 1 } }),
      ),
    ).toMatchObject({ message: '1 trade was opened today (UTC); the maximum is 1' });
    const reducing = makeInput({ order: { reducing: true }, counters: { tradesToday: 50 } });
    expect(maxTradesPerDayRule.evaluate(reducing)).toMatchObject({ reason: 'reducing-order' });
  });
});
