import { formatNumber } from '../format';
import { exceeds } from '../tolerance';
import { defineRule, failed, noQuantity, orderValue, passed } from './rule';

/** The position on a symbol after this order (current value + order value) must stay under a ceiling. */
export const maxPositionValueRule = defineRule({
  id: 'max-position-value',
  policyKey: 'maxPositionValue',
  check(input) {
    const value = orderValue(input);
    if (value === null) return noQuantity('max-position-value');
    const current = input.context.counters.positionValue;
    const after = current + value;
    const { max } = input.policy.maxPositionValue;
    if (!exceeds(after, max)) return passed('max-position-value');
    return failed(
      'max-position-value',
      'POSITION_VALUE_ABOVE_MAX',
      `Position value on ${input.context.order.symbol} would be ${formatNumber(after)} (now ${formatNumber(current)} + order ${formatNumber(value)}); the maximum is ${formatNumber(max)}`,
      after,
      max,
    );
  },
});
