import { formatNumber, formatPct } from '../format';
import { exceeds } from '../tolerance';
import { defineRule, failed, noQuantity, passed, skipped } from './rule';

/**
 * The loss if the stop is hit (quantity × |entry − stop|) must not exceed `pct` % of the free
 * balance. Also rejects a stop on the wrong side of the entry. Without a stop the loss cannot be
 * measured: skipped, or rejected when `requireStop` is on.
 */
export const riskPerTradeRule = defineRule({
  id: 'risk-per-trade',
  policyKey: 'riskPerTrade',
  check(input) {
    const { order, account } = input.context;
    const { pct, requireStop } = input.policy.riskPerTrade;
    const stop = order.stopPrice;
    if (stop === null || stop === undefined) {
      if (!requireStop) {
        return skipped(
          'risk-per-trade',
          'no-data',
          'No stop price: the loss to the stop cannot be measured',
        );
      }
      return failed(
        'risk-per-trade',
        'STOP_REQUIRED',
        'A stop price is required to open a position',
        'none',
        'a stop price',
      );
    }
    const wrongSide = order.side === 'buy' ? !(stop < order.price) : !(stop > order.price);
    if (wrongSide) {
      const where = order.side === 'buy' ? 'below' : 'above';
      return failed(
        'risk-per-trade',
        'STOP_ON_WRONG_SIDE',
        `A ${order.side} stop must be ${where} the entry price: stop ${formatNumber(stop)}, entry ${formatNumber(order.price)}`,
        stop,
        order.price,
      );
    }
    if (order.quantity === null || order.quantity === undefined)
      return noQuantity('risk-per-trade');
    const loss = order.quantity * Math.abs(order.price - stop);
    const budget = (account.balance * pct) / 100;
    if (!exceeds(loss, budget)) return passed('risk-per-trade');
    return failed(
      'risk-per-trade',
      'RISK_ABOVE_MAX',
      `Loss to the stop ${formatNumber(loss)} is above ${formatPct(pct)} of the balance (${formatNumber(budget)})`,
      loss,
      budget,
    );
  },
});
