import { dec } from '../../core/money';
import {
  findPaperOrder,
  updatePaperOrder,
  type PaperOrderRef,
} from '../../db/queries/paper-orders';
import {
  findPaperOco,
  listPaperOcoLegs,
  updatePaperOco,
  type PaperOcoRef,
} from '../../db/queries/paper-ocos';
import { ExchangeError } from '../exchange-error';
import { type ExchangeOco, type ExchangeOrder } from '../types';
import { releaseChange } from './book-fill';
import { guardAccount } from './guard-account';
import { lockBalances } from './locked-balances';
import { type PaperContext } from './paper-context';
import { toExchangeOco, toExchangeOrder } from './to-exchange';

const unknownOrder = () => new ExchangeError('rejected', 'order_not_found', 'Unknown order sent.');

/**
 * Cancels an open order and releases what it locked. Canceling one leg of an OCO cancels the
 * whole list, as Binance does. A missing, filled or already canceled order is `order_not_found`.
 */
export async function cancelOrder(
  ctx: PaperContext,
  symbol: string,
  ref: PaperOrderRef,
): Promise<ExchangeOrder> {
  const found = await findPaperOrder(ctx.db, ctx.accountId, ref);
  if (found?.symbol !== symbol) throw unknownOrder();
  if (found.ocoId) {
    const oco = await cancelOco(ctx, symbol, { id: found.ocoId });
    return oco.legs.find((leg) => leg.id === found.id)!;
  }
  const time = new Date(ctx.clock());
  return ctx.db.transaction(async (tx) => {
    await guardAccount(tx, ctx.accountId);
    const order = await findPaperOrder(tx, ctx.accountId, { id: found.id }, { lock: true });
    if (order?.status !== 'open') throw unknownOrder();
    if (order.lockedAsset) {
      const balances = await lockBalances(tx, ctx.accountId, [order.lockedAsset]);
      balances.apply(releaseChange({ asset: order.lockedAsset, amount: dec(order.lockedAmount) }));
      await balances.save(time);
    }
    const canceled = await updatePaperOrder(tx, order.id, {
      status: 'canceled',
      lockedAmount: '0',
      updatedAt: time,
    });
    return toExchangeOrder(canceled);
  });
}

/** Cancels an open OCO list: its open legs are canceled and the list's lock released. */
export async function cancelOco(
  ctx: PaperContext,
  symbol: string,
  ref: PaperOcoRef,
): Promise<ExchangeOco> {
  const time = new Date(ctx.clock());
  return ctx.db.transaction(async (tx) => {
    await guardAccount(tx, ctx.accountId);
    const oco = await findPaperOco(tx, ctx.accountId, ref, { lock: true });
    if (oco?.symbol !== symbol || oco.status !== 'open') {
      throw new ExchangeError('rejected', 'order_not_found', 'Order list does not exist.');
    }
    const legs = await listPaperOcoLegs(tx, oco.id, { lock: true });
    const balances = await lockBalances(tx, ctx.accountId, [oco.lockedAsset]);
    balances.apply(releaseChange({ asset: oco.lockedAsset, amount: dec(oco.lockedAmount) }));
    await balances.save(time);
    const updatedLegs = [];
    for (const leg of legs) {
      updatedLegs.push(
        leg.status === 'open'
          ? await updatePaperOrder(tx, leg.id, { status: 'canceled', updatedAt: time })
          : leg,
      );
    }
    const canceled = await updatePaperOco(tx, oco.id, {
      status: 'canceled',
      lockedAmount: '0',
      updatedAt: time,
    });
    return toExchangeOco(canceled, updatedLegs);
  });
}
