import { formatNumber, formatPct } from '../format';
import { fallsShort } from '../tolerance';
import { defineRule, failed, noQuantity, orderValue, passed } from './rule';

/** Rejects orders too small to be worth the fees: an absolute amount and/or a % of balance. */
export const minTradeValueRule = defineRule({
  id: 'min-trade-value',
  policyKey: 'minTradeValue',
  check(input) {
    const value = orderValue(input);
    if (value === null) return noQuantity('min-trade-value');
    const { min, minPct } = input.policy.minTradeValue;
    if (min !== null && fallsShort(value, min)) {
      return failed(
        'min-trade-value',
        'TRADE_VALUE_BELOW_MIN',
        `Trade value ${formatNumber(value)} is below the minimum ${formatNumber(min)}`,
        value,
        min,
      );
    }
    if (minPct !== null) {
      const limit = (input.context.account.balance * minPct) / 100;
      if (fallsShort(value, limit)) {
        return failed(
          'min-trade-value',
          'TRADE_VALUE_BELOW_MIN_PCT',
          `Trade value ${formatNumber(value)} is below ${formatPct(minPct)} of the balance (${formatNumber(limit)})`,
          value,
          limit,
        );
      }
    }
    return passed('min-trade-value');
  },
});
