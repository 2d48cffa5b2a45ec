import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxPositionValueRule } from './max-position-value';

const on = { maxPositionValue: { enabled: true, max: 200 } };

describe('max-position-value rule', () => {
  it('is off by default', () => {
    expect(
      maxPositionValueRule.evaluate(makeInput({ counters: { positionValue: 1e9 } })),
    ).toMatchObject({
      reason: 'disabled',
    });
  });

  it('counts the current position plus the order', () => {
    expect(
      maxPositionValueRule.evaluate(makeInput({ counters: { positionValue: 150 } }, on)).ok,
    ).toBe(true);
    expect(
      maxPositionValueRule.evaluate(makeInput({ counters: { positionValue: 160 } }, on)),
    ).toEqual({
      rule: 'max-position-value',
      ok: false,
      status: 'failed',
      code: 'POSITION_VALUE_ABOVE_MAX',
      message: 'Position value on BTCUSDT would be 210 (now 160 + order 50); the maximum is 200',
      observed: 210,
      limit: 200,
    });
  });

  it('skips before sizing and for reducing orders', () => {
    expect(
      maxPositionValueRule.evaluate(makeInput({ order: { quantity: null } }, on)),
    ).toMatchObject({ reason: 'no-data' });
    const reducing = makeInput({ order: { reducing: true }, counters: { positionValue: 999 } }, on);
    expect(maxPositionValueRule.evaluate(reducing)).toMatchObject({ reason: 'reducing-order' });
  });
});
