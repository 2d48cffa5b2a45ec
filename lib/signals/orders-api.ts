import { z } from 'zod';
import { findUserExchangeAccount } from '../db/queries/exchange-accounts';
import { updateOrder } from '../db/queries/orders';
import { findUserOrder, listOrders } from '../db/queries/signal-log';
import { orderStatus, signalSource, type Order } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { TradingDeps } from '../trading/deps';
import { orderEvent, venueFields } from '../trading/place-order';
import { reconcileAccount } from '../trading/reconcile';
import { decodeCursor, pageOf } from './cursor';

export const orderListQuery = z.object({
  symbol: z.string().trim().min(1).max(40).optional(),
  status: z.enum(orderStatus.enumValues).optional(),
  source: z.enum(signalSource.enumValues).optional(),
  botId: z.uuid().optional(),
  from: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export async function listUserOrders(
  deps: Pick<TradingDeps, 'db'>,
  userId: string,
  query: z.infer<typeof orderListQuery>,
) {
  const { limit, cursor, ...filter } = query;
  const rows = await listOrders(
    deps.db,
    { userId, ...filter },
    { limit: limit + 1, cursor: decodeCursor(cursor) },
  );
  return pageOf(rows, limit);
}

export async function getUserOrderOrThrow(
  deps: Pick<TradingDeps, 'db'>,
  userId: string,
  id: string,
): Promise<Order> {
  const order = await findUserOrder(deps.db, { userId, id });
  if (!order) throw new AppError('not_found', 'Order not found.');
  return order;
}

async function venueOf(deps: TradingDeps, order: Order) {
  const account = await findUserExchangeAccount(deps.db, {
    userId: order.userId,
    id: order.exchangeAccountId,
  });
  if (!account) throw new AppError('not_found', 'Order not found.');
  return { account, exchange: await deps.exchangeFor(account) };
}

/**
 * Cancels a resting entry order of the user's. Protection legs are refused: cancelling one would
 * leave a position unprotected (close the position instead).
 */
export async function cancelUserOrder(
  deps: TradingDeps,
  userId: string,
  id: string,
): Promise<Order> {
  const order = await getUserOrderOrThrow(deps, userId, id);
  if (order.role !== 'entry')
    throw new AppError(
      'conflict',
      'Protection and exit orders are managed with their position; close the position instead.',
    );
  if (order.status !== 'open' && order.status !== 'partially_filled')
    throw new AppError(
      'conflict',
      `The order is ${order.status}; only open orders can be cancelled.`,
    );
  const { exchange } = await venueOf(deps, order);
  const venue = await exchange.cancelOrder(order.symbol, { clientOrderId: order.clientOrderId });
  const updated = await updateOrder(deps.db, order.id, venueFields(venue), deps.now());
  await deps.notify({ type: 'order:updated', userId, payload: orderEvent(updated, deps.now()) });
  return updated;
}

/** Re-reads the order from the venue (by client order id); a filled entry gets its position. */
export async function refreshUserOrder(
  deps: TradingDeps,
  userId: string,
  id: string,
): Promise<Order> {
  const order = await getUserOrderOrThrow(deps, userId, id);
  const { account, exchange } = await venueOf(deps, order);
  const venue = await exchange.fetchOrder(order.symbol, { clientOrderId: order.clientOrderId });
  if (!venue) return order;
  let updated = await updateOrder(deps.db, order.id, venueFields(venue), deps.now());
  if (updated.role === 'entry' && updated.status === 'filled' && !updated.positionId) {
    await reconcileAccount(deps, account, exchange);
    updated = await getUserOrderOrThrow(deps, userId, id);
  }
  await deps.notify({ type: 'order:updated', userId, payload: orderEvent(updated, deps.now()) });
  return updated;
}
