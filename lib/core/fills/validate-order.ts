import { type Decimal } from '../money';
import { FillError, type Order } from './types';

function positive(value: Decimal | undefined, what: string): void {
  if (value !== undefined && !value.isPositive()) {
    throw new FillError(`${what} must be positive, got ${value.toString()}`);
  }
}

/**
 * Throws `FillError` unless the order can be evaluated: positive quantity and prices, and for
 * an OCO the take-profit on the profitable side of the stop (above it for a sell, below for a buy).
 */
export function validateOrder(order: Order): void {
  positive(order.quantity, 'Quantity');
  switch (order.type) {
    case 'market':
      return;
    case 'limit':
      return positive(order.limitPrice, 'Limit price');
    case 'stop-market':
      return positive(order.stopPrice, 'Stop price');
    case 'stop-limit':
      positive(order.stopPrice, 'Stop price');
      return positive(order.limitPrice, 'Limit price');
    case 'take-profit':
      positive(order.triggerPrice, 'Trigger price');
      return positive(order.limitPrice, 'Limit price');
    case 'oco': {
      positive(order.takeProfitPrice, 'Take-profit price');
      positive(order.stopPrice, 'Stop price');
      positive(order.stopLimitPrice, 'Stop-limit price');
      const ordered =
        order.side === 'sell'
          ? order.takeProfitPrice.gt(order.stopPrice)
          : order.takeProfitPrice.lt(order.stopPrice);
      if (!ordered) {
        throw new FillError(
          `OCO ${order.side}: take-profit ${order.takeProfitPrice.toString()} must be ${order.side === 'sell' ? 'above' : 'below'} stop ${order.stopPrice.toString()}`,
        );
      }
    }
  }
}
