import { dec } from '../../core/money';
import {
  type PaperBalance,
  type PaperFill,
  type PaperOcoList,
  type PaperOrder,
} from '../../db/schema';
import {
  type AssetBalance,
  type ExchangeOco,
  type ExchangeOrder,
  type ExchangeTrade,
} from '../types';

/** Stored numerics ("1.500000000000000000") as canonical decimal strings ("1.5"). */
const canonical = (value: string): string => dec(value).toString();
const optional = (value: string | null): string | undefined =>
  value === null ? undefined : canonical(value);

export function toExchangeOrder(row: PaperOrder): ExchangeOrder {
  const fee = dec(row.fee);
  return {
    id: row.id,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    side: row.side,
    type: row.type,
    status: row.status,
    quantity: canonical(row.quantity),
    filledQuantity: canonical(row.filledQuantity),
    averagePrice: optional(row.averagePrice),
    price: optional(row.price),
    stopPrice: optional(row.stopPrice),
    fees: row.feeAsset && !fee.isZero() ? [{ asset: row.feeAsset, amount: fee.toString() }] : [],
    ocoId: row.ocoId ?? undefined,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

/** An OCO list with its legs, take-profit first. */
export function toExchangeOco(row: PaperOcoList, legs: readonly PaperOrder[]): ExchangeOco {
  const ordered = [...legs].sort(
    (a, b) => Number(a.ocoLeg === 'stop-loss') - Number(b.ocoLeg === 'stop-loss'),
  );
  return {
    id: row.id,
    clientOcoId: row.clientOcoId,
    symbol: row.symbol,
    status: row.status,
    legs: ordered.map(toExchangeOrder),
  };
}

export function toExchangeTrade(row: PaperFill): ExchangeTrade {
  return {
    id: row.id,
    orderId: row.orderId,
    symbol: row.symbol,
    side: row.side,
    price: canonical(row.price),
    quantity: canonical(row.quantity),
    fee: canonical(row.fee),
    feeAsset: row.feeAsset,
    time: row.time.getTime(),
  };
}

export function toAssetBalance(row: PaperBalance): AssetBalance {
  return { asset: row.asset, free: canonical(row.free), locked: canonical(row.locked) };
}
