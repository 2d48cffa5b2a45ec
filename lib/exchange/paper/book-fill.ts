import { type AssetPair, type Fill, fillDeltas } from '../../core/fills';
import { type Decimal } from '../../core/money';
import { type Db } from '../../db/client';
import { insertPaperFill, updatePaperOrder } from '../../db/queries/paper-orders';
import { type NewPaperFill, type NewPaperOrder, type PaperOrder } from '../../db/schema';
import { type FundsLock, STORED_SCALE } from './funds-to-lock';
import { type BalanceChange, type LockedBalances } from './locked-balances';

/** Moves a lock's funds back from locked to free. */
export function releaseChange(lock: FundsLock | null): BalanceChange[] {
  return lock && !lock.amount.isZero()
    ? [{ asset: lock.asset, free: lock.amount, locked: lock.amount.neg() }]
    : [];
}

function assertStorable(value: Decimal, what: string): void {
  if (!value.round(STORED_SCALE, 'down').eq(value)) {
    throw new Error(`${what} ${value.toString()} has more than ${STORED_SCALE} decimals`);
  }
}

/** The fill as it is booked: its fee rounded up to the stored scale, every amount storable. */
export function storableFill(fill: Fill): Fill {
  assertStorable(fill.price, 'Fill price');
  assertStorable(fill.quantity, 'Fill quantity');
  assertStorable(fill.quoteAmount, 'Fill quote amount');
  return { ...fill, fee: fill.fee.round(STORED_SCALE, 'up') };
}

/** What booking a full fill writes: the fill row (without its order id) and the order's filled state. */
export interface FillBooking {
  fillRow: Omit<NewPaperFill, 'orderId'>;
  filled: Pick<
    NewPaperOrder,
    'status' | 'filledQuantity' | 'averagePrice' | 'fee' | 'feeAsset' | 'lockedAmount'
  >;
}

/**
 * Applies a full fill of an order of `accountId` on `symbol` to the locked balances: releases
 * what the order held (`release`) and applies exactly the fill's base and quote deltas and fee
 * (`fillDeltas`). Null, with only the release applied, when the free funds cannot cover it.
 */
export function applyFill(params: {
  accountId: string;
  symbol: string;
  fill: Fill;
  pair: AssetPair;
  balances: LockedBalances;
  release: FundsLock | null;
  at: Date;
}): FillBooking | null {
  const { pair, balances } = params;
  const fill = storableFill(params.fill);
  const deltas = fillDeltas(fill);
  const released = releaseChange(params.release);
  const booked = balances.tryApply([
    ...released,
    { asset: pair.base, free: deltas.base },
    { asset: pair.quote, free: deltas.quote },
  ]);
  if (!booked) {
    balances.apply(released);
    return null;
  }
  const feeAsset = fill.feeAsset === 'base' ? pair.base : pair.quote;
  return {
    fillRow: {
      accountId: params.accountId,
      symbol: params.symbol,
      side: fill.side,
      price: fill.price.toString(),
      quantity: fill.quantity.toString(),
      quoteAmount: fill.quoteAmount.toString(),
      fee: fill.fee.toString(),
      feeAsset,
      liquidity: fill.liquidity,
      time: params.at,
    },
    filled: {
      status: 'filled',
      filledQuantity: fill.quantity.toString(),
      averagePrice: fill.price.toString(),
      fee: fill.fee.toString(),
      feeAsset,
      lockedAmount: '0',
    },
  };
}

/**
 * Books a full fill of a resting `order` inside the caller's transaction (order and balances
 * already locked): `applyFill`, then the balances, the fill row and the order's filled state
 * are written. When the free funds cannot cover the fill (a stop-market buy gapping far past
 * its lock), the order expires instead and only its lock is released, as a venue expires an
 * order it cannot execute.
 */
export async function bookFill(params: {
  tx: Db;
  order: PaperOrder;
  fill: Fill;
  pair: AssetPair;
  balances: LockedBalances;
  release: FundsLock | null;
  now: Date;
  /** When the fill happened (a candle's open time when matched late); default `now`. */
  executedAt?: Date;
}): Promise<{ order: PaperOrder; filled: boolean }> {
  const { tx, order, balances, now } = params;
  const booking = applyFill({
    accountId: order.accountId,
    symbol: order.symbol,
    fill: params.fill,
    pair: params.pair,
    balances,
    release: params.release,
    at: params.executedAt ?? now,
  });
  await balances.save(now);
  if (!booking) {
    const expired = await updatePaperOrder(tx, order.id, {
      status: 'expired',
      lockedAmount: '0',
      updatedAt: now,
    });
    return { order: expired, filled: false };
  }
  await insertPaperFill(tx, { ...booking.fillRow, orderId: order.id });
  const updated = await updatePaperOrder(tx, order.id, { ...booking.filled, updatedAt: now });
  return { order: updated, filled: true };
}
