/** Fees of an order's trades, summed exactly per asset. */
import { Decimal } from '../../core/money';
import { type ExchangeOrder, type ExchangeTrade } from '../types';

export function sumFees(
  trades: readonly Pick<ExchangeTrade, 'fee' | 'feeAsset'>[],
): ExchangeOrder['fees'] {
  const byAsset = new Map<string, Decimal>();
  for (const t of trades)
    byAsset.set(t.feeAsset, (byAsset.get(t.feeAsset) ?? Decimal.ZERO).add(t.fee));
  return [...byAsset.entries()]
    .filter(([, amount]) => !amount.isZero())
    .map(([asset, amount]) => ({ asset, amount: amount.toString() }));
}
