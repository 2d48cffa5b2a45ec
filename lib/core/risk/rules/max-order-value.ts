import { formatNumber } from '../format';
import { exceeds } from '../tolerance';
import { defineRule, failed, noQuantity, orderValue, passed } from './rule';

/** A hard ceiling on one order's value in quote currency, independent of the balance. */
export const maxOrderValueRule = defineRule({
  id: 'max-order-value',
  policyKey: 'maxOrderValue',
  check(input) {
    const value = orderValue(input);
    if (value === null) return noQuantity('max-order-value');
    const { max } = input.policy.maxOrderValue;
    if (!exceeds(value, max)) return passed('max-order-value');
    return failed(
      'max-order-value',
      'ORDER_VALUE_ABOVE_MAX',
      `Order value ${formatNumber(value)} is above the maximum ${formatNumber(max)}`,
      value,
      max,
    );
  },
});
