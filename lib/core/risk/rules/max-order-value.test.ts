import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxOrderValueRule } from './max-order-value';

const on = { maxOrderValue: { enabled: true, max: 40 } };

describe('max-order-value rule', () => {
  it('is off by default', () => {
    expect(maxOrderValueRule.evaluate(makeInput())).toMatchObject({ reason: 'disabled' });
  });

  it('passes at the ceiling and fails above it', () => {
    expect(maxOrderValueRule.evaluate(makeInput({ order: { quantity: 0.0008 } }, on)).ok).toBe(
      true,
    );
    expect(maxOrderValueRule.evaluate(makeInput({}, on))).toEqual({
      rule: 'max-order-value',
      ok: false,
      status: 'failed',
      code: 'ORDER_VALUE_ABOVE_MAX',
      message: 'Order value 50 is above the maximum 40',
      observed: 50,
      limit: 40,
    });
  });

  it('skips before sizing and for reducing orders', () => {
    expect(maxOrderValueRule.evaluate(makeInput({ order: { quantity: null } }, on))).toMatchObject({
      reason: 'no-data',
    });
    expect(maxOrderValueRule.evaluate(makeInput({ order: { reducing: true } }, on))).toMatchObject({
      reason: 'reducing-order',
    });
  });
});
