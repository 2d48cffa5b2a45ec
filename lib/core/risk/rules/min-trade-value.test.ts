import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { minTradeValueRule } from './min-trade-value';

describe('min-trade-value rule', () => {
  it('passes at the default minimum 5', () => {
    expect(minTradeValueRule.evaluate(makeInput({ order: { quantity: 0.0001 } })).ok).toBe(true);
  });

  it('fails below the absolute minimum', () => {
    expect(minTradeValueRule.evaluate(makeInput({ order: { quantity: 0.00008 } }))).toEqual({
      rule: 'min-trade-value',
      ok: false,
      status: 'failed',
      code: 'TRADE_VALUE_BELOW_MIN',
      message: 'Trade value 4 is below the minimum 5',
      observed: 4,
      limit: 5,
    });
  });

  it('fails below the % of balance', () => {
    const input = makeInput(
      { order: { quantity: 0.0004 } },
      { minTradeValue: { min: null, minPct: 2.5 } },
    );
    expect(minTradeValueRule.evaluate(input)).toEqual({
      rule: 'min-trade-value',
      ok: false,
      status: 'failed',
      code: 'TRADE_VALUE_BELOW_MIN_PCT',
      message: 'Trade value 20 is below 2.5% of the balance (25)',
      observed: 20,
      limit: 25,
    });
  });

  it('skips before sizing and for reducing orders', () => {
    expect(minTradeValueRule.evaluate(makeInput({ order: { quantity: null } }))).toMatchObject({
      status: 'skipped',
      reason: 'no-data',
    });
    expect(
      minTradeValueRule.evaluate(makeInput({ order: { quantity: 0.00001, reducing: true } })),
    ).toMatchObject({ status: 'skipped', reason: 'reducing-order' });
  });
});
