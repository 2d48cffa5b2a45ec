import { slippedPrice } from '../../core/fills';
import { Decimal } from '../../core/money';
import { insertPlacedPaperOco } from '../../db/queries/paper-orders';
import { findPaperOco } from '../../db/queries/paper-ocos';
import { type ExchangeOco, type OcoRequest } from '../types';
import { checkOcoRequest, requireMarket } from './check-order-request';
import { fundsToLock } from './funds-to-lock';
import { guardAndLockBalances } from './locked-balances';
import { lastPrice } from './market-prices';
import { type PaperContext } from './paper-context';
import { placementError } from './placement-error';
import { toExchangeOco } from './to-exchange';

/** Client order ids of the two legs, derived from the list's client id. */
export const legClientIds = (clientOcoId: string) => ({
  takeProfit: `${clientOcoId}-tp`,
  stopLoss: `${clientOcoId}-sl`,
});

/**
 * Places an OCO exit held by the paper venue: a take-profit limit leg and a stop-loss leg
 * (stop-market, or stop-limit with `stopLimitPrice`), sharing one lock of funds kept on the
 * list. `matchOpenOrders` fills one leg and cancels the other in one transaction.
 */
export async function placeOco(ctx: PaperContext, request: OcoRequest): Promise<ExchangeOco> {
  const market = requireMarket(await ctx.markets(), request.symbol);
  const time = ctx.clock();
  const ticker = await ctx.feed.ticker(request.symbol, time);
  const checked = checkOcoRequest(market, request, lastPrice(ticker));
  const config = await ctx.fillConfig(market);
  const pair = { base: market.base, quote: market.quote };
  const highestBuy = Decimal.max(
    checked.takeProfitPrice,
    checked.stopLimitPrice ?? slippedPrice(checked.stopPrice, 'buy', config),
  );
  const lock = fundsToLock({
    side: request.side,
    quantity: checked.quantity,
    price: highestBuy,
    pair,
    config,
  });
  const now = new Date(time);
  const ids = legClientIds(request.clientOcoId);

  try {
    return await ctx.db.transaction(async (tx) => {
      // A second list under the same client id fails the insert (unique index): `placementError`.
      const balances = await guardAndLockBalances(tx, ctx.accountId, [lock.asset]);
      balances.apply([{ asset: lock.asset, free: lock.amount.neg(), locked: lock.amount }]);
      const leg = {
        accountId: ctx.accountId,
        symbol: market.symbol,
        side: request.side,
        status: 'open' as const,
        quantity: checked.quantity.toString(),
        checkedUntil: now,
        createdAt: now,
        updatedAt: now,
      };
      const stored = await insertPlacedPaperOco(tx, {
        oco: {
          accountId: ctx.accountId,
          clientOcoId: request.clientOcoId,
          symbol: market.symbol,
          status: 'open',
          lockedAsset: lock.asset,
          lockedAmount: lock.amount.toString(),
          checkedUntil: now,
          createdAt: now,
          updatedAt: now,
        },
        legs: [
          {
            ...leg,
            clientOrderId: ids.takeProfit,
            type: 'limit',
            price: checked.takeProfitPrice.toString(),
            ocoLeg: 'take-profit',
          },
          {
            ...leg,
            clientOrderId: ids.stopLoss,
            type: checked.stopLimitPrice ? 'stop-limit' : 'stop-market',
            price: checked.stopLimitPrice?.toString(),
            stopPrice: checked.stopPrice.toString(),
            ocoLeg: 'stop-loss',
          },
        ],
        balances: balances.takeChanges(),
        now,
      });
      return toExchangeOco(stored.oco, stored.legs);
    });
  } catch (error) {
    throw await placementError(error, () =>
      findPaperOco(ctx.db, ctx.accountId, { clientOcoId: request.clientOcoId }),
    );
  }
}
