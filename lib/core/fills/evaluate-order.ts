import { evaluateOco } from './evaluate-oco';
import { type FillConfig } from './fill-config';
import { fillLimit, fillTriggered, filled, limitDirection, stopDirection } from './fill-rules';
import { makeFill, slippedPrice } from './make-fill';
import { toPriceBar, touchPrice } from './price-bar';
import { validateOrder } from './validate-order';
import { type EvaluateOptions, type MarketPrices, type Order, type OrderEvaluation } from './types';

/**
 * Checks one order against one tick or candle: does it fill, trigger, or stay open? Pure and
 * exact; shared by the paper exchange and the backtester (see `lib/core/fills/README.md`):
 * - market: the open (tick price) plus slippage against the taker; taker;
 * - limit: buy when low ≤ limit, sell when high ≥ limit, at the limit or at the better open;
 * - stop-market: buy when high ≥ stop, sell when low ≤ stop, at the stop or at the worse open
 *   when gapped through, plus slippage; taker;
 * - take-profit: like a stop in the favourable direction (a sell triggers on high ≥ trigger);
 * - stop-limit / take-profit with a limit: once triggered, fills at once if the trigger price
 *   satisfies the limit, else rests as a limit (status `triggered`);
 * - OCO: see `evaluateOco`.
 * Throws `FillError` for an invalid order or inconsistent prices.
 */
export function evaluateOrder(
  order: Order,
  prices: MarketPrices,
  config: FillConfig,
  options: EvaluateOptions = {},
): OrderEvaluation {
  validateOrder(order);
  const bar = toPriceBar(prices);
  const immediate = options.immediate ?? false;
  const { side, quantity } = order;
  switch (order.type) {
    case 'market':
      return filled(
        makeFill(side, slippedPrice(bar.open, side, config), quantity, 'taker', config),
      );
    case 'limit':
      return fillLimit(order, bar, config, immediate);
    case 'stop-market':
    case 'stop-limit': {
      const at = touchPrice(stopDirection(side), order.stopPrice, bar);
      const limit = order.type === 'stop-limit' ? order.limitPrice : undefined;
      return at ? fillTriggered(side, quantity, at, limit, config) : { status: 'open' };
    }
    case 'take-profit': {
      const at = touchPrice(limitDirection(side), order.triggerPrice, bar);
      return at ? fillTriggered(side, quantity, at, order.limitPrice, config) : { status: 'open' };
    }
    case 'oco':
      return evaluateOco(order, bar, config, immediate);
  }
}
