import { slippedPrice } from '../../core/fills';
import { Decimal } from '../../core/money';
import { findPaperOco, insertPaperOco, insertPaperOrder } from '../../db/queries/paper';
import { ExchangeError } from '../exchange-error';
import { type ExchangeOco, type OcoRequest } from '../types';
import { checkOcoRequest, requireMarket } from './check-order-request';
import { fundsToLock } from './funds-to-lock';
import { guardAccount } from './guard-account';
import { lockBalances } from './locked-balances';
import { isUniqueViolation, lastPrice } from './market-prices';
import { type PaperContext } from './paper-context';
import { toExchangeOco } from './to-exchange';

const duplicate = () => new ExchangeError('rejected', 'invalid_order', 'Duplicate order sent.');

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
      await guardAccount(tx, ctx.accountId);
      if (await findPaperOco(tx, ctx.accountId, { clientOcoId: request.clientOcoId }))
        throw duplicate();
      const balances = await lockBalances(tx, ctx.accountId, [lock.asset]);
      balances.apply([{ asset: lock.asset, free: lock.amount.neg(), locked: lock.amount }]);
      const oco = await insertPaperOco(tx, {
        accountId: ctx.accountId,
        clientOcoId: request.clientOcoId,
        symbol: market.symbol,
        status: 'open',
        lockedAsset: lock.asset,
        lockedAmount: lock.amount.toString(),
        checkedUntil: now,
        createdAt: now,
        updatedAt: now,
      });
      const leg = {
        accountId: ctx.accountId,
        symbol: market.symbol,
        side: request.side,
        status: 'open' as const,
        quantity: checked.quantity.toString(),
        ocoId: oco.id,
        checkedUntil: now,
        createdAt: now,
        updatedAt: now,
      };
      const takeProfit = await insertPaperOrder(tx, {
        ...leg,
        clientOrderId: ids.takeProfit,
        type: 'limit',
        price: checked.takeProfitPrice.toString(),
        ocoLeg: 'take-profit',
      });
      const stopLoss = await insertPaperOrder(tx, {
        ...leg,
        clientOrderId: ids.stopLoss,
        type: checked.stopLimitPrice ? 'stop-limit' : 'stop-market',
        price: checked.stopLimitPrice?.toString(),
        stopPrice: checked.stopPrice.toString(),
        ocoLeg: 'stop-loss',
      });
      await balances.save(now);
      return toExchangeOco(oco, [takeProfit, stopLoss]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
