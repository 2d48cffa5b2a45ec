import { type OcoOrder, type Order } from '../../core/fills';
import { dec } from '../../core/money';
import { type PaperOrder } from '../../db/schema';

function required(value: string | null, what: string, row: PaperOrder): string {
  if (value === null) throw new Error(`Paper order ${row.id} has no ${what}`);
  return value;
}

/**
 * A stored order as the fill model sees it. A triggered stop-limit is a limit order at its
 * limit price from then on.
 */
export function toCoreOrder(row: PaperOrder): Order {
  const side = row.side;
  const quantity = dec(row.quantity);
  if (row.type === 'limit' || (row.type === 'stop-limit' && row.triggered)) {
    return { type: 'limit', side, quantity, limitPrice: dec(required(row.price, 'price', row)) };
  }
  switch (row.type) {
    case 'market':
      return { type: 'market', side, quantity };
    case 'stop-market':
      return {
        type: 'stop-market',
        side,
        quantity,
        stopPrice: dec(required(row.stopPrice, 'stop price', row)),
      };
    case 'stop-limit':
      return {
        type: 'stop-limit',
        side,
        quantity,
        stopPrice: dec(required(row.stopPrice, 'stop price', row)),
        limitPrice: dec(required(row.price, 'price', row)),
      };
  }
}

/** An OCO list's two open legs as one fill-model OCO order. */
export function toCoreOco(takeProfit: PaperOrder, stopLoss: PaperOrder): OcoOrder {
  return {
    type: 'oco',
    side: takeProfit.side,
    quantity: dec(takeProfit.quantity),
    takeProfitPrice: dec(required(takeProfit.price, 'price', takeProfit)),
    stopPrice: dec(required(stopLoss.stopPrice, 'stop price', stopLoss)),
    stopLimitPrice:
      stopLoss.type === 'stop-limit' ? dec(required(stopLoss.price, 'price', stopLoss)) : undefined,
  };
}
