import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxTradeValueRule } from './max-trade-value';

describe('max-trade-value rule', () => {
  it('passes at exactly 10% of the balance (default)', () => {
    expect(maxTradeValueRule.evaluate(makeInput({ order: { quantity: 0.002 } })).ok).toBe(true);
  });

  it('fails above 10% of the balance', () => {
    expect(maxTradeValueRule.evaluate(makeInput({ order: { quantity: 0.003 } }))).toEqual({
      rule: 'max-trade-value',
      ok: false,
      status: 'failed',
      code: 'TRADE_VALUE_ABOVE_MAX_PCT',
      message: 'Trade value 150 is above 10% of the balance (100)',
      observed: 150,
      limit: 100,
    });
  });

  it('fails above the absolute maximum, checked first', () => {
    const input = makeInput({ order: { quantity: 0.003 } }, { maxTradeValue: { max: 120 } });
    expect(maxTradeValueRule.evaluate(input)).toEqual({
      rule: 'max-trade-value',
      ok: false,
      status: 'failed',
      code: 'TRADE_VALUE_ABOVE_MAX',
      message: 'Trade value 150 is above the maximum 120',
      observed: 150,
      limit: 120,
    });
  });

  it('tolerates float noise of one ulp but not a real excess', () => {
    const capped = { maxTradeValue: { max: 25.5, maxPct: null } };
    // 0.00051 × 50 000 = 25.500000000000004 in doubles: exactly the cap in decimals, so it passes.
    expect(maxTradeValueRule.evaluate(makeInput({ order: { quantity: 0.00051 } }, capped)).ok).toBe(
      true,
    );
    expect(
      maxTradeValueRule.evaluate(makeInput({ order: { quantity: 0.0005101 } }, capped)).ok,
    ).toBe(false);
  });

  it('skips reducing orders, so a large position can always be closed', () => {
    const input = makeInput({ order: { quantity: 10, reducing: true, side: 'sell' } });
    expect(maxTradeValueRule.evaluate(input)).toMatchObject({
      status: 'skipped',
      reason: 'reducing-order',
    });
  });

  it('fails closed on a NaN quantity', () => {
    expect(maxTradeValueRule.evaluate(makeInput({ order: { quantity: Number.NaN } })).ok).toBe(
      false,
    );
  });
});
