import { formatNumber, formatPct } from '../format';
import { exceeds } from '../tolerance';
import { defineRule, failed, noQuantity, orderValue, passed } from './rule';

/** Caps a single trade: an absolute amount and/or a % of the free balance. */
export const maxTradeValueRule = defineRule({
  id: 'max-trade-value',
  policyKey: 'maxTradeValue',
  check(input) {
    const value = orderValue(input);
    if (value === null) return noQuantity('max-trade-value');
    const { max, maxPct } = input.policy.maxTradeValue;
    if (max !== null && exceeds(value, max)) {
      return failed(
        'max-trade-value',
        'TRADE_VALUE_ABOVE_MAX',
        `Trade value ${formatNumber(value)} is above the maximum ${formatNumber(max)}`,
        value,
        max,
      );
    }
    if (maxPct !== null) {
      const limit = (input.context.account.balance * maxPct) / 100;
      if (exceeds(value, limit)) {
        return failed(
          'max-trade-value',
          'TRADE_VALUE_ABOVE_MAX_PCT',
          `Trade value ${formatNumber(value)} is above ${formatPct(maxPct)} of the balance (${formatNumber(limit)})`,
          value,
          limit,
        );
      }
    }
    return passed('max-trade-value');
  },
});
