import { evaluateOrder, tickPrices, type Order } from '../../core/fills';
import { type Decimal } from '../../core/money';
import { findPaperOrder, insertPlacedPaperOrder } from '../../db/queries/paper-orders';
import { ExchangeError } from '../exchange-error';
import { type ExchangeOrder, type OrderRequest } from '../types';
import { applyFill } from './book-fill';
import { checkOrderRequest, requireMarket, type CheckedOrder } from './check-order-request';
import { fundsToLock, maxBuyPrice } from './funds-to-lock';
import { guardAndLockBalances } from './locked-balances';
import { lastPrice, takerPrice } from './market-prices';
import { type PaperContext } from './paper-context';
import { placementError } from './placement-error';
import { toExchangeOrder } from './to-exchange';

/** The order as the fill model sees it when it is placed. */
function coreOrder(request: OrderRequest, checked: CheckedOrder): Order {
  const { side } = request;
  const { quantity, price, stopPrice } = checked;
  switch (request.type) {
    case 'market':
      return { type: 'market', side, quantity };
    case 'limit':
      return { type: 'limit', side, quantity, limitPrice: price! };
    case 'stop-market':
      return { type: 'stop-market', side, quantity, stopPrice: stopPrice! };
    case 'stop-limit':
      return { type: 'stop-limit', side, quantity, stopPrice: stopPrice!, limitPrice: price! };
  }
}

/** A stop the last price has already reached would fire at once; venues refuse it. */
function assertStopNotReached(request: OrderRequest, stopPrice: Decimal, last: Decimal): void {
  const reached = request.side === 'buy' ? last.gte(stopPrice) : last.lte(stopPrice);
  if (reached) {
    throw new ExchangeError('rejected', 'invalid_order', 'Stop price would trigger immediately.');
  }
}

/**
 * Places an order on the paper venue. Market orders fill at once against the current ticker
 * (ask for buys, bid for sells) through the fill model; a marketable limit fills at once as a
 * taker; anything else rests with its funds locked until `matchOpenOrders` fills it. One
 * transaction: the order row, the balances and the fill change together or not at all.
 */
export async function placeOrder(ctx: PaperContext, request: OrderRequest): Promise<ExchangeOrder> {
  const market = requireMarket(await ctx.markets(), request.symbol);
  const time = ctx.clock();
  const ticker = await ctx.feed.ticker(request.symbol, time);
  const reference = takerPrice(ticker, request.side);
  const checked = checkOrderRequest(market, request, reference);
  if (checked.stopPrice) assertStopNotReached(request, checked.stopPrice, lastPrice(ticker));
  const config = await ctx.fillConfig(market);
  const pair = { base: market.base, quote: market.quote };
  const order = coreOrder(request, checked);
  const now = new Date(time);

  try {
    return await ctx.db.transaction(async (tx) => {
      // A second order under the same client id fails the insert (unique index): `placementError`.
      const balances = await guardAndLockBalances(tx, ctx.accountId, [pair.base, pair.quote]);
      const lock =
        order.type === 'market'
          ? null
          : fundsToLock({
              side: order.side,
              quantity: checked.quantity,
              price: maxBuyPrice(checked, config),
              pair,
              config,
            });
      if (lock)
        balances.apply([{ asset: lock.asset, free: lock.amount.neg(), locked: lock.amount }]);
      const row = {
        accountId: ctx.accountId,
        clientOrderId: request.clientOrderId,
        symbol: market.symbol,
        side: request.side,
        type: request.type,
        status: 'open' as const,
        quantity: checked.quantity.toString(),
        price: checked.price?.toString(),
        stopPrice: checked.stopPrice?.toString(),
        lockedAsset: lock?.asset,
        lockedAmount: lock?.amount.toString() ?? '0',
        checkedUntil: now,
        createdAt: now,
        updatedAt: now,
      };
      const placed =
        order.type === 'market' || order.type === 'limit'
          ? evaluateOrder(order, tickPrices(reference), config, { immediate: true })
          : { status: 'open' as const };
      if (placed.status !== 'filled') {
        const stored = await insertPlacedPaperOrder(tx, {
          order: row,
          balances: balances.takeChanges(),
          now,
        });
        return toExchangeOrder(stored);
      }
      const booking = applyFill({
        accountId: ctx.accountId,
        symbol: market.symbol,
        fill: placed.fill,
        pair,
        balances,
        release: lock,
        at: now,
      });
      if (!booking) {
        throw new ExchangeError(
          'rejected',
          'insufficient_funds',
          'Account has insufficient balance for requested action.',
        );
      }
      const stored = await insertPlacedPaperOrder(tx, {
        order: { ...row, ...booking.filled },
        fill: booking.fillRow,
        balances: balances.takeChanges(),
        now,
      });
      return toExchangeOrder(stored);
    });
  } catch (error) {
    throw await placementError(error, () =>
      findPaperOrder(ctx.db, ctx.accountId, { clientOrderId: request.clientOrderId }),
    );
  }
}
