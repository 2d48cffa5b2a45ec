import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxOpenOrdersPerSymbolRule } from './max-open-orders-per-symbol';

describe('max-open-orders-per-symbol rule', () => {
  it('passes with no pending order', () => {
    expect(maxOpenOrdersPerSymbolRule.evaluate(makeInput()).ok).toBe(true);
  });

  it('fails at the limit (default 1)', () => {
    expect(
      maxOpenOrdersPerSymbolRule.evaluate(makeInput({ counters: { openOrdersForSymbol: 1 } })),
    ).toEqual({
      rule: 'max-open-orders-per-symbol',
      ok: false,
      status: 'failed',
      code: 'MAX_OPEN_ORDERS_PER_SYMBOL',
      message: '1 order is already open on BTCUSDT; the maximum is 1',
      observed: 1,
      limit: 1,
    });
  });

  it('uses the configured limit and skips reducing orders', () => {
    const three = { maxOpenOrdersPerSymbol: { max: 3 } };
    expect(
      maxOpenOrdersPerSymbolRule.evaluate(
        makeInput({ counters: { openOrdersForSymbol: 2 } }, three),
      ).ok,
    ).toBe(true);
    expect(
      maxOpenOrdersPerSymbolRule.evaluate(
        makeInput({ counters: { openOrdersForSymbol: 3 } }, three),
      ),
    ).toMatchObject({
      message: '3 orders are already open on BTCUSDT; the maximum is 3',
    });
    const reducing = makeInput({ order: { reducing: true }, counters: { openOrdersForSymbol: 5 } });
    expect(maxOpenOrdersPerSymbolRule.evaluate(reducing)).toMatchObject({
      reason: 'reducing-order',
    });
  });
});
