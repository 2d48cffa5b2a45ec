import { defineRule, failed, passed } from './rule';

/** Limits pending entry orders on one symbol (exit legs protecting a position do not count). */
export const maxOpenOrdersPerSymbolRule = defineRule({
  id: 'max-open-orders-per-symbol',
  policyKey: 'maxOpenOrdersPerSymbol',
  check({ context, policy }) {
    const open = context.counters.openOrdersForSymbol;
    const { max } = policy.maxOpenOrdersPerSymbol;
    if (open < max) return passed('max-open-orders-per-symbol');
    const orders = open === 1 ? '1 order is' : `${open} orders are`;
    return failed(
      'max-open-orders-per-symbol',
      'MAX_OPEN_ORDERS_PER_SYMBOL',
      `${orders} already open on ${context.order.symbol}; the maximum is ${max}`,
      open,
      max,
    );
  },
});
