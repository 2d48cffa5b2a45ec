import type { Db } from '../db/client';
import { insertOrderIntent, updateOrder } from '../db/queries/orders';
import type { NewOrder, Order } from '../db/schema';
import { ExchangeError } from '../exchange/exchange-error';
import type { Exchange, ExchangeOrder, OrderRequest } from '../exchange/types';
import type { OrderUpdatedEvent } from '../realtime/events';
import { crashPoint } from './crash-point';
import type { TradingDeps } from './deps';

export type PlaceOrderResult =
  | { outcome: 'accepted'; order: Order; venueOrder: ExchangeOrder }
  | { outcome: 'rejected'; order: Order; error: ExchangeError }
  | { outcome: 'unknown'; order: Order; error: ExchangeError };

/** The realtime view of an order record. */
export function orderEvent(order: Order, now: Date): OrderUpdatedEvent {
  return {
    orderId: order.id,
    botId: order.botId,
    positionId: order.positionId,
    symbol: order.symbol,
    side: order.side,
    role: order.role,
    status: order.status,
    quantity: order.quantity,
    filledQuantity: order.filledQuantity,
    averagePrice: order.averagePrice,
    at: now.toISOString(),
  };
}

/** Venue statuses mapped onto our order record. */
export function venueStatus(order: ExchangeOrder): Order['status'] {
  return order.status;
}

/** The fields of our record that follow the venue's view of the order. */
export function venueFields(venueOrder: ExchangeOrder): Partial<NewOrder> {
  const feeAssets = [...new Set(venueOrder.fees.map((f) => f.asset))];
  return {
    exchangeOrderId: venueOrder.id,
    status: venueStatus(venueOrder),
    filledQuantity: venueOrder.filledQuantity,
    averagePrice: venueOrder.averagePrice ?? null,
    fee: venueOrder.fees.reduce((sum, f) => sum + Number(f.amount), 0).toString(),
    feeAsset:
      feeAssets.length === 1 ? feeAssets[0] : feeAssets.length > 1 ? feeAssets.join(',') : null,
    ocoId: venueOrder.ocoId ?? null,
  };
}

/**
 * An order's two steps in one call (DESIGN §4 steps 4–5): the intent row with its unique client
 * order id is committed first, then the request is sent (`sendOrder`, the one way an order
 * reaches a venue). Entries commit their intent under the user's order lock instead
 * (`admitEntry`), then send it.
 */
export async function placeOrder(
  deps: TradingDeps,
  exchange: Exchange,
  record: IntentRecord,
  request: Omit<OrderRequest, 'clientOrderId'>,
): Promise<PlaceOrderResult> {
  return sendOrder(deps, exchange, await insertIntent(deps.db, record, deps.now()), request);
}

/** An order record before it is stored, with the client order id it will be sent under. */
export type IntentRecord = Omit<NewOrder, 'status' | 'clientOrderId'> & { clientOrderId: string };

/**
 * Stores an order intent on `db` (the pool, or a transaction the caller commits before sending),
 * stamped with the use case's clock like every other time the risk counters compare.
 */
export function insertIntent(db: Db, record: IntentRecord, now: Date): Promise<Order> {
  return insertOrderIntent(db, { ...record, createdAt: now, updatedAt: now });
}

/**
 * Sends a committed intent's order to the venue. A certain rejection marks the record
 * rejected; an unknown outcome (the adapter already looked the client order id up for a grace
 * period) marks it `unknown` for reconciliation. It is never resent blind.
 */
export async function sendOrder(
  deps: TradingDeps,
  exchange: Exchange,
  order: Order,
  request: Omit<OrderRequest, 'clientOrderId'>,
): Promise<PlaceOrderResult> {
  crashPoint('after-intent');
  try {
    const venueOrder = await exchange.createOrder({
      ...request,
      clientOrderId: order.clientOrderId,
    });
    crashPoint('after-request');
    const updated = await updateOrder(deps.db, order.id, venueFields(venueOrder), deps.now());
    crashPoint('after-response');
    return { outcome: 'accepted', order: updated, venueOrder };
  } catch (error) {
    const exchangeError =
      error instanceof ExchangeError
        ? error
        : new ExchangeError(
            'unknown',
            'venue_error',
            error instanceof Error ? error.message : String(error),
            { cause: error },
          );
    const certain = exchangeError.kind === 'rejected' || exchangeError.kind === 'retry';
    const updated = await updateOrder(
      deps.db,
      order.id,
      { status: certain ? 'rejected' : 'unknown', error: exchangeError.message },
      deps.now(),
    );
    return certain
      ? { outcome: 'rejected', order: updated, error: exchangeError }
      : { outcome: 'unknown', order: updated, error: exchangeError };
  }
}
