import { type FillConfig } from './fill-config';
import { fillLimit, fillTriggered, limitDirection, stopDirection } from './fill-rules';
import { type PriceBar, touchPrice } from './price-bar';
import { type OcoLeg, type OcoOrder, type OrderEvaluation } from './types';

/**
 * An OCO exit on one bar. The take-profit leg is a limit at `takeProfitPrice`; the stop-loss
 * leg a stop-market (or stop-limit) at `stopPrice`. When one leg fills or triggers, the other
 * is cancelled (the result carries `leg`).
 *
 * Which leg comes first: a leg reached at the open (a gap) is first, since the open is the
 * bar's first price. When the bar reaches both legs only inside its range, the path within
 * the bar is unknown; `bothLegsPolicy` decides, and the default `stop-first` books the loss,
 * the conservative reading, so a backtest never flatters itself with the better exit.
 */
export function evaluateOco(
  order: OcoOrder,
  bar: PriceBar,
  config: FillConfig,
  immediate: boolean,
): OrderEvaluation {
  const { side, quantity } = order;
  const stopAt = touchPrice(stopDirection(side), order.stopPrice, bar);
  const targetAt = touchPrice(limitDirection(side), order.takeProfitPrice, bar);

  let leg: OcoLeg | null = null;
  if (stopAt?.eq(bar.open)) leg = 'stop-loss';
  else if (targetAt?.eq(bar.open)) leg = 'take-profit';
  else if (stopAt && targetAt)
    leg = config.bothLegsPolicy === 'stop-first' ? 'stop-loss' : 'take-profit';
  else if (stopAt) leg = 'stop-loss';
  else if (targetAt) leg = 'take-profit';

  if (leg === null) return { status: 'open' };
  const result =
    leg === 'stop-loss' && stopAt
      ? fillTriggered(side, quantity, stopAt, order.stopLimitPrice, config)
      : fillLimit(
          { type: 'limit', side, quantity, limitPrice: order.takeProfitPrice },
          bar,
          config,
          immediate,
        );
  return result.status === 'open' ? result : { ...result, leg };
}
